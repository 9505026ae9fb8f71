import type { Address, Hash } from 'viem';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forgetTxs, rememberedTxs, rememberTx, SENT_TXS_LIMIT } from './sent-txs';

// The unit project runs in Node, which has no localStorage: a Map-backed stand-in is enough.
class MemoryStorage {
  data = new Map<string, string>();
  getItem = (k: string) => this.data.get(k) ?? null;
  setItem = (k: string, v: string) => void this.data.set(k, v);
  removeItem = (k: string) => void this.data.delete(k);
}

const ALICE: Address = '0xdD2FD4581271e230360230F9337D5c0430Bf44C0';
const BOB: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const hash = (n: number) => `0x${n.toString(16).padStart(64, '0')}` as Hash;
const H1 = hash(1);
const H2 = hash(2);
let store: MemoryStorage;

function setStorage(value: unknown) {
  Object.defineProperty(globalThis, 'localStorage', { value, configurable: true, writable: true });
}

beforeEach(() => {
  store = new MemoryStorage();
  setStorage(store);
});
afterEach(() => {
  Reflect.deleteProperty(globalThis, 'localStorage');
});

describe('rememberTx / rememberedTxs', () => {
  it('keeps hashes newest first, lowercase, with their labels', () => {
    rememberTx({ chainId: 16661, from: ALICE, hash: H1, label: 'Deposit' });
    rememberTx({ chainId: 16661, from: ALICE, hash: `0x${'AB'.repeat(32)}`, label: 'Withdraw' });
    expect(rememberedTxs(16661, ALICE)).toEqual([
      { hash: `0x${'ab'.repeat(32)}`, label: 'Withdraw' },
      { hash: H1, label: 'Deposit' },
    ]);
  });

  it('lists a hash sent twice once, at its latest place', () => {
    rememberTx({ chainId: 1, from: ALICE, hash: H1, label: 'a' });
    rememberTx({ chainId: 1, from: ALICE, hash: H2, label: 'b' });
    rememberTx({ chainId: 1, from: ALICE, hash: H1, label: 'c' });
    expect(rememberedTxs(1, ALICE)).toEqual([
      { hash: H1, label: 'c' },
      { hash: H2, label: 'b' },
    ]);
  });

  it('keeps networks and addresses apart, whatever the address case', () => {
    rememberTx({ chainId: 1, from: ALICE, hash: H1, label: 'a' });
    rememberTx({ chainId: 2, from: ALICE, hash: H2, label: 'b' });
    expect(rememberedTxs(1, ALICE.toLowerCase() as Address).map((t) => t.hash)).toEqual([H1]);
    expect(rememberedTxs(2, ALICE).map((t) => t.hash)).toEqual([H2]);
    expect(rememberedTxs(1, BOB)).toEqual([]);
  });

  it(`keeps only the newest ${SENT_TXS_LIMIT}`, () => {
    for (let i = 1; i <= SENT_TXS_LIMIT + 5; i++) rememberTx({ chainId: 1, from: ALICE, hash: hash(i), label: `${i}` });
    const kept = rememberedTxs(1, ALICE);
    expect(kept).toHaveLength(SENT_TXS_LIMIT);
    expect(kept[0]?.hash).toBe(hash(SENT_TXS_LIMIT + 5));
    expect(kept.at(-1)?.hash).toBe(hash(6));
  });

  it('refuses something that is not a transaction hash', () => {
    rememberTx({ chainId: 1, from: ALICE, hash: '0x1234' as Hash, label: 'short' });
    expect(rememberedTxs(1, ALICE)).toEqual([]);
  });
});

describe('junk and missing storage', () => {
  const key = `og-marketplace:sent-txs:1:${ALICE.toLowerCase()}`;

  it('reads junk as nothing and skips malformed items', () => {
    store.setItem(key, '{not json');
    expect(rememberedTxs(1, ALICE)).toEqual([]);
    store.setItem(key, '{"hash":"0x1"}');
    expect(rememberedTxs(1, ALICE)).toEqual([]);
    store.setItem(
      key,
      JSON.stringify([null, 7, { hash: 'nope', label: 'x' }, { hash: H1 }, { hash: H2, label: 'ok' }]),
    );
    expect(rememberedTxs(1, ALICE)).toEqual([{ hash: H2, label: 'ok' }]);
    // A new hash is added on top of the good ones; the junk goes.
    rememberTx({ chainId: 1, from: ALICE, hash: H1, label: 'new' });
    expect(JSON.parse(store.getItem(key) ?? '')).toEqual([
      { hash: H1, label: 'new' },
      { hash: H2, label: 'ok' },
    ]);
  });

  it('works without storage at all, or when it throws', () => {
    setStorage(undefined);
    expect(() => rememberTx({ chainId: 1, from: ALICE, hash: H1, label: 'a' })).not.toThrow();
    expect(rememberedTxs(1, ALICE)).toEqual([]);
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new Error('SecurityError: storage is disabled');
      },
    });
    expect(() => rememberTx({ chainId: 1, from: ALICE, hash: H1, label: 'a' })).not.toThrow();
    expect(rememberedTxs(1, ALICE)).toEqual([]);
    expect(() => forgetTxs(1, ALICE)).not.toThrow();
  });

  it('survives a full storage', () => {
    store.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    expect(() => rememberTx({ chainId: 1, from: ALICE, hash: H1, label: 'a' })).not.toThrow();
  });
});

describe('forgetTxs', () => {
  it('forgets one network and address only', () => {
    rememberTx({ chainId: 31337, from: ALICE, hash: H1, label: 'a' });
    rememberTx({ chainId: 31337, from: BOB, hash: H2, label: 'b' });
    rememberTx({ chainId: 16661, from: ALICE, hash: H2, label: 'c' });
    forgetTxs(31337, ALICE);
    expect(rememberedTxs(31337, ALICE)).toEqual([]);
    expect(rememberedTxs(31337, BOB)).toHaveLength(1);
    expect(rememberedTxs(16661, ALICE)).toHaveLength(1);
  });
});
