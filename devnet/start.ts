import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Devnet } from './devnet.js';
import { manifestPath, writeManifest } from './manifest.js';
import { assertPortFree } from './ports.js';
import type { ViteDevServer } from 'vite';

// `npm run devnet`: one process holds the chain, the contracts' set-up and the simulator (and, with
// `--app` for `npm start`, the Vite dev server), so Ctrl-C, SIGTERM, SIGHUP, a crash or a failed
// start never leaves a child process behind.
const env = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) fail(`${name} must be a whole number, got "${raw}"`);
  return n;
};
const host = process.env.DEVNET_HOST ?? '127.0.0.1';
const rpcPort = env('DEVNET_RPC_PORT', 8545);
const simPort = env('DEVNET_SIM_PORT', 8600);
const withApp = process.argv.includes('--app');
const appPort = env('APP_PORT', 5173);
const file = manifestPath();
let devnet: Devnet | undefined;
let app: ViteDevServer | undefined;
let stopping = false;

function fail(message: string): never {
  console.error(`devnet: ${message}`);
  process.exit(1);
}

function removeManifest(): void {
  try {
    rmSync(file, { force: true });
  } catch (err) {
    console.error(`devnet: could not remove ${file}: ${(err as Error).message}`);
  }
}

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  // First and synchronously: should this process be killed outright a moment later (tsx sends SIGKILL when
  // the child does not acknowledge a relayed signal within 30 ms), no manifest names a devnet that is gone.
  removeManifest();
  await app?.close().catch(() => undefined);
  await devnet?.stop().catch(() => undefined);
  // Again: a stop during start-up may have raced the manifest being written.
  removeManifest();
  process.exit(code);
}

// Ctrl-C (SIGINT), `kill` or a service manager (SIGTERM) and a closed terminal (SIGHUP) all stop the same way.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(0));
process.on('uncaughtException', (err) => {
  console.error('devnet: crashed:', err);
  void shutdown(1);
});
process.on('unhandledRejection', (err) => {
  console.error('devnet: crashed:', err);
  void shutdown(1);
});

/**
 * Runs `create`, then removes the SIGTERM and stdin "end" listeners it added. Vite's dev server adds
 * both to close itself and exit the process at once, which would skip removing the manifest and
 * stopping the devnet; here `shutdown` decides how the process ends.
 */
async function withoutExitHandlers<T>(create: () => Promise<T>): Promise<T> {
  const term = new Set(process.listeners('SIGTERM'));
  const end = new Set(process.stdin.listeners('end'));
  const created = await create();
  for (const l of process.listeners('SIGTERM')) if (!term.has(l)) process.off('SIGTERM', l);
  for (const l of process.stdin.listeners('end')) if (!end.has(l)) process.stdin.off('end', l as () => void);
  return created;
}

try {
  await assertPortFree(host, rpcPort, 'devnet chain (JSON-RPC)');
  await assertPortFree(host, simPort, 'provider simulator');
  if (withApp) await assertPortFree(host, appPort, 'app (Vite dev server)');
  // Loaded here, not at the top, so a missing package is reported like any other start-up failure.
  const { startDevnet } = await import('./devnet.js');
  devnet = await startDevnet({
    host,
    rpcPort,
    simPort,
    settleEveryMs: env('DEVNET_SETTLE_MS', 30_000),
    eventDelayMs: env('DEVNET_EVENT_DELAY_MS', 15),
    fineTuningStepMs: env('DEVNET_FT_STEP_MS', 400),
  });
  await writeManifest(devnet.manifest, file);
  if (withApp) {
    // The app asks for /devnet.json only when built or served with VITE_DEVNET=1.
    process.env.VITE_DEVNET = '1';
    const { createServer } = await import('vite');
    app = await withoutExitHandlers(async () => {
      const server = await createServer({ server: { host, port: appPort, strictPort: true }, clearScreen: false });
      return server.listen();
    });
  }
  // performance.now() counts from process start, so the figure includes loading tsx and Hardhat.
  const seconds = (performance.now() / 1000).toFixed(1);
  const m = devnet.manifest;
  console.log(
    `devnet ready in ${seconds} s: chain ${m.rpcUrl} (id ${m.chainId}), ${m.providers.length + 1} providers at ${m.simulator.url}, ` +
      `manifest ${path.relative(process.cwd(), file)}.` +
      (withApp ? ` App on http://${host}:${appPort}.` : '') +
      ' Ctrl-C stops it.',
  );
} catch (err) {
  const e = err as NodeJS.ErrnoException;
  const missing = e.code === 'ERR_MODULE_NOT_FOUND' || e.code === 'MODULE_NOT_FOUND';
  console.error(
    missing
      ? `devnet: a dependency is missing (${e.message.split('\n')[0]}). Run \`npm ci\` first.`
      : `devnet: could not start: ${e.message}`,
  );
  await shutdown(1);
}
