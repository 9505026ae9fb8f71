import { execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestPath } from '../manifest.js';
import { assertPortFree } from '../ports.js';
import { startDevnetProcess } from '../process.js';

// Ports of their own: these tests start and stop whole devnets beside the suite's shared one.
const RPC = 38545;
const SIM = 38600;
const env = (dir: string) => ({ DEVNET_RPC_PORT: String(RPC), DEVNET_SIM_PORT: String(SIM), DEVNET_DIR: dir });

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

async function expectAllReleased(pid: number, dir: string): Promise<void> {
  expect(childrenOf(pid)).toBe('');
  expect(existsSync(manifestPath(dir))).toBe(false);
  await assertPortFree('127.0.0.1', RPC, 'chain');
  await assertPortFree('127.0.0.1', SIM, 'simulator');
}

describe('devnet lifecycle', () => {
  it('writes the manifest, then stops everything on Ctrl-C', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'devnet-life-'));
    const { child, manifest, output } = await startDevnetProcess(env(dir));
    expect(output()).toMatch(/devnet ready in \d+\.\d s/);
    expect(manifest.rpcUrl).toBe(`http://127.0.0.1:${RPC}`);
    expect(manifest.pid).toBe(child.pid);
    child.kill('SIGINT');
    expect(await exitOf(child)).toBe(0);
    await expectAllReleased(child.pid!, dir);
  });

  it('stops everything and says so when it crashes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'devnet-crash-'));
    const { child, manifest, output } = await startDevnetProcess(env(dir));
    const res = await fetch(`${manifest.simulator.controlUrl}/crash`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await exitOf(child)).toBe(1);
    expect(output()).toContain('devnet: crashed');
    await expectAllReleased(child.pid!, dir);
  });

  it('refuses to start on a port in use, with one clear message', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'devnet-busy-'));
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(SIM, '127.0.0.1', () => r()));
    try {
      const err = await startDevnetProcess(env(dir)).then(
        () => new Error('started anyway'),
        (e: Error) => e,
      );
      expect(err.message).toContain(`Port ${SIM} on 127.0.0.1 is already in use`);
      expect(err.message).toContain('exited with code 1');
      expect(existsSync(manifestPath(dir))).toBe(false);
      // The chain port was never taken.
      await assertPortFree('127.0.0.1', RPC, 'chain');
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });
});
