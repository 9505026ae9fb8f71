import type { Network, NetworkKind } from './networks';

export const NETWORK_STORAGE_KEY = 'og-marketplace:network';

/**
 * The network to open with: the remembered choice when it is still offered, else the devnet when
 * the app runs with one (`npm start`), else Mainnet.
 */
export function initialNetwork(networks: readonly Network[], remembered: string | null): Network {
  const byKind = (kind: NetworkKind | string | null) => networks.find((n) => n.kind === kind);
  const first = networks[0];
  if (!first) throw new Error('No networks configured');
  return byKind(remembered) ?? byKind('devnet') ?? byKind('mainnet') ?? first;
}

/** Short names for the selector. */
export const NETWORK_LABEL: Record<NetworkKind, string> = {
  mainnet: '0G Mainnet',
  testnet: 'Galileo Testnet',
  devnet: 'Local devnet',
};
