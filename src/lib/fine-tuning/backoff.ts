/** How long to wait before the next poll of a provider. */
export interface PollDelayOptions {
  baseMs?: number;
  maxMs?: number;
}

/**
 * The wait before the next poll: `baseMs` while the provider answers, doubling with each failure
 * in a row up to `maxMs`. No jitter: one browser tab polls one provider, so there is no herd to spread.
 */
export function pollDelay(consecutiveFailures: number, { baseMs = 2000, maxMs = 30_000 }: PollDelayOptions = {}) {
  const failures = Number.isFinite(consecutiveFailures) ? Math.max(0, Math.floor(consecutiveFailures)) : 0;
  // 2^30 already passes any cap: the limit keeps the arithmetic finite.
  return Math.min(maxMs, baseMs * 2 ** Math.min(failures, 30));
}

function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const rest = min % 60;
  return rest === 0 ? `${Math.floor(min / 60)} h` : `${Math.floor(min / 60)} h ${rest} min`;
}

/** A sentence for a provider that stopped answering at `sinceMs`. */
export function describeOutage(sinceMs: number, nowMs: number): string {
  return `The provider has not answered for ${duration(nowMs - sinceMs)}; retrying by itself.`;
}
