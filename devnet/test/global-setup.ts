import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { manifestPath, readManifest, type Manifest } from '../manifest.js';

declare module 'vitest' {
  export interface ProvidedContext {
    manifest: Manifest;
  }
}

/** Ports apart from `npm start`'s, so the suite runs while a developer's devnet is up. */
export const TEST_PORTS = { rpc: 18545, sim: 18600 };

let child: ChildProcess | undefined;

/** Starts `devnet/start.ts` as its own process, exactly as `npm run devnet` does, and waits for the ready line. */
export async function startDevnetProcess(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; manifest: Manifest; output: () => string }> {
  const dir = env.DEVNET_DIR ?? mkdtempSync(path.join(tmpdir(), 'devnet-'));
  const proc = spawn(process.execPath, ['--import', 'tsx', 'devnet/start.ts'], {
    cwd: path.resolve(import.meta.dirname, '..', '..'),
    env: { ...process.env, DEVNET_DIR: dir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout.on('data', (d: Buffer) => (output += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (output += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`devnet did not start in 60 s:\n${output}`)), 60_000);
    proc.stdout.on('data', () => {
      if (output.includes('devnet ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`devnet exited with code ${code} before it was ready:\n${output}`));
    });
  });
  return { child: proc, manifest: readManifest(manifestPath(dir)), output: () => output };
}

export async function setup(project: TestProject): Promise<void> {
  const started = await startDevnetProcess({
    DEVNET_RPC_PORT: String(TEST_PORTS.rpc),
    DEVNET_SIM_PORT: String(TEST_PORTS.sim),
    DEVNET_SETTLE_MS: '3000',
    DEVNET_EVENT_DELAY_MS: '2',
    DEVNET_FT_STEP_MS: '150',
  });
  child = started.child;
  project.provide('manifest', started.manifest);
}

export async function teardown(): Promise<void> {
  const proc = child;
  if (!proc || proc.exitCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  await exited;
}
