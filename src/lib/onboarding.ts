import { isAddressEqual, type Address } from 'viem';
import { checkFirstDeposit, checkTransfer, MIN_LEDGER, type AmountCheck } from './account/rules';
import type { Read, StepStatus } from './build/setup';
import { usableBalance, type LedgerInfo, type SubAccount } from './chain/ledger-reads';

/** The marketplace's "Get started" steps, in order. */
export const GET_STARTED_STEPS = ['wallet', 'ledger', 'funded', 'verified'] as const;
export type GetStartedStep = (typeof GET_STARTED_STEPS)[number];

export interface GetStartedInput {
  connected: boolean;
  ledger: Read<LedgerInfo | null>;
  subAccounts: Read<SubAccount[]>;
  /** When this wallet's first "Verified" answer arrived (this browser's memory); null before. */
  firstVerifiedAt: number | null;
  /** Chat services on the network: the first question needs one of them funded. */
  chatProviders: readonly Address[];
  /** The chat provider used or funded last, preferred for the first question when it is funded. */
  lastChat?: Address;
}

export interface GetStarted {
  steps: Record<GetStartedStep, StepStatus>;
  /** How many steps are done (of four). */
  done: number;
  allDone: boolean;
  ledger: LedgerInfo | null;
  /** Inference sub-accounts the provider can still charge, most usable first. */
  funded: SubAccount[];
  /** The funded chat provider to ask the first question of, or null when no chat provider is funded. */
  chatProvider: Address | null;
}

/** A ledger counts once it holds the contract's minimum for a new ledger (3 0G) in total. */
export const ledgerEnough = (ledger: LedgerInfo | null | undefined): boolean => !!ledger && ledger.total >= MIN_LEDGER;

/** Inference sub-accounts with money the provider can still charge (balance minus refund being retrieved), most first. */
export const fundedSubAccounts = (subs: readonly SubAccount[] | undefined): SubAccount[] =>
  (subs ?? [])
    .filter((s) => s.kind === 'inference' && usableBalance(s) > 0n)
    .sort((a, b) => (usableBalance(a) === usableBalance(b) ? 0 : usableBalance(a) > usableBalance(b) ? -1 : 1));

const statusOf = <T>(read: Read<T>, done: (data: T) => boolean): StepStatus =>
  read.status === 'pending' ? 'checking' : read.status === 'error' ? 'unknown' : done(read.data as T) ? 'done' : 'todo';

/** Where a new user stands, from the live state: wallet, a 3 0G ledger, a funded provider, a first verified answer. */
export function getStartedSteps(input: GetStartedInput): GetStarted {
  const { connected } = input;
  const funded = connected && input.subAccounts.status === 'success' ? fundedSubAccounts(input.subAccounts.data) : [];
  // The service's own spelling of each funded chat provider, in the order of `funded`.
  const chats = funded.flatMap((s) => input.chatProviders.filter((c) => isAddressEqual(c, s.provider)));
  const last = input.lastChat && chats.find((c) => isAddressEqual(c, input.lastChat!));
  const steps: Record<GetStartedStep, StepStatus> = {
    wallet: connected ? 'done' : 'todo',
    ledger: connected ? statusOf(input.ledger, ledgerEnough) : 'todo',
    funded: connected ? statusOf(input.subAccounts, () => funded.length > 0) : 'todo',
    verified: connected && input.firstVerifiedAt !== null ? 'done' : 'todo',
  };
  const done = GET_STARTED_STEPS.filter((s) => steps[s] === 'done').length;
  return {
    steps,
    done,
    allDone: done === GET_STARTED_STEPS.length,
    ledger: (connected && input.ledger.data) || null,
    funded,
    chatProvider: last || chats[0] || null,
  };
}

export type CreateAndFundCheck =
  | { ok: true; ledger: bigint; transfer: bigint; warning?: string }
  | { ok: false; ledger: AmountCheck; transfer: AmountCheck };

/**
 * The Fund dialog's "create the ledger and fund this provider" in one go, checked before the wallet
 * opens: the deposit creates the ledger (at least 3 0G, at most the wallet holds), the transfer then
 * moves part of it (at most the deposit; a new sub-account needs 1 0G). Each field has its own message.
 */
export function checkCreateAndFund(
  ledgerText: string,
  transferText: string,
  { wallet, subAccountExists }: { wallet: bigint; subAccountExists: boolean },
): CreateAndFundCheck {
  const ledger = checkFirstDeposit(ledgerText, wallet);
  // Until the deposit is valid the transfer is checked on its own; then against what the ledger will hold.
  const available = ledger.ok ? ledger.value : 2n ** 256n - 1n;
  const transfer = checkTransfer(transferText, { available, pendingRefund: 0n, exists: subAccountExists });
  if (ledger.ok && transfer.ok)
    return {
      ok: true,
      ledger: ledger.value,
      transfer: transfer.value,
      ...(transfer.warning ? { warning: transfer.warning } : {}),
    };
  return { ok: false, ledger, transfer };
}

/** Where the checklist's dismissal (or completion) is remembered: per network and wallet. */
export interface GetStartedKey {
  chainId: number;
  /** The wallet, or null for a visitor without one. */
  user: string | null;
}

const PREFIX = 'og-marketplace:get-started:';
const storageKey = (k: GetStartedKey) => `${PREFIX}${k.chainId}:${k.user ? k.user.toLowerCase() : 'no-wallet'}`;
const listeners = new Set<() => void>();
// Also kept in memory, so a browser without storage still hides it for as long as the page lives.
const memory = new Map<string, 'dismissed' | 'done'>();

/** Why the checklist is no longer shown for this wallet and network, or null while it is. */
export function readGetStartedHidden(k: GetStartedKey): 'dismissed' | 'done' | null {
  try {
    const v = localStorage.getItem(storageKey(k));
    if (v === 'dismissed' || v === 'done') return v;
  } catch {
    // no storage: what this page remembers
  }
  return memory.get(storageKey(k)) ?? null;
}

/** Stops showing the checklist for this wallet and network: dismissed by the user, or all done. */
export function hideGetStarted(k: GetStartedKey, why: 'dismissed' | 'done'): void {
  memory.set(storageKey(k), why);
  try {
    localStorage.setItem(storageKey(k), why);
  } catch {
    // no storage: hidden for as long as the page lives
  }
  for (const l of listeners) l();
}

/** Calls `listener` whenever the checklist is hidden in this tab; returns the unsubscribe. */
export function onGetStartedHidden(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
