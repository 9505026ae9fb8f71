import { defineChain, type Address, type Chain } from 'viem';

export type NetworkKind = 'mainnet' | 'testnet' | 'devnet';

export interface ContractAddresses {
  ledger: Address;
  inference: Address;
  fineTuning: Address;
}

/** A 0G network the app can use: the chain for wagmi/viem plus the 0G Compute contracts on it. */
export interface Network {
  kind: NetworkKind;
  chain: Chain;
  contracts: ContractAddresses;
  /** 0G's provider status JSON (PROTOCOL.md "Provider health"); on the devnet the simulator's, null when unknown. */
  statusUrl: string | null;
}

const OG = { name: '0G', symbol: '0G', decimals: 18 } as const;

export const mainnet: Network = {
  kind: 'mainnet',
  chain: defineChain({
    id: 16661,
    name: '0G Mainnet',
    nativeCurrency: OG,
    rpcUrls: { default: { http: ['https://evmrpc.0g.ai'] } },
    blockExplorers: { default: { name: '0G Chain Explorer', url: 'https://chainscan.0g.ai' } },
  }),
  contracts: {
    ledger: '0x2dE54c845Cd948B72D2e32e39586fe89607074E3',
    inference: '0x47340d900bdFec2BD393c626E12ea0656F938d84',
    fineTuning: '0x4e3474095518883744ddf135b7E0A23301c7F9c0',
  },
  statusUrl: 'https://compute-status.0g.ai/health',
};

export const testnet: Network = {
  kind: 'testnet',
  chain: defineChain({
    id: 16602,
    name: '0G Galileo Testnet',
    nativeCurrency: OG,
    rpcUrls: { default: { http: ['https://evmrpc-testnet.0g.ai'] } },
    blockExplorers: { default: { name: '0G Galileo Explorer', url: 'https://chainscan-galileo.0g.ai' } },
    testnet: true,
  }),
  contracts: {
    ledger: '0xE70830508dAc0A97e6c087c75f402f9Be669E406',
    inference: '0xa79F4c8311FF93C06b8CfB403690cc987c93F91E',
    fineTuning: '0xC6C075D8039763C8f1EbE580be5ADdf2fd6941bA',
  },
  statusUrl: 'https://compute-status-testnet.0g.ai/health',
};

export const DEVNET_CHAIN_ID = 31337;

/** Where the devnet's simulator serves the status JSON, from its base URL (the devnet config's `simulatorUrl`). */
export const devnetStatusUrl = (simulatorUrl: string): string => `${simulatorUrl.replace(/\/+$/, '')}/_health`;

/**
 * The local devnet, built from its manifest (RPC URL, contract addresses and, when given, the simulator's URL for
 * the status JSON). It has no explorer.
 */
export function devnet(rpcUrl: string, contracts: ContractAddresses, simulatorUrl?: string): Network {
  return {
    kind: 'devnet',
    chain: defineChain({
      id: DEVNET_CHAIN_ID,
      name: '0G Local Devnet',
      nativeCurrency: OG,
      rpcUrls: { default: { http: [rpcUrl] } },
      testnet: true,
    }),
    contracts,
    statusUrl: simulatorUrl ? devnetStatusUrl(simulatorUrl) : null,
  };
}

/** Explorer link for a transaction, or null where the network has no explorer (the devnet). */
export function explorerTxUrl(network: Network, hash: string): string | null {
  const base = network.chain.blockExplorers?.default.url;
  return base ? `${base}/tx/${hash}` : null;
}

/** Explorer link for an address, or null where the network has no explorer (the devnet). */
export function explorerAddressUrl(network: Network, address: string): string | null {
  const base = network.chain.blockExplorers?.default.url;
  return base ? `${base}/address/${address}` : null;
}
