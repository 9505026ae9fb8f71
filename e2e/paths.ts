import path from 'node:path';
import { freePorts } from '../devnet/ports';

// The ports of one e2e run. They are picked when the Playwright config first imports this file in the runner and
// kept in process.env, where global-setup reads them and from where the workers (which inherit the runner's
// environment) take the same ones. Any set beforehand is used as it is. So two runs side by side, `npm start` and
// the devnet tests never collide.
const PORT_VARS = { app: 'E2E_APP_PORT', rpc: 'E2E_RPC_PORT', sim: 'E2E_SIM_PORT' } as const;
const unset = (Object.keys(PORT_VARS) as (keyof typeof PORT_VARS)[]).filter((k) => !process.env[PORT_VARS[k]]);
if (unset.length > 0) {
  const picked = await freePorts(unset);
  for (const k of unset) process.env[PORT_VARS[k]] = String(picked[k]);
}

function port(name: string): number {
  const n = Number(process.env[name]);
  if (!Number.isInteger(n) || n <= 0 || n > 65535)
    throw new Error(`${name} must be a port number, got "${process.env[name]}"`);
  return n;
}

export const ROOT = path.resolve(import.meta.dirname, '..');
export const APP_HOST = '127.0.0.1';
export const APP_PORT = port(PORT_VARS.app);
export const APP_URL = `http://${APP_HOST}:${APP_PORT}`;
/** The run's manifest and build, apart from `npm start`'s `.devnet` and from other runs (git-ignored). */
export const DEVNET_DIR = path.join(ROOT, '.devnet-e2e', String(APP_PORT));
export const DIST_DIR = path.join(ROOT, 'dist-e2e', String(APP_PORT));
/** Playwright's output (traces of failed tests): each run empties its own first, so runs side by side keep theirs. */
export const OUTPUT_PARENT = path.join(ROOT, 'test-results');
export const OUTPUT_DIR = path.join(OUTPUT_PARENT, String(APP_PORT));

/** Fast settlement, streams and fine-tuning steps, so tests wait for seconds rather than minutes. */
export const DEVNET_ENV = {
  DEVNET_RPC_PORT: String(port(PORT_VARS.rpc)),
  DEVNET_SIM_PORT: String(port(PORT_VARS.sim)),
  DEVNET_DIR,
  DEVNET_SETTLE_MS: '3000',
  DEVNET_EVENT_DELAY_MS: '2',
  DEVNET_FT_STEP_MS: '150',
};
