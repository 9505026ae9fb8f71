import type { Address } from 'viem';
import { inferenceSubAccount, usableBalance, type LedgerInfo, type SubAccount } from '../chain/ledger-reads';

/** Where one setup step stands: `unknown` when the chain could not be read. */
export type StepStatus = 'done' | 'todo' | 'checking' | 'unknown';

/** A chain read as TanStack Query reports it. */
export interface Read<T> {
  status: 'pending' | 'error' | 'success';
  data: T | undefined;
}

export interface Setup {
  wallet: StepStatus;
  ledger: StepStatus;
  subAccount: StepStatus;
  /** Every step done: the code can run. */
  ready: boolean;
  ledgerInfo: LedgerInfo | null;
  /** The inference sub-account with this provider, when there is one. */
  sub: SubAccount | null;
  /** What the provider can still charge: the balance minus any refund being retrieved. */
  usable: bigint;
}

const statusOf = <T>(read: Read<T>, done: (data: T) => boolean): StepStatus =>
  read.status === 'pending' ? 'checking' : read.status === 'error' ? 'unknown' : done(read.data as T) ? 'done' : 'todo';

/** Where the user stands with one provider: wallet, ledger, a sub-account with money the provider can charge. */
export function setupSteps(input: {
  connected: boolean;
  provider: Address;
  ledger: Read<LedgerInfo | null>;
  subAccounts: Read<SubAccount[]>;
}): Setup {
  const { connected, provider } = input;
  const ledgerInfo = (connected && input.ledger.data) || null;
  const sub = connected ? inferenceSubAccount(input.subAccounts.data, provider) : null;
  const usable = usableBalance(sub);
  const wallet: StepStatus = connected ? 'done' : 'todo';
  const ledger = connected ? statusOf(input.ledger, (l) => l !== null) : 'todo';
  // Without a ledger there is no sub-account to look at: the step waits for the one before.
  const subAccount =
    ledger === 'done' ? statusOf(input.subAccounts, () => usable > 0n) : ledger === 'todo' ? 'todo' : ledger;
  return {
    wallet,
    ledger,
    subAccount,
    ready: wallet === 'done' && ledger === 'done' && subAccount === 'done',
    ledgerInfo,
    sub,
    usable,
  };
}
