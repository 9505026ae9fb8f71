import path from 'node:path';

/** Where the e2e run keeps its devnet and build: apart from `npm start` (.devnet, 8545) and the devnet tests (18545). */
export const ROOT = path.resolve(import.meta.dirname, '..');
export const DEVNET_DIR = path.join(ROOT, '.devnet-e2e');
export const DIST_DIR = path.join(ROOT, 'dist-e2e');
export const APP_HOST = '127.0.0.1';
export const APP_PORT = 4173;
export const APP_URL = `http://${APP_HOST}:${APP_PORT}`;

/** Fast settlement, streams and fine-tuning steps, so tests wait for seconds rather than minutes. */
export const DEVNET_ENV = {
  DEVNET_RPC_PORT: '58545',
  DEVNET_SIM_PORT: '58600',
  DEVNET_DIR,
  DEVNET_SETTLE_MS: '3000',
  DEVNET_EVENT_DELAY_MS: '2',
  DEVNET_FT_STEP_MS: '150',
};
