import { describe, expect, it } from 'vitest';
import {
  idsInUse,
  keyState,
  KEY_ID_COUNT,
  nextFreeTokenId,
  revokedCount,
  tokenFacts,
  type KeyRecord,
  type TokenAccount,
} from './key-state';

const NOW = 1_800_000_000_000;
const key = (tokenId: number, over: Partial<KeyRecord> = {}): KeyRecord => ({
  chainId: 31337,
  owner: '0xAa',
  provider: '0xBb',
  tokenId,
  label: `k${tokenId}`,
  createdAt: NOW - 1000,
  expiresAt: 0,
  generation: 2,
  ...over,
});
const account = (revoked: number[] = [], generation = 2n): TokenAccount => ({
  generation,
  revokedBitmap: revoked.reduce((m, id) => m | (1n << BigInt(id)), 0n),
});
const allBits = (1n << BigInt(KEY_ID_COUNT)) - 1n;

describe('keyState', () => {
  it('is active in the same generation, unrevoked and unexpired', () => {
    expect(keyState(key(3), account(), NOW)).toBe('active');
    expect(keyState(key(3, { expiresAt: NOW + 1 }), account(), NOW)).toBe('active');
  });
  it('is expired at and after its expiry; 0 never expires', () => {
    expect(keyState(key(3, { expiresAt: NOW }), account(), NOW)).toBe('expired');
    expect(keyState(key(3, { expiresAt: 0 }), account(), NOW + 10 ** 12)).toBe('active');
  });
  it('is revoked when its own bit is set, not a neighbour’s', () => {
    expect(keyState(key(3), account([3]), NOW)).toBe('revoked');
    expect(keyState(key(3), account([2, 4]), NOW)).toBe('active');
    expect(keyState(key(254), account([254]), NOW)).toBe('revoked');
  });
  it('is void once the generation moved, whatever the bitmap or clock say', () => {
    expect(keyState(key(3), account([], 3n), NOW)).toBe('void');
    expect(keyState(key(3, { expiresAt: NOW - 5 }), account([3], 3n), NOW)).toBe('void');
  });
  it('says revoked before expired', () => {
    expect(keyState(key(3, { expiresAt: NOW - 5 }), account([3]), NOW)).toBe('revoked');
  });
});

describe('ids in use and the next free id', () => {
  it('starts at 0 with nothing made and nothing revoked', () => {
    expect(nextFreeTokenId([], account())).toBe(0);
    expect(idsInUse([], account())).toEqual([]);
  });
  it('skips ids this browser holds, expired ones included', () => {
    const keys = [key(0), key(1, { expiresAt: NOW - 1 }), key(3)];
    expect(idsInUse(keys, account())).toEqual([0, 1, 3]);
    expect(nextFreeTokenId(keys, account())).toBe(2);
  });
  it('skips ids revoked on chain (the SDK refuses them) and does not count them as in use', () => {
    expect(nextFreeTokenId([key(0)], account([0, 1, 2]))).toBe(3);
    expect(idsInUse([key(0)], account([0]))).toEqual([]);
    expect(revokedCount(account([0, 1, 2]))).toBe(3);
  });
  it('reuses ids of void keys after a revoke-all', () => {
    const keys = [key(0, { generation: 1 }), key(1, { generation: 1 })];
    expect(idsInUse(keys, account())).toEqual([]);
    expect(nextFreeTokenId(keys, account())).toBe(0);
  });
  it('is null when all 255 ids are used, between the bitmap and this browser', () => {
    expect(nextFreeTokenId([], { generation: 2n, revokedBitmap: allBits })).toBeNull();
    const kept = Array.from({ length: KEY_ID_COUNT }, (_, i) => key(i));
    expect(nextFreeTokenId(kept, account())).toBeNull();
    const mixed = Array.from({ length: 100 }, (_, i) => key(i + 155));
    const revoked = Array.from({ length: 155 }, (_, i) => i);
    expect(nextFreeTokenId(mixed, account(revoked))).toBeNull();
    expect(nextFreeTokenId(mixed.slice(1), account(revoked))).toBe(155);
  });
  it('never offers 255, the session token’s id', () => {
    expect(nextFreeTokenId([], { generation: 2n, revokedBitmap: allBits & ~(1n << 254n) })).toBe(254);
  });
});

describe('tokenFacts', () => {
  const secret = (t: object) => `app-sk-${btoa(`${JSON.stringify(t)}|0xsig`)}`;
  const token = {
    address: '0xAa',
    provider: '0xBb',
    timestamp: NOW,
    expiresAt: 0,
    nonce: 'n',
    generation: 4,
    tokenId: 7,
  };
  it('reads id, times and generation from the signed JSON', () => {
    expect(tokenFacts(secret(token))).toEqual({
      tokenId: 7,
      createdAt: NOW,
      expiresAt: 0,
      generation: 4,
      address: '0xAa',
      provider: '0xBb',
    });
  });
  it('refuses anything else', () => {
    expect(tokenFacts('sk-abc')).toBeNull();
    expect(tokenFacts(`app-sk-${btoa('no separator')}`)).toBeNull();
    expect(tokenFacts(secret({ ...token, generation: '4' }))).toBeNull();
    expect(tokenFacts(secret({ ...token, tokenId: -1 }))).toBeNull();
  });
});
