import { beforeEach, describe, expect, it } from 'vitest';
import { cachedHeader, dropHeader, headerExpiry, storeHeader } from './auth-cache';

const header = (expiresAt: number) =>
  `Bearer app-sk-${btoa(JSON.stringify({ address: '0xa', provider: '0xb', expiresAt }) + '|0xsig')}`;
const key = { chainId: 31337, user: '0xAbC', provider: '0xDef' };

beforeEach(() => {
  const data = new Map<string, string>();
  globalThis.localStorage = {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  } as Storage;
  dropHeader(key);
});

describe('request header cache', () => {
  it('reads the expiry from the token', () => {
    expect(headerExpiry(header(1234))).toBe(1234);
    expect(headerExpiry('Bearer something-else')).toBeNull();
  });

  it('serves a cached header until shortly before it expires', () => {
    const now = 1_000_000_000;
    const h = header(now + 24 * 3600_000);
    storeHeader(key, h);
    expect(cachedHeader(key, now)).toBe(h);
    expect(cachedHeader({ ...key, user: '0xabc' }, now)).toBe(h);
    expect(cachedHeader(key, now + 24 * 3600_000 - 60_000)).toBeNull();
    expect(cachedHeader({ ...key, provider: '0xother' }, now)).toBeNull();
  });

  it('forgets a header the provider refused', () => {
    storeHeader(key, header(Date.now() + 3600_000 * 24));
    dropHeader(key);
    expect(cachedHeader(key)).toBeNull();
  });
});
