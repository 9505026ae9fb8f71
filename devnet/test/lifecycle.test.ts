import { execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestPath } from '../manifest.js';
import { assertPortFree, freePorts } from '../ports.js';
import { startDevnetProcess } from '../process.js';

// Ports of their own, free at the time: these tests start and stop whole devnets beside the suite's shared one.
type Ports = Record<'rpc' | 'sim' | 'app', number>;

async function setUp(name: string): Promise<{ dir: string; ports: Ports; env: Record<string, string> }> {
  const dir = mkdtempSync(path.join(tmpdir(), `devnet-${name}-`));
  const ports = await freePorts(['rpc', 'sim', 'app']);
  const env = {
    DEVNET_RPC_PORT: String(ports.rpc),
    DEVNET_SIM_PORT: String(ports.sim),
    APP_PORT: String(ports.app),
    DEVNET_DIR: dir,
  };
  return { dir, ports, env };
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((r) => child.once('exit', r));
}

function childrenOf(pid: number): string {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)])
      .toString()
      .trim();
  } catch {
    return ''; // ps exits 1 when nothing matches
  }
}

async function expectAllReleased(pid: number, dir: string, ports: Ports): Promise<void> {
  expect(childrenOf(pid)).toBe('');
  expect(existsSync(manifestPath(dir))).toBe(false);
  await assertPortFree('127.0.0.1', ports.rpc, 'chain');
  await assertPortFree('127.0.0.1', ports.sim, 'simulator');
  await assertPortFree('127.0.0.1', ports.app, 'app');
}

describe('devnet lifecycle', () => {
  it('writes the manifest, then stops everything on Ctrl-C', async () => {
    const { dir, ports, env } = await setUp('life');
    const { child, manifest, output } = await startDevnetProcess(env);
    expect(output()).toMatch(/devnet ready in \d+\.\d s/);
    expect(manifest.rpcUrl).toBe(`http://127.0.0.1:${ports.rpc}`);
    expect(manifest.pid).toBe(child.pid);
    child.kill('SIGINT');
    expect(await exitOf(child)).toBe(0);
    await expectAllReleased(child.pid!, dir, ports);
  });

  // `npm start` (with the app's Vite dev server, which would exit on SIGTERM by itself) stopped by `kill`, a
  // service manager or a closed terminal ends exactly as Ctrl-C ends it.
  it.each(['SIGTERM', 'SIGHUP'] as const)('npm start stops everything on %s, as on Ctrl-C', async (signal) => {
    const { dir, ports, env } = await setUp(signal.toLowerCase());
    const { child, output } = await startDevnetProcess(env, ['--app']);
    expect(output()).toContain(`App on http://127.0.0.1:${ports.app}.`);
    // The dev server is up and serves the running devnet's /devnet.json.
    const served = await fetch(`http://127.0.0.1:${ports.app}/devnet.json`);
    expect(served.status).toBe(200);
    expect(((await served.json()) as { rpcUrl: string }).rpcUrl).toBe(`http://127.0.0.1:${ports.rpc}`);
    child.kill(signal);
    expect(await exitOf(child)).toBe(0);
    await expectAllReleased(child.pid!, dir, ports);
  });

  it('stops everything and says so when it crashes', async () => {
    const { dir, ports, env } = await setUp('crash');
    const { child, manifest, output } = await startDevnetProcess(env);
    const res = await fetch(`${manifest.simulator.controlUrl}/crash`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await exitOf(child)).toBe(1);
    expect(output()).toContain('devnet: crashed');
    await expectAllReleased(child.pid!, dir, ports);
  });

  it('refuses to start on a port in use, with one clear message', async () => {
    const { dir, ports, env } = await setUp('busy');
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(ports.sim, '127.0.0.1', () => r()));
    try {
      const err = await startDevnetProcess(env).then(
        () => new Error('started anyway'),
        (e: Error) => e,
      );
      expect(err.message).toContain(`Port ${ports.sim} on 127.0.0.1 is already in use`);
      expect(err.message).toContain('exited with code 1');
      expect(existsSync(manifestPath(dir))).toBe(false);
      // The chain port was never taken.
      await assertPortFree('127.0.0.1', ports.rpc, 'chain');
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });
});
