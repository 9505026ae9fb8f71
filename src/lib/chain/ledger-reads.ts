import { BaseError, ContractFunctionRevertedError, type Address, type Client } from 'viem';
import { readView } from './read-view';
import { sameAddress } from '../address';
import {
  fineTuningReadAbi as fineTuningAbi,
  inferenceReadAbi as inferenceAbi,
  ledgerReadAbi as ledgerAbi,
} from './abi-reads';
import type { ContractAddresses } from './networks';
import { readAllPages } from './paging';

export type SubAccountKind = 'inference' | 'fine-tuning';

/** The user's ledger. `locked` sits in provider sub-accounts; `available` can be transferred or withdrawn. */
export interface LedgerInfo {
  total: bigint;
  available: bigint;
  locked: bigint;
}

/** A refund requested from a sub-account: it returns to the ledger once `unlockAt` (unix s) has passed. */
export interface PendingRefund {
  amount: bigint;
  createdAt: bigint;
  unlockAt: bigint;
}

/** One provider sub-account. `balance` includes `pendingRefund`; what the provider can still charge is the difference. */
export interface SubAccount {
  kind: SubAccountKind;
  provider: Address;
  balance: bigint;
  pendingRefund: bigint;
  refunds: PendingRefund[];
  acknowledged: boolean;
}

/** What the provider can still charge from a sub-account (none when there is none): its balance minus the refund being retrieved. */
export const usableBalance = (sub: SubAccount | null | undefined): bigint =>
  sub ? sub.balance - sub.pendingRefund : 0n;

/** The inference sub-account with `provider` among `subs`, or null. */
export const inferenceSubAccount = (
  subs: readonly SubAccount[] | undefined,
  provider: string | undefined,
): SubAccount | null =>
  (provider && subs?.find((s) => s.kind === 'inference' && sameAddress(s.provider, provider))) || null;

const isRevert = (err: unknown) =>
  err instanceof BaseError && err.walk((e) => e instanceof ContractFunctionRevertedError) !== null;

/** The user's ledger, or null when there is none (the contract reverts; an emptied ledger is deleted). */
export async function getLedgerInfo(client: Client, ledger: Address, user: Address): Promise<LedgerInfo | null> {
  try {
    const l = await readView(client, { address: ledger, abi: ledgerAbi, functionName: 'getLedger', args: [user] });
    return { total: l.totalBalance, available: l.availableBalance, locked: l.totalBalance - l.availableBalance };
  } catch (err) {
    if (isRevert(err)) return null;
    throw err;
  }
}

/** The names the ledger knows the serving contracts by (e.g. "inference-v1.0"); transferFund and retrieveFund need them. */
export async function getServiceNames(client: Client, c: ContractAddresses): Promise<Record<SubAccountKind, string>> {
  const name = async (service: Address) =>
    (await readView(client, { address: c.ledger, abi: ledgerAbi, functionName: 'getServiceInfo', args: [service] }))
      .fullName;
  const [inference, fineTuning] = await Promise.all([name(c.inference), name(c.fineTuning)]);
  return { inference, 'fine-tuning': fineTuning };
}

/** Refund lock time of each serving contract, in seconds. */
export async function getLockTimes(client: Client, c: ContractAddresses): Promise<Record<SubAccountKind, bigint>> {
  const [inference, fineTuning] = await Promise.all([
    readView(client, { address: c.inference, abi: inferenceAbi, functionName: 'lockTime' }),
    readView(client, { address: c.fineTuning, abi: fineTuningAbi, functionName: 'lockTime' }),
  ]);
  return { inference, 'fine-tuning': fineTuning };
}

/** Every sub-account of the user, inference and fine-tuning, with its unprocessed refunds and when each unlocks. */
export async function getSubAccounts(
  client: Client,
  c: ContractAddresses,
  user: Address,
  lockTimes: Record<SubAccountKind, bigint>,
): Promise<SubAccount[]> {
  // Only the first `validRefundsLength` entries are live: processed refunds stay in the array.
  const refundsOf = (
    refunds: readonly { amount: bigint; createdAt: bigint }[],
    processed: boolean[],
    valid: bigint,
    lock: bigint,
  ) =>
    refunds
      .slice(0, Number(valid))
      .filter((r, i) => !processed[i] && r.amount > 0n)
      .map((r) => ({ amount: r.amount, createdAt: r.createdAt, unlockAt: r.createdAt + lock }));

  const [inferencePages, fineTuningPages] = await Promise.all([
    readAllPages((offset, limit) =>
      readView(client, {
        address: c.inference,
        abi: inferenceAbi,
        functionName: 'getAccountsByUser',
        args: [user, offset, limit],
      }),
    ),
    readAllPages((offset, limit) =>
      readView(client, {
        address: c.fineTuning,
        abi: fineTuningAbi,
        functionName: 'getAccountsByUser',
        args: [user, offset, limit],
      }),
    ),
  ]);
  const inference = inferencePages.map((a): SubAccount => ({
    kind: 'inference',
    provider: a.provider,
    balance: a.balance,
    pendingRefund: a.pendingRefund,
    refunds: refundsOf(
      a.refunds,
      a.refunds.map((r) => r.processed),
      a.validRefundsLength,
      lockTimes.inference,
    ),
    acknowledged: a.acknowledged,
  }));

  // The fine-tuning list omits refunds, so each account is read once more for them.
  const fineTuning = await Promise.all(
    fineTuningPages.map(async (a): Promise<SubAccount> => {
      const full = await readView(client, {
        address: c.fineTuning,
        abi: fineTuningAbi,
        functionName: 'getAccount',
        args: [user, a.provider],
      });
      return {
        kind: 'fine-tuning',
        provider: a.provider,
        balance: a.balance,
        pendingRefund: a.pendingRefund,
        refunds: refundsOf(
          full.refunds,
          full.refunds.map((r) => r._deprecated_processed),
          full.validRefundsLength,
          lockTimes['fine-tuning'],
        ),
        acknowledged: a.acknowledged,
      };
    }),
  );
  return [...inference, ...fineTuning];
}
