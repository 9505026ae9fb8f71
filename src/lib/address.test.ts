import { describe, expect, it } from 'vitest';
import { sameAddress } from './address';

const LOWER = '0xd8da6bf26964af9d7eed9e03e53415d37aa96045';
const CHECKSUMMED = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const OTHER = '0x0000000000000000000000000000000000000001';

describe('sameAddress', () => {
  it('matches one address in any letter case', () => {
    expect(sameAddress(LOWER, CHECKSUMMED)).toBe(true);
    expect(sameAddress(CHECKSUMMED, LOWER.toUpperCase().replace('0X', '0x'))).toBe(true);
  });

  it('tells different addresses apart', () => {
    expect(sameAddress(LOWER, OTHER)).toBe(false);
  });

  it.each([
    ['undefined', undefined, LOWER],
    ['null', null, LOWER],
    ['empty', '', ''],
    ['too short', LOWER.slice(0, -1), LOWER.slice(0, -1)],
    ['no 0x', LOWER.slice(2), LOWER.slice(2)],
    ['not hex', `0x${'g'.repeat(40)}`, `0x${'g'.repeat(40)}`],
  ])('is false, without throwing, for %s input', (_, a, b) => {
    expect(sameAddress(a, b)).toBe(false);
    expect(sameAddress(b, a)).toBe(false);
  });
});
