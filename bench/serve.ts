import path from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import type { Manifest } from '../devnet/manifest.js';
import { freePorts } from '../devnet/ports.js';
import { startDevnetProcess, stopDevnetProcess } from '../devnet/process.js';

// A production build of the app served by `vite preview` next to a running devnet, so the app takes its
// real devnet code path. The app and chat benches both run against it while it is up.
const ROOT = path.resolve(import.meta.dirname, '..');
const OUT_DIR = path.join(ROOT, 'bench', '.tmp', 'dist');
const DEVNET_DIR = path.join(ROOT, 'bench', '.tmp', 'devnet');
const HOST = '127.0.0.1';

/** What the benches get while the app is served. */
export interface ServedApp {
  /** `http://127.0.0.1:<free port>`, where vite preview serves the build. */
  origin: string;
  buildMs: number;
  manifest: Manifest;
}

/** Builds the app for the devnet, starts a devnet and the preview server, runs `fn`; always stops what it started. */
export async function withServedApp<T>(fn: (app: ServedApp) => Promise<T>): Promise<T> {
  const buildMs = await buildApp();
  console.log('bench: starting a devnet for the app');
  // Ports free at the time, so the bench runs beside `npm start`, the tests or another bench.
  const ports = await freePorts(['rpc', 'sim', 'app']);
  const devnet = await startDevnetProcess({
    DEVNET_RPC_PORT: String(ports.rpc),
    DEVNET_SIM_PORT: String(ports.sim),
    DEVNET_DIR,
  });
  const previousDir = process.env.DEVNET_DIR;
  let server: PreviewServer | undefined;
  try {
    // The devnet plugin serves /devnet.json from the manifest in DEVNET_DIR, read on each request.
    process.env.DEVNET_DIR = DEVNET_DIR;
    server = await preview({
      root: ROOT,
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: OUT_DIR },
      preview: { host: HOST, port: ports.app, strictPort: true, open: false },
    });
    return await fn({ origin: `http://${HOST}:${ports.app}`, buildMs, manifest: devnet.manifest });
  } finally {
    await server?.close().catch((err: unknown) => console.error('bench: preview server did not close:', err));
    await stopDevnetProcess(devnet.child);
    if (previousDir === undefined) delete process.env.DEVNET_DIR;
    else process.env.DEVNET_DIR = previousDir;
  }
}

async function buildApp(): Promise<number> {
  console.log(`bench: building the app for the devnet into ${path.relative(ROOT, OUT_DIR)}`);
  const previous = process.env.VITE_DEVNET;
  // Vite reads VITE_* from process.env on top of .env files, so this is what `VITE_DEVNET=1 vite build` does.
  process.env.VITE_DEVNET = '1';
  const t0 = performance.now();
  try {
    await build({ root: ROOT, mode: 'production', logLevel: 'warn', build: { outDir: OUT_DIR, emptyOutDir: true } });
  } finally {
    if (previous === undefined) delete process.env.VITE_DEVNET;
    else process.env.VITE_DEVNET = previous;
  }
  return performance.now() - t0;
}
