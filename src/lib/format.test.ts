import { describe, expect, it } from 'vitest';
import { relativeTime, shortAddress } from './format';

describe('format', () => {
  it('shortens addresses', () => {
    expect(shortAddress('0x1234567890abcdef1234567890abcdef12345678')).toBe('0x1234…5678');
  });
  it('says how long ago', () => {
    const now = 1_700_000_000_000;
    expect(relativeTime(1_700_000_000n - 180n, now)).toBe('3 minutes ago');
    expect(relativeTime(1_700_000_000n - 2n * 86_400n, now)).toBe('2 days ago');
    expect(relativeTime(1_700_000_000n - 5n, now)).toBe('just now');
  });
});
