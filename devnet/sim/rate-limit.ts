import { HttpError } from './http.js';

export interface RateLimitConfig {
  perMinute: number;
  burst: number;
  concurrent: number;
}

/** Provider defaults: 30 requests/min sustained, bursts of 5, 5 in flight, per user. */
export const DEFAULT_RATE_LIMIT: RateLimitConfig = { perMinute: 30, burst: 5, concurrent: 5 };

/** A 429 `rate_limited` error, with `Retry-After` in seconds unless `retryAfterS` is null. */
export function rateLimited(message: string, retryAfterS: number | null): HttpError {
  return new HttpError(
    429,
    message,
    'rate_limited',
    retryAfterS === null ? {} : { 'Retry-After': String(retryAfterS) },
  );
}

interface Bucket {
  tokens: number;
  updated: number;
  inFlight: number;
}

/** A token bucket plus a concurrency cap per key; `acquire` throws 429 with Retry-After. */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly config: RateLimitConfig = DEFAULT_RATE_LIMIT) {}

  /** Takes one request slot; call the returned function when the response has ended. */
  acquire(key: string, now = Date.now()): () => void {
    const { perMinute, burst, concurrent } = this.config;
    const rate = perMinute / 60_000;
    const b = this.buckets.get(key) ?? { tokens: burst, updated: now, inFlight: 0 };
    b.tokens = Math.min(burst, b.tokens + (now - b.updated) * rate);
    b.updated = now;
    this.buckets.set(key, b);
    if (b.inFlight >= concurrent) throw rateLimited(`Too many concurrent requests: at most ${concurrent} at a time`, 1);
    if (b.tokens < 1) {
      const wait = Math.max(1, Math.ceil((1 - b.tokens) / rate / 1000));
      throw rateLimited(`Rate limit exceeded: ${perMinute} requests per minute`, wait);
    }
    b.tokens -= 1;
    b.inFlight += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      b.inFlight -= 1;
    };
  }

  reset(): void {
    this.buckets.clear();
  }
}
