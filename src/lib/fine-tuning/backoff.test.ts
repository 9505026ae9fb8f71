import { describe, expect, it } from 'vitest';
import { describeOutage, pollDelay } from './backoff';

describe('pollDelay', () => {
  it('polls at the base rate, doubles per failure in a row and stops at the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 100].map((n) => pollDelay(n))).toEqual([2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(pollDelay(2, { baseMs: 500, maxMs: 1500 })).toBe(1500);
    expect(pollDelay(1, { baseMs: 500 })).toBe(1000);
  });
  it('treats nonsense counts as no failure', () => {
    expect(pollDelay(-3)).toBe(2000);
    expect(pollDelay(Number.NaN)).toBe(2000);
    expect(pollDelay(Number.POSITIVE_INFINITY)).toBe(2000);
  });
});

describe('describeOutage', () => {
  it('says how long the provider has been silent, in seconds, minutes or hours', () => {
    expect(describeOutage(1000, 41_000)).toBe('The provider has not answered for 40 s; retrying by itself.');
    expect(describeOutage(0, 185_000)).toMatch(/for 3 min;/);
    expect(describeOutage(0, 3_900_000)).toMatch(/for 1 h 5 min;/);
    expect(describeOutage(0, 7_200_000)).toMatch(/for 2 h;/);
    expect(describeOutage(5000, 0)).toMatch(/for 0 s;/);
  });
});
