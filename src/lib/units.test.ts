import { describe, expect, it } from 'vitest';
import { formatOg, parseOg } from './units';

const OG = 10n ** 18n;

describe('formatOg', () => {
  it('formats whole amounts without a decimal point', () => {
    expect(formatOg(0n)).toBe('0');
    expect(formatOg(OG)).toBe('1');
    expect(formatOg(1234n * OG)).toBe('1234');
  });

  it('trims trailing zeros from the fraction', () => {
    expect(formatOg(OG + OG / 2n)).toBe('1.5');
    expect(formatOg(OG / 10n)).toBe('0.1');
    expect(formatOg(1_230_000_000_000_000n)).toBe('0.00123');
  });

  it('shows up to six decimals by default and rounds half up', () => {
    expect(formatOg(1_234_567_000_000_000n)).toBe('0.001235');
    expect(formatOg(1_234_500_000_000_000n)).toBe('0.001235');
    expect(formatOg(1_234_499_999_999_999n)).toBe('0.001234');
    expect(formatOg(500_000_000_000n)).toBe('0.000001');
    expect(formatOg(499_999_999_999n)).toBe('0');
  });

  it('carries rounding into the whole part', () => {
    expect(formatOg(OG - 1n)).toBe('1');
    expect(formatOg(9n * OG + (OG * 9_999_995n) / 10_000_000n)).toBe('10');
  });

  it('honours maxDecimals from 0 to 18', () => {
    expect(formatOg(1n, 18)).toBe('0.000000000000000001');
    expect(formatOg(123_456_789_123_456_789n, 18)).toBe('0.123456789123456789');
    expect(formatOg(123_456_789_123_456_789n, 2)).toBe('0.12');
    expect(formatOg(OG + OG / 2n, 0)).toBe('2');
    expect(formatOg(OG + OG / 2n - 1n, 0)).toBe('1');
  });

  it('formats negative amounts symmetrically and never prints -0', () => {
    expect(formatOg(-OG - OG / 2n)).toBe('-1.5');
    expect(formatOg(-1_234_567_000_000_000n)).toBe('-0.001235');
    expect(formatOg(-1n)).toBe('0');
    expect(formatOg(-500_000_000_000n)).toBe('-0.000001');
  });

  it('keeps full precision for amounts beyond Number.MAX_SAFE_INTEGER', () => {
    expect(formatOg(123_456_789_012_345_678_901_234_567_890n, 18)).toBe('123456789012.34567890123456789');
  });

  it('rejects an invalid maxDecimals', () => {
    expect(() => formatOg(OG, -1)).toThrow(RangeError);
    expect(() => formatOg(OG, 19)).toThrow(RangeError);
    expect(() => formatOg(OG, 1.5)).toThrow(RangeError);
  });
});

describe('parseOg', () => {
  it('parses whole and fractional amounts into neuron', () => {
    expect(parseOg('0')).toBe(0n);
    expect(parseOg('1')).toBe(OG);
    expect(parseOg('1.5')).toBe(OG + OG / 2n);
    expect(parseOg('0.000000000000000001')).toBe(1n);
    expect(parseOg('123456789012.345678901234567890')).toBe(123_456_789_012_345_678_901_234_567_890n);
  });

  it('accepts a leading or trailing decimal point, leading zeros and surrounding spaces', () => {
    expect(parseOg('.5')).toBe(OG / 2n);
    expect(parseOg('2.')).toBe(2n * OG);
    expect(parseOg('007.10')).toBe(7n * OG + OG / 10n);
    expect(parseOg('  3  ')).toBe(3n * OG);
  });

  it('round-trips with formatOg at full precision', () => {
    for (const text of ['0', '1', '0.1', '42.000000000000000001', '999999.999999']) {
      expect(formatOg(parseOg(text), 18)).toBe(text);
    }
  });

  it('rejects empty input', () => {
    expect(() => parseOg('')).toThrow('Enter an amount.');
    expect(() => parseOg('   ')).toThrow('Enter an amount.');
  });

  it('rejects negative amounts', () => {
    expect(() => parseOg('-1')).toThrow('cannot be negative');
    expect(() => parseOg('-0.5')).toThrow('cannot be negative');
  });

  it('rejects exponent notation', () => {
    for (const text of ['1e18', '1.5E3', '2e-3', '.5e1', '+1e2']) {
      expect(() => parseOg(text), text).toThrow('without exponent notation');
    }
  });

  it('rejects more than 18 decimals', () => {
    expect(() => parseOg('0.0000000000000000001')).toThrow('at most 18 decimal places');
    expect(() => parseOg('1.0000000000000000000')).toThrow('at most 18 decimal places');
  });

  it('rejects text that is not a plain decimal number', () => {
    for (const text of ['.', 'abc', '1.2.3', '1,000', '0x10', '+1', '1 000', 'Infinity', 'NaN', 'e', '1e', '١']) {
      expect(() => parseOg(text), text).toThrow('only digits and at most one decimal point');
    }
  });
});
