import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { manifestPath, readManifest, type Manifest } from './manifest.js';

export interface DevnetProcess {
  child: ChildProcess;
  manifest: Manifest;
  /** Everything the devnet printed so far. */
  output: () => string;
  /** Milliseconds from spawn to the ready line. */
  readyMs: number;
}

/**
 * Starts `devnet/start.ts` as its own process, exactly as `npm run devnet` does (with `['--app']`, as
 * `npm start` does), and waits for the ready line.
 */
export async function startDevnetProcess(
  env: Record<string, string>,
  args: readonly string[] = [],
): Promise<DevnetProcess> {
  const dir = env.DEVNET_DIR ?? mkdtempSync(path.join(tmpdir(), 'devnet-'));
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'devnet/start.ts', ...args], {
    cwd: path.resolve(import.meta.dirname, '..'),
    env: { ...process.env, DEVNET_DIR: dir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`devnet did not start in 60 s:\n${output}`));
    }, 60_000);
    child.stdout.on('data', () => {
      if (output.includes('devnet ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`devnet exited with code ${code} before it was ready:\n${output}`));
    });
  });
  return { child, manifest: readManifest(manifestPath(dir)), output: () => output, readyMs: performance.now() - t0 };
}

/** Stops a devnet process with SIGTERM and waits for it to exit. */
export async function stopDevnetProcess(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((r) => child.once('exit', r));
  child.kill('SIGTERM');
  return exited;
}
