import { describe, expect, it } from 'vitest';
import { hashOnce, sha256hex } from './hash';

const bytes = new TextEncoder().encode('abc');
const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

describe('hashes', () => {
  it('is sha256 in lowercase hex without 0x', () => expect(sha256hex(bytes)).toBe(ABC));
  it('takes a hash already computed, and hashes when there is none or it is not one', () => {
    expect(hashOnce('f'.repeat(64), bytes)).toBe('f'.repeat(64));
    expect(hashOnce(undefined, bytes)).toBe(ABC);
    expect(hashOnce('0x' + 'f'.repeat(64), bytes)).toBe(ABC);
  });
});
