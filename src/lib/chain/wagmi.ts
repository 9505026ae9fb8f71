import { http, type Chain } from 'viem';
import { createConfig } from 'wagmi';
import type { Network } from './networks';

/**
 * wagmi for the app's networks. Wallets come only from EIP-6963 discovery (no WalletConnect or
 * vendor SDKs); each chain is read over its own public RPC, so browsing needs no wallet. Reads made together go as
 * one JSON-RPC batch, sent in a task of its own: a page that mounts many reads makes one request rather than many,
 * and mounting stays short on a phone.
 */
export function createWagmiConfig(networks: readonly Network[]) {
  const chains = networks.map((n) => n.chain) as [Chain, ...Chain[]];
  return createConfig({
    chains,
    connectors: [],
    multiInjectedProviderDiscovery: true,
    transports: Object.fromEntries(
      chains.map((c) => [c.id, http(undefined, { retryCount: 1, timeout: 15_000, batch: { batchSize: 20 } })]),
    ),
  });
}

export type WagmiConfig = ReturnType<typeof createWagmiConfig>;
