import type { Contract, Wallet } from 'ethers';
import type { ProviderSpec } from '../catalogue.js';
import type { Faults } from './faults.js';
import type { RateLimiter } from './rate-limit.js';
import type { FeeBook } from './settlement.js';
import type { SignatureStore, SignerConfig } from './signing.js';

/** Everything one simulated inference provider holds while the devnet runs. */
export interface ProviderRuntime {
  spec: ProviderSpec;
  address: string;
  /** The service URL registered on chain (the SDK appends `/v1/proxy`). */
  url: string;
  /** The TEE key registered on chain: quotes and settlements. */
  teeKey: Wallet;
  /** The key responses are signed with: the TEE key, or a stranger's for `rogue-signer`. */
  signer: SignerConfig;
  faults: Faults;
  fees: FeeBook;
  limiter: RateLimiter;
  signatures: SignatureStore;
}

export interface SimContext {
  inference: Contract;
  /** Base URL of the simulator, for links to generated files. */
  baseUrl: string;
  /** Delay between stream events, so streams look like streams. */
  eventDelayMs: number;
  files: Map<string, Buffer>;
}

/** What an inference handler reports back so the provider can bill it. */
export interface Served {
  chatId: string;
  fee: bigint;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
