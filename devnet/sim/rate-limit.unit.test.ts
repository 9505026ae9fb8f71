import { describe, expect, it } from 'vitest';
import { HttpError } from './http.js';
import { RateLimiter } from './rate-limit.js';

function status(fn: () => unknown): number | 'ok' {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return (e as HttpError).status;
  }
}

describe('RateLimiter', () => {
  it('lets a burst of 5 through and answers the 6th with 429 and Retry-After', () => {
    const rl = new RateLimiter();
    const t = 1_000_000;
    for (let i = 0; i < 5; i++) rl.acquire('u', t)();
    try {
      rl.acquire('u', t);
      expect.unreachable();
    } catch (e) {
      expect((e as HttpError).status).toBe(429);
      expect(Number((e as HttpError).headers['Retry-After'])).toBeGreaterThanOrEqual(1);
    }
  });

  it('refills at 30 per minute', () => {
    const rl = new RateLimiter();
    const t = 1_000_000;
    for (let i = 0; i < 5; i++) rl.acquire('u', t)();
    expect(status(() => rl.acquire('u', t + 1000))).toBe(429);
    expect(status(() => rl.acquire('u', t + 2000))).toBe('ok');
  });

  it('caps requests in flight at 5 and frees the slot on release', () => {
    const rl = new RateLimiter({ perMinute: 1000, burst: 100, concurrent: 5 });
    const releases = Array.from({ length: 5 }, () => rl.acquire('u', 0));
    expect(status(() => rl.acquire('u', 0))).toBe(429);
    releases[0]?.();
    expect(status(() => rl.acquire('u', 0))).toBe('ok');
  });

  it('keeps users apart', () => {
    const rl = new RateLimiter();
    for (let i = 0; i < 5; i++) rl.acquire('a', 0)();
    expect(status(() => rl.acquire('b', 0))).toBe('ok');
  });
});
