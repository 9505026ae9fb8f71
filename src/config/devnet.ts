import { DEVNET_CONFIG_PATH, parseDevnetConfig, type DevnetConfig } from './devnet-config';

/** True when this build or dev server was started with the devnet (`VITE_DEVNET=1`). */
export const DEVNET_ENABLED = import.meta.env.VITE_DEVNET === '1';

/** Loads the devnet description when the devnet is enabled; null when it is not, or not running. */
export async function loadDevnetConfig(fetchImpl: typeof fetch = fetch): Promise<DevnetConfig | null> {
  if (!DEVNET_ENABLED) return null;
  try {
    const res = await fetchImpl(DEVNET_CONFIG_PATH, { cache: 'no-store' });
    if (!res.ok) return null;
    return parseDevnetConfig(await res.json());
  } catch {
    return null;
  }
}
