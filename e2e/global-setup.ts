import type { ChildProcess } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import { startDevnetProcess, stopDevnetProcess } from '../devnet/process';
import {
  APP_HOST,
  APP_PORT,
  APP_URL,
  DEVNET_DIR,
  DEVNET_ENV,
  DIST_DIR,
  OUTPUT_DIR,
  OUTPUT_PARENT,
  ROOT,
} from './paths';

/**
 * Removes the output directories of earlier runs that passed: they hold only Playwright's
 * `.last-run.json`. A failed run keeps its traces; a run still going has no `.last-run.json` yet.
 */
async function pruneOutput(): Promise<void> {
  const entries = await readdir(OUTPUT_PARENT, { withFileTypes: true }).catch(() => []);
  const runs = entries.filter((e) => e.isDirectory() && /^\d+$/.test(e.name));
  await Promise.all(
    runs.map(async (e) => {
      const dir = path.join(OUTPUT_PARENT, e.name);
      if (dir === OUTPUT_DIR) return;
      try {
        const last = JSON.parse(await readFile(path.join(dir, '.last-run.json'), 'utf8')) as { status?: unknown };
        if (last.status === 'passed') await rm(dir, { recursive: true, force: true });
      } catch {
        // No (readable) .last-run.json: still running, or not ours to judge.
      }
    }),
  );
}

/**
 * One fresh devnet and the built app (VITE_DEVNET=1, served by `vite preview`) for the whole run, on
 * the ports and in the directories e2e/paths.ts chose for it. Returns the teardown, which also removes
 * the run's build and manifest directories. Whatever started is stopped again when a later step
 * fails, and the devnet is killed on exit even if the runner never gets to the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const t0 = performance.now();
  // The preview server's devnet plugin reads the manifest from DEVNET_DIR on every /devnet.json request.
  process.env.DEVNET_DIR = DEVNET_DIR;
  process.env.VITE_DEVNET = '1';
  let devnet: ChildProcess | undefined;
  let server: PreviewServer | undefined;
  const killDevnet = () => void devnet?.kill('SIGTERM');
  process.once('exit', killDevnet);
  const teardown = async () => {
    await server?.close();
    if (devnet) await stopDevnetProcess(devnet);
    process.off('exit', killDevnet);
    await Promise.all([DIST_DIR, DEVNET_DIR].map((dir) => rm(dir, { recursive: true, force: true })));
  };
  try {
    await pruneOutput();
    // The chain and the build are independent, so they start together.
    const [started, built] = await Promise.allSettled([
      startDevnetProcess(DEVNET_ENV),
      // Errors only: the build's warnings (chunk sizes, browser externals) belong to `npm run build`, not every e2e run.
      build({
        root: ROOT,
        mode: 'production',
        logLevel: 'error',
        clearScreen: false,
        build: { outDir: DIST_DIR, emptyOutDir: true },
      }).then(() => performance.now() - t0),
    ]);
    if (started.status === 'fulfilled') devnet = started.value.child;
    if (started.status === 'rejected') throw started.reason;
    if (built.status === 'rejected') throw built.reason;
    server = await preview({
      root: ROOT,
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: DIST_DIR },
      preview: { host: APP_HOST, port: APP_PORT, strictPort: true, open: false },
    });
    const s = (ms: number) => (ms / 1000).toFixed(1);
    console.log(
      `e2e: devnet ready in ${s(started.value.readyMs)} s (${started.value.manifest.rpcUrl}), ` +
        `app built in ${s(built.value)} s, served at ${APP_URL}`,
    );
    return teardown;
  } catch (err) {
    await teardown().catch(() => undefined);
    throw err;
  }
}
