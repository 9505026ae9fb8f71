import type { Server } from 'node:http';
import path from 'node:path';
import { build } from 'vite';
import type { Manifest } from '../devnet/manifest.js';
import { freePorts } from '../devnet/ports.js';
import { startDevnetProcess, stopDevnetProcess } from '../devnet/process.js';
import { startStaticServer, stopStaticServer } from './static-server.js';

// A production build of the app served next to a running devnet, so the app takes its real devnet code path: once
// as a static host should serve it (the precompressed copies) and once uncompressed. The app and chat benches both
// run against it while it is up.
const ROOT = path.resolve(import.meta.dirname, '..');
const OUT_DIR = path.join(ROOT, 'bench', '.tmp', 'dist');
const DEVNET_DIR = path.join(ROOT, 'bench', '.tmp', 'devnet');
const HOST = '127.0.0.1';

/** What the benches get while the app is served. */
export interface ServedApp {
  /** `http://127.0.0.1:<free port>`, serving the build's .br/.gz copies to clients that accept them. */
  origin: string;
  /** The same build, every file sent uncompressed. */
  uncompressedOrigin: string;
  buildMs: number;
  manifest: Manifest;
}

/** Builds the app for the devnet, starts a devnet and both servers, runs `fn`; always stops what it started. */
export async function withServedApp<T>(fn: (app: ServedApp) => Promise<T>): Promise<T> {
  const buildMs = await buildApp();
  console.log('bench: starting a devnet for the app');
  // Ports free at the time, so the bench runs beside `npm start`, the tests or another bench.
  const ports = await freePorts(['rpc', 'sim', 'app', 'plain']);
  const devnet = await startDevnetProcess({
    DEVNET_RPC_PORT: String(ports.rpc),
    DEVNET_SIM_PORT: String(ports.sim),
    DEVNET_DIR,
  });
  const servers: Server[] = [];
  try {
    const serve = async (port: number, compress: boolean) => {
      servers.push(await startStaticServer({ dir: OUT_DIR, host: HOST, port, compress, devnetDir: DEVNET_DIR }));
      return `http://${HOST}:${port}`;
    };
    const origin = await serve(ports.app, true);
    const uncompressedOrigin = await serve(ports.plain, false);
    return await fn({ origin, uncompressedOrigin, buildMs, manifest: devnet.manifest });
  } finally {
    await Promise.all(servers.map(stopStaticServer));
    await stopDevnetProcess(devnet.child);
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
