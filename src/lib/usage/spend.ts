import type { HistoryEntry } from '../chain/history';

/** Fees the chain settled for the user with one provider in one transaction. `amount` is neuron. */
export interface Spend {
  /** Lowercase address. */
  provider: string;
  /** Unix seconds of the block. */
  timestamp: bigint;
  amount: bigint;
}

/** One day's settled fees, `day` as YYYY-MM-DD in the browser's time zone. */
export interface DaySpend {
  day: string;
  amount: bigint;
}

/** Who sent a settlement transaction (the provider settles its own fees); null when it cannot be read. */
export type SenderOf = (hash: HistoryEntry['hash']) => Promise<string | null>;

const isInferenceSettlement = (e: HistoryEntry) =>
  e.type === 'Fees settled' && e.service === 'inference' && e.status === 'success' && (e.amount ?? 0n) > 0n;

/** Settlement entries the history could not tie to a provider from their events alone. */
export function unattributed(entries: readonly HistoryEntry[]): HistoryEntry['hash'][] {
  return entries.filter((e) => isInferenceSettlement(e) && !e.provider).map((e) => e.hash);
}

/**
 * The inference fees the chain settled for the user, per provider. A settlement's events name the user
 * and the amount but not always the provider; then the transaction's sender is it (`senders`, by hash).
 */
export function settledSpends(entries: readonly HistoryEntry[], senders: ReadonlyMap<string, string | null>): Spend[] {
  return entries.filter(isInferenceSettlement).flatMap((e): Spend[] => {
    const provider = e.provider ?? senders.get(e.hash.toLowerCase()) ?? null;
    return provider ? [{ provider: provider.toLowerCase(), timestamp: e.timestamp, amount: e.amount ?? 0n }] : [];
  });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar day of a time in milliseconds, as YYYY-MM-DD. */
export function dayKey(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Settled fees per local day over the `days` days ending today (oldest first, empty days as 0). */
export function spendByDay(spends: readonly Spend[], now: number, days = 14): DaySpend[] {
  const today = new Date(now);
  const out: DaySpend[] = [];
  for (let back = days - 1; back >= 0; back--) {
    // Calendar arithmetic rather than 86 400 000 ms steps: a day with a clock change is 23 or 25 hours.
    const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() - back, 12);
    out.push({ day: dayKey(d.getTime()), amount: 0n });
  }
  const index = new Map(out.map((d, i) => [d.day, i]));
  for (const s of spends) {
    const at = index.get(dayKey(Number(s.timestamp) * 1000));
    if (at !== undefined) out[at]!.amount += s.amount;
  }
  return out;
}

/**
 * Average neuron per day over `perDay`, counted from the first day with a fee to the last day (today):
 * empty days before the first use would dilute the rate. Null when nothing was settled.
 */
export function dailyRate(perDay: readonly DaySpend[]): bigint | null {
  const first = perDay.findIndex((d) => d.amount > 0n);
  if (first < 0) return null;
  const total = perDay.reduce((sum, d) => sum + d.amount, 0n);
  return total / BigInt(perDay.length - first);
}

/** Whole days a balance lasts at `rate` neuron a day; null without a rate. */
export function runwayDays(usable: bigint, rate: bigint | null): bigint | null {
  if (rate === null || rate <= 0n) return null;
  return usable > 0n ? usable / rate : 0n;
}
