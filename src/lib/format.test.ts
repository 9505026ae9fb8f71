import { describe, expect, it } from 'vitest';
import { absoluteTime, clock, relativeTime, shortAddress, sizeText } from './format';

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

  it('says it as Intl would in English, with "yesterday" and "in" for the future', () => {
    const now = 1_700_000_000_000;
    const at = (s: number) => relativeTime(1_700_000_000 + s, now);
    expect(at(-86_400)).toBe('yesterday');
    expect(at(86_400)).toBe('tomorrow');
    expect(at(-31_536_000)).toBe('last year');
    expect(at(-3_600)).toBe('1 hour ago');
    expect(at(7_200)).toBe('in 2 hours');
    expect(at(-2_000 * 31_536_000)).toBe('2,000 years ago');
  });
  it('formats a full local date and time', () => {
    const t = new Date(2026, 11, 2, 16, 5).getTime() / 1000;
    expect(absoluteTime(t)).toBe('Dec 2, 2026, 4:05 PM');
    expect(absoluteTime(new Date(2026, 0, 9, 0, 30).getTime() / 1000)).toBe('Jan 9, 2026, 12:30 AM');
    expect(absoluteTime(Number.NaN)).toBe('Invalid date');
  });
  it('shows positions as a clock', () => {
    expect(clock(0)).toBe('0:00');
    expect(clock(65.9)).toBe('1:05');
    expect(clock(3723)).toBe('1:02:03');
    expect(clock(Number.NaN)).toBe('0:00');
  });

  it('writes sizes in bytes, KB and MB', () => {
    expect(sizeText(1)).toBe('1 byte');
    expect(sizeText(900)).toBe('900 bytes');
    expect(sizeText(2048)).toBe('2.0 KB');
    expect(sizeText(12.3 * 1024 * 1024)).toBe('12.3 MB');
  });
});
