import type { Address } from 'viem';

// Every TanStack Query key the app builds, in one place, so a read and the mutation that invalidates
// it cannot drift apart. `family.all` is the prefix that matches every query of a family.

/** A key family under `root`: `f(params)` is one query's key, `f.all` matches all of them. */
const family =
  <const Root extends readonly string[]>(...root: Root) =>
  <Params extends object>() =>
    Object.assign((params: Params) => [...root, params] as const, { all: root });

const subAccounts = family('sub-accounts')<{ chainId: number; user: Address | undefined }>();

export const queryKeys = {
  /** The user's ledger. */
  ledger: family('ledger')<{ chainId: number; user: Address | undefined }>(),
  /** Service names and lock times of the serving contracts. */
  contractFacts: family('contract-facts')<{ chainId: number }>(),
  /** The user's provider sub-accounts; `subAccounts.all` also matches `chainTime`. */
  subAccounts,
  /**
   * Offset of the chain's clock from this computer's. Under the sub-accounts prefix on purpose:
   * refreshing the sub-accounts refreshes the clock their lock times are judged by.
   */
  chainTime: family(...subAccounts.all, 'chain-time')<{ chainId: number }>(),
  /** The user's transaction history. */
  history: family('history')<{ chainId: number; user: Address | undefined }>(),
  /** Every inference service of a network. */
  services: family('services')<{ chainId: number; inference: Address }>(),
  /** One provider's inference service. */
  service: family('service')<{ chainId: number; inference: Address; provider: Address | null }>(),
  /** Every fine-tuning provider of a network. */
  fineTuningServices: family('fine-tuning-services')<{ chainId: number }>(),
  /** The last attestation check of a provider (`provider` lowercase) of one serving contract. */
  attestation: family('attestation')<{ chainId: number; provider: string; kind: 'inference' | 'fine-tuning' }>(),
  /** The saved conversations list of a wallet on a chain (`version` changes when the list does). */
  conversations: family('conversations')<{ chainId: number; owner: string; query: string; version: string }>(),
  /** Saved pictures or transcripts of a wallet on a chain, newest first (`limit` items matching `query`). */
  mediaHistory: family('media-history')<{
    chainId: number;
    owner: string;
    kind: string;
    query: string;
    limit: number;
  }>(),
  /** How much of the browser's storage this site uses, and whether it is kept when space runs low. */
  storageEstimate: family('storage-estimate')<Record<string, never>>(),
  /** The requests this browser recorded for a wallet on a chain (chat, pictures, transcripts), for the usage figures. */
  usage: family('usage')<{ chainId: number; owner: string }>(),
  /** Senders of fee settlement transactions whose events name no provider (`hashes` comma-joined). */
  settlementSenders: family('settlement-senders')<{ chainId: number; hashes: string }>(),
  /** The user's fine-tuning sub-account with one provider (null when none); under sub-accounts on purpose. */
  fineTuningAccount: family(...subAccounts.all, 'fine-tuning')<{ chainId: number; user: Address; provider: Address }>(),
  /** A fine-tuning provider's HTTP answers: models, a usage package, the queue, the user's tasks, one task, its log. */
  fineTuningProvider: family('fine-tuning-provider')<{
    chainId: number;
    provider: Address;
    what: 'models' | 'usage' | 'pending' | 'tasks' | 'task' | 'log';
    user?: Address;
    id?: string;
  }>(),
  /** One deliverable as the fine-tuning contract records it. */
  deliverable: family(...subAccounts.all, 'deliverable')<{
    chainId: number;
    user: Address;
    provider: Address;
    id: string;
  }>(),
  /** The generation and revoked-id bitmap of an inference sub-account (API keys); under sub-accounts on purpose. */
  tokenAccount: family(...subAccounts.all, 'token-account')<{ chainId: number; user: Address; provider: Address }>(),
  /** 0G's provider status report of a network (or the devnet simulator's, in the same shape). */
  providerStatus: family('provider-status')<{ chainId: number }>(),
  /** A wallet's native balance on a chain. */
  walletBalance: family('balance')<{ chainId: number; address: Address | undefined }>(),
};
