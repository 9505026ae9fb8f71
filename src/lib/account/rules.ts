import { NEURON_PER_OG, og, parseOg } from '../units';

/** Contract minimums (LedgerManager): a new ledger, a NEW provider sub-account, and what a refund may leave behind. */
export const MIN_LEDGER = 3n * NEURON_PER_OG;
export const MIN_NEW_SUB_ACCOUNT = 1n * NEURON_PER_OG;

export type AmountCheck = { ok: true; value: bigint; warning?: string } | { ok: false; error: string };

/** Parses a typed amount and rejects zero and anything above `max`, each with a sentence saying what to do. */
function basic(input: string, max: bigint, source: string): AmountCheck {
  let value: bigint;
  try {
    value = parseOg(input);
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
  if (value === 0n) return { ok: false, error: 'Enter an amount above 0.' };
  if (value > max)
    return { ok: false, error: `That is more than the ${og(max)} in ${source}. Enter at most ${og(max)}.` };
  return { ok: true, value };
}

/** The first deposit creates the ledger: at least 3 0G, from the wallet. */
export function checkFirstDeposit(input: string, wallet: bigint): AmountCheck {
  const r = basic(input, wallet, 'your wallet');
  if (r.ok && r.value < MIN_LEDGER)
    return {
      ok: false,
      error: `A new ledger needs at least ${og(MIN_LEDGER)} (the contract minimum). Enter 3 or more.`,
    };
  return r;
}

/** A deposit into an existing ledger, from the wallet. */
export function checkDeposit(input: string, wallet: bigint): AmountCheck {
  return basic(input, wallet, 'your wallet');
}

/** A refund to the wallet must leave the available balance at 0 or at least 3 0G. */
export function checkRefund(input: string, available: bigint): AmountCheck {
  const r = basic(input, available, 'the ledger (available)');
  if (!r.ok) return r;
  const left = available - r.value;
  if (left > 0n && left < MIN_LEDGER)
    return {
      ok: false,
      error: `This would leave ${og(left)} in the ledger; the contract allows 0 or at least ${og(MIN_LEDGER)}. Withdraw ${og(available - MIN_LEDGER)} at most, or all ${og(available)}.`,
    };
  return r;
}

/**
 * A transfer from the ledger to a provider sub-account. A pending refund of that sub-account is
 * cancelled first (it never left), so it counts as a source too. A NEW sub-account needs 1 0G;
 * less into an existing one is allowed but may fall under what the provider requires.
 */
export function checkTransfer(
  input: string,
  { available, pendingRefund, exists }: { available: bigint; pendingRefund: bigint; exists: boolean },
): AmountCheck {
  const r = basic(
    input,
    available + pendingRefund,
    exists && pendingRefund > 0n ? 'the ledger and the pending refund' : 'the ledger (available)',
  );
  if (!r.ok) return r;
  if (!exists && r.value < MIN_NEW_SUB_ACCOUNT)
    return {
      ok: false,
      error: `A new provider sub-account needs at least ${og(MIN_NEW_SUB_ACCOUNT)}. Enter 1 or more.`,
    };
  if (exists && r.value < MIN_NEW_SUB_ACCOUNT)
    return {
      ...r,
      warning: `Below ${og(MIN_NEW_SUB_ACCOUNT)}: providers may refuse requests when a sub-account holds less than they require.`,
    };
  return r;
}

/** How a transfer is paid: first by cancelling the sub-account's pending refund, then from the ledger. */
export function transferSplit(amount: bigint, pendingRefund: bigint): { fromRefund: bigint; fromLedger: bigint } {
  const fromRefund = amount < pendingRefund ? amount : pendingRefund;
  return { fromRefund, fromLedger: amount - fromRefund };
}
