import { VERDICT_BUCKETS, type UsageKind, type UsageRecord, type VerdictBucket } from './records';
import { dailyRate, runwayDays, spendByDay, type DaySpend, type Spend } from './spend';

/** One provider's figures, from this browser's records and the chain's settlements. Money is neuron. */
export interface ProviderUsage {
  /** Lowercase address. */
  provider: string;
  /** Requests the provider answered (in whole or in part). */
  answers: number;
  /** Requests that got nothing back. */
  unanswered: number;
  byKind: Record<UsageKind, number>;
  /** Answers per verdict group; they add up to `answers`. */
  verdicts: Record<VerdictBucket, number>;
  /** Median time from Send to the last byte, over answers that recorded it. */
  medianLatencyMs: number | null;
  /** Median time from sending to the first answer text, over chat answers that recorded it. */
  medianFirstTokenMs: number | null;
  /** Median output tokens per second of streaming (first token to last byte; whole answer time for older answers). */
  tokensPerSecond: number | null;
  /** What the app computed the answers cost (before settlement). */
  recordedCost: bigint;
  /** Answers that carry a computed cost, for an average per answer. */
  costedAnswers: number;
  /** Every fee the chain settled for the user with this provider, in the history read. */
  settled: bigint;
  perDay: DaySpend[];
  /** Average neuron a day since the first settled fee in `perDay`. */
  dailyRate: bigint | null;
  /** Last record or settlement, ms. */
  lastUsed: number;
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** `part` of `whole` in percent, rounded to a whole number; null when there is no whole. */
export function sharePercent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 100) : null;
}

const emptyVerdicts = () => Object.fromEntries(VERDICT_BUCKETS.map((b) => [b, 0])) as Record<VerdictBucket, number>;

/**
 * Figures per provider, most recently used first: counts and verdict shares over answers, medians over
 * the answers that recorded a time, and settled fees per day over the `days` days ending at `now`.
 */
export function summarizeUsage(
  records: readonly UsageRecord[],
  spends: readonly Spend[],
  now: number,
  days = 14,
): ProviderUsage[] {
  const providers = new Set([...records.map((r) => r.provider), ...spends.map((s) => s.provider)]);
  return [...providers]
    .map((provider): ProviderUsage => {
      const mine = records.filter((r) => r.provider === provider);
      const answered = mine.filter((r) => r.answered);
      const paid = spends.filter((s) => s.provider === provider);
      const verdicts = emptyVerdicts();
      const byKind: Record<UsageKind, number> = { chat: 0, image: 0, transcript: 0 };
      for (const r of answered) {
        verdicts[r.verdict] += 1;
        byKind[r.kind] += 1;
      }
      const latencies = answered.flatMap((r) => (r.latencyMs !== null ? [r.latencyMs] : []));
      const firstTokens = answered.flatMap((r) => (r.firstTokenMs !== null ? [r.firstTokenMs] : []));
      const rates = answered.flatMap((r) => {
        const ms = r.streamMs !== null && r.streamMs > 0 ? r.streamMs : r.latencyMs;
        return r.kind === 'chat' && r.outputTokens !== null && ms !== null && ms > 0
          ? [r.outputTokens / (ms / 1000)]
          : [];
      });
      const costed = answered.filter((r) => r.cost !== null);
      const perDay = spendByDay(paid, now, days);
      return {
        provider,
        answers: answered.length,
        unanswered: mine.length - answered.length,
        byKind,
        verdicts,
        medianLatencyMs: median(latencies),
        medianFirstTokenMs: median(firstTokens),
        tokensPerSecond: median(rates),
        recordedCost: costed.reduce((sum, r) => sum + (r.cost ?? 0n), 0n),
        costedAnswers: costed.length,
        settled: paid.reduce((sum, s) => sum + s.amount, 0n),
        perDay,
        dailyRate: dailyRate(perDay),
        lastUsed: Math.max(0, ...mine.map((r) => r.createdAt), ...paid.map((s) => Number(s.timestamp) * 1000)),
      };
    })
    .sort((a, b) => b.lastUsed - a.lastUsed || (a.provider < b.provider ? -1 : 1));
}

/** How long a sub-account's usable balance lasts: in days at the settled rate, in answers at the recorded cost. */
export function usageRunway(u: ProviderUsage, usable: bigint): { days: bigint | null; answers: bigint | null } {
  const perAnswer = u.costedAnswers > 0 ? u.recordedCost / BigInt(u.costedAnswers) : 0n;
  return {
    days: runwayDays(usable, u.dailyRate),
    answers: perAnswer > 0n ? (usable > 0n ? usable / perAnswer : 0n) : null,
  };
}
