import { beforeEach, describe, expect, it } from 'vitest';
import type { KeyRecord } from './key-state';
import { forgetKey, keysIn, loadKeys, providersWithKeys, saveKey, subscribeKeys } from './key-store';

const data = new Map<string, string>();
beforeEach(() => {
  data.clear();
  globalThis.localStorage = {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  } as Storage;
});

const rec = (tokenId: number, over: Partial<KeyRecord> = {}): KeyRecord => ({
  chainId: 31337,
  owner: '0xAAaa',
  provider: '0xBBbb',
  tokenId,
  label: `k${tokenId}`,
  createdAt: 1000 + tokenId,
  expiresAt: 0,
  generation: 0,
  ...over,
});
const scope = { chainId: 31337, owner: '0xaaaa', provider: '0xbbbb' };

describe('key store', () => {
  it('keeps exactly the metadata, per scope, case-insensitively', () => {
    saveKey(rec(1));
    saveKey(rec(0, { provider: '0xCCcc' }));
    saveKey(rec(2, { chainId: 16661 }));
    expect(keysIn(loadKeys(), scope).map((k) => k.tokenId)).toEqual([1]);
    expect(providersWithKeys(loadKeys(), 31337, '0xAAAA')).toEqual(['0xBBbb', '0xCCcc']);
    expect(Object.keys(JSON.parse([...data.values()][0]!)[0] as object).sort()).toEqual(
      ['chainId', 'createdAt', 'expiresAt', 'generation', 'label', 'owner', 'provider', 'tokenId'].sort(),
    );
  });
  it('never stores a secret slipped into a record', () => {
    saveKey({ ...rec(1), secret: 'app-sk-SECRET' } as KeyRecord);
    expect([...data.values()].join()).not.toContain('SECRET');
  });
  it('forgets one record and tells listeners', () => {
    let calls = 0;
    const stop = subscribeKeys(() => calls++);
    saveKey(rec(1));
    saveKey(rec(2));
    forgetKey(rec(1));
    stop();
    expect(keysIn(loadKeys(), scope).map((k) => k.tokenId)).toEqual([2]);
    expect(calls).toBe(3);
  });
  it('drops junk and malformed entries instead of throwing', () => {
    data.set('og-marketplace:api-keys:v1', '{not json');
    expect(loadKeys()).toEqual([]);
    data.set('og-marketplace:api-keys:v1', JSON.stringify([rec(1), { ...rec(2), tokenId: 255 }, { label: 1 }, null]));
    expect(loadKeys().map((k) => k.tokenId)).toEqual([1]);
  });
  it('returns the same array while storage is unchanged', () => {
    saveKey(rec(1));
    expect(loadKeys()).toBe(loadKeys());
  });
});
