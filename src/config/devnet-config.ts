/** Where the app finds the devnet's public description: served by the devnet's Vite plugin. */
export const DEVNET_CONFIG_PATH = '/devnet.json';

/** What the app needs to know about a running local devnet. Only ever served by the devnet itself. */
export interface DevnetConfig {
  chainId: number;
  rpcUrl: string;
  contracts: { ledger: `0x${string}`; inference: `0x${string}`; fineTuning: `0x${string}` };
  lockTime: number;
  simulatorUrl: string;
  /** A funded devnet account for the "Dev wallet": its key is a well-known Hardhat test key. */
  devWallet: { address: `0x${string}`; privateKey: `0x${string}` };
}

const isHex = (v: unknown, len?: number): v is `0x${string}` =>
  typeof v === 'string' && /^0x[0-9a-fA-F]*$/.test(v) && (len === undefined || v.length === len);

/** Checks the shape of /devnet.json; throws a plain sentence when it is not a devnet description. */
export function parseDevnetConfig(json: unknown): DevnetConfig {
  const c = json as Partial<DevnetConfig> | null;
  const ok =
    c !== null &&
    typeof c === 'object' &&
    typeof c.chainId === 'number' &&
    typeof c.rpcUrl === 'string' &&
    /^https?:\/\//.test(c.rpcUrl) &&
    isHex(c.contracts?.ledger, 42) &&
    isHex(c.contracts?.inference, 42) &&
    isHex(c.contracts?.fineTuning, 42) &&
    typeof c.lockTime === 'number' &&
    typeof c.simulatorUrl === 'string' &&
    isHex(c.devWallet?.address, 42) &&
    isHex(c.devWallet?.privateKey, 66);
  if (!ok) throw new Error('The devnet description at /devnet.json is not in the expected format.');
  return c as DevnetConfig;
}
