import { IDBDatabase, IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isQuotaError, STORAGE_FULL_PICTURE, STORAGE_FULL_TRANSCRIPT } from '../storage/quota';
import { openMediaStore } from './store';
import type { MediaItem } from './types';

const ALICE = '0xdD2FD4581271e230360230F9337D5c0430Bf44C0';
const BOB = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const CHAIN = 16661;
const png = (text: string) => new Blob([text], { type: 'image/png' });

const item = (id: string, extra: Partial<MediaItem> = {}): MediaItem => ({
  id,
  kind: 'image',
  chainId: CHAIN,
  owner: ALICE.toLowerCase(),
  createdAt: 1,
  provider: '0x0000000000000000000000000000000000000001',
  model: 'flux',
  serviceUrl: 'https://provider.example',
  chatId: null,
  prompt: `Picture ${id}`,
  settings: { size: '512x512', n: 1, mode: 'generate' },
  verification: { state: 'verified', reason: 'Signed by the TEE.' },
  requestSha256: 'aa',
  responseSha256: 'bb',
  mediaSha256: 'cc',
  mediaType: 'image/png',
  bytes: 3,
  ...extra,
});

const ids = (items: MediaItem[]) => items.map((i) => i.id);

afterEach(() => vi.restoreAllMocks());

describe('openMediaStore', () => {
  it('reads a page of thumbnails in one go, leaving out items without one', async () => {
    const store = openMediaStore(new IDBFactory());
    await store.put(item('a'), { thumb: png('thumb a') });
    await store.put(item('b'), { media: png('full b') });
    await store.put(item('c'), { thumb: png('thumb c') });
    const thumbs = await store.thumbs(['a', 'b', 'c', 'missing']);
    expect([...thumbs.keys()].sort()).toEqual(['a', 'c']);
    expect(await thumbs.get('c')?.text()).toBe('thumb c');
  });

  it('saves an item with its blobs apart, lowercasing the owner', async () => {
    const store = openMediaStore(new IDBFactory());
    const saved = item('a', { owner: ALICE, cost: '123456789012345678901', latencyMs: 900, width: 512, height: 512 });
    await store.put(saved, { media: png('full'), thumb: png('small'), source: png('upload') });
    expect(await store.get('a')).toEqual({ ...saved, owner: ALICE.toLowerCase() });
    expect(await (await store.media('a'))?.text()).toBe('full');
    expect(await (await store.thumb('a'))?.text()).toBe('small');
    const source = await store.source('a');
    expect([source?.type, await source?.text()]).toEqual(['image/png', 'upload']);
    expect(await store.get('missing')).toBeUndefined();
    expect(await store.media('missing')).toBeUndefined();
  });

  it('keeps blobs not given when an item is saved again, and replaces those given', async () => {
    const store = openMediaStore(new IDBFactory());
    await store.put(item('a', { verification: { state: 'verifying', reason: '' } }), { media: png('full') });
    await store.put(item('a'), { thumb: png('small') });
    expect((await store.get('a'))?.verification.state).toBe('verified');
    expect(await (await store.media('a'))?.text()).toBe('full');
    expect(await (await store.thumb('a'))?.text()).toBe('small');
    await store.put(item('a'), { media: png('redone') });
    expect(await (await store.media('a'))?.text()).toBe('redone');
  });

  it('refuses what could never be listed, and pictures put anywhere but in a Blob', async () => {
    const store = openMediaStore(new IDBFactory());
    await expect(store.put(item('a', { createdAt: NaN }))).rejects.toThrow('finite createdAt');
    await expect(store.put(item('a', { chainId: 1.5 }))).rejects.toThrow('whole chainId');
    const withBlob = { ...item('a'), picture: png('x') } as MediaItem;
    await expect(store.put(withBlob)).rejects.toThrow('saved as blobs beside the item');
    const base64 = { media: 'data:image/png;base64,AAAA' } as unknown as { media: Blob };
    await expect(store.put(item('a'), base64)).rejects.toThrow('The media of a saved item must be a Blob.');
    expect(await store.get('a')).toBeUndefined();
  });

  it('says so when the browser offers no IndexedDB', async () => {
    await expect(openMediaStore().count(CHAIN, ALICE, 'image')).rejects.toThrow(
      'This browser does not offer IndexedDB, so image and speech history cannot be saved.',
    );
  });
});

describe('list', () => {
  async function seeded() {
    const store = openMediaStore(new IDBFactory());
    await store.put(item('old', { createdAt: 100, prompt: 'A red Fox in snow' }));
    await store.put(item('new', { createdAt: 300, prompt: 'Harbour at night' }));
    await store.put(item('mid', { createdAt: 200, prompt: 'Foxglove flowers' }));
    await store.put(item('bob', { createdAt: 400, owner: BOB.toLowerCase(), prompt: 'fox' }));
    await store.put(item('chain', { createdAt: 500, chainId: 31337, prompt: 'fox' }));
    const speech = { kind: 'transcript', mediaType: 'audio/mpeg', prompt: '' } as const;
    await store.put(item('talk', { ...speech, createdAt: 600, text: 'The quick brown FOX jumps' }));
    return store;
  }

  it('lists newest first, one wallet, network and kind only, whatever the address case', async () => {
    const store = await seeded();
    expect(ids(await store.list(CHAIN, ALICE, { kind: 'image' }))).toEqual(['new', 'mid', 'old']);
    expect(ids(await store.list(CHAIN, BOB.toLowerCase(), { kind: 'image' }))).toEqual(['bob']);
    expect(ids(await store.list(31337, ALICE, { kind: 'image' }))).toEqual(['chain']);
    expect(ids(await store.list(CHAIN, ALICE, { kind: 'transcript' }))).toEqual(['talk']);
    expect(await store.list(31337, BOB, { kind: 'image' })).toEqual([]);
    expect(await store.count(CHAIN, ALICE, 'image')).toBe(3);
    expect(await store.count(CHAIN, ALICE.toLowerCase(), 'transcript')).toBe(1);
    expect(await store.count(1, ALICE, 'image')).toBe(0);
  });

  it('searches prompts and transcripts case-insensitively and literally', async () => {
    const store = await seeded();
    expect(ids(await store.list(CHAIN, ALICE, { kind: 'image', query: '  FOX ' }))).toEqual(['mid', 'old']);
    expect(ids(await store.list(CHAIN, ALICE, { kind: 'transcript', query: 'brown fox' }))).toEqual(['talk']);
    expect(await store.list(CHAIN, ALICE, { kind: 'image', query: '.*' })).toEqual([]);
    expect(ids(await store.list(CHAIN, ALICE, { kind: 'image', query: '' }))).toHaveLength(3);
  });

  it('pages with limit and before, without losing items made in the same millisecond', async () => {
    const store = openMediaStore(new IDBFactory());
    for (const id of ['a', 'b', 'c', 'd']) await store.put(item(id, { createdAt: 50 }));
    await store.put(item('e', { createdAt: 10 }));
    const first = await store.list(CHAIN, ALICE, { kind: 'image', limit: 2 });
    expect(ids(first)).toEqual(['d', 'c']);
    const second = await store.list(CHAIN, ALICE, { kind: 'image', limit: 2, before: first.at(-1) });
    expect(ids(second)).toEqual(['b', 'a']);
    expect(ids(await store.list(CHAIN, ALICE, { kind: 'image', before: second.at(-1) }))).toEqual(['e']);
    expect(await store.list(CHAIN, ALICE, { kind: 'image', limit: 0 })).toEqual([]);
  });

  it('lists 300 items without reading a single blob', async () => {
    const store = openMediaStore(new IDBFactory());
    for (let i = 0; i < 300; i += 1) {
      await store.put(item(`p${i}`, { createdAt: i }), { media: png(`full ${i}`), thumb: png(`thumb ${i}`) });
    }
    const scopes: string[][] = [];
    const transaction = IDBDatabase.prototype.transaction;
    vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (this: IDBDatabase, names, ...rest) {
      scopes.push(typeof names === 'string' ? [names] : [...names]);
      return transaction.call(this, names, ...rest);
    });
    const listed = await store.list(CHAIN, ALICE, { kind: 'image' });
    expect(listed).toHaveLength(300);
    expect(listed[0]?.id).toBe('p299');
    expect(scopes).toEqual([['items']]);
    expect(listed.some((row) => Object.values(row).some((value) => value instanceof Blob))).toBe(false);
  });
});

describe('removing', () => {
  it('removes an item with its blobs', async () => {
    const store = openMediaStore(new IDBFactory());
    await store.put(item('a'), { media: png('full'), thumb: png('small'), source: png('upload') });
    await store.put(item('b'), { media: png('other') });
    await store.remove('a');
    expect(await store.get('a')).toBeUndefined();
    expect([await store.media('a'), await store.thumb('a'), await store.source('a')]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(await (await store.media('b'))?.text()).toBe('other');
  });

  it('removes every item of one kind for one wallet and network, and nothing else', async () => {
    const store = openMediaStore(new IDBFactory());
    await store.put(item('a'), { media: png('a') });
    await store.put(item('b'), { thumb: png('b') });
    await store.put(item('talk', { kind: 'transcript' }), { source: png('audio') });
    await store.put(item('bob', { owner: BOB.toLowerCase() }), { media: png('bob') });
    await store.put(item('chain', { chainId: 31337 }));
    expect(await store.removeAll(CHAIN, ALICE, 'image')).toBe(2);
    expect([await store.media('a'), await store.thumb('b')]).toEqual([undefined, undefined]);
    expect(await store.count(CHAIN, ALICE, 'image')).toBe(0);
    expect(await (await store.source('talk'))?.text()).toBe('audio');
    expect(await (await store.media('bob'))?.text()).toBe('bob');
    expect(ids(await store.list(31337, ALICE, { kind: 'image' }))).toEqual(['chain']);
    expect(await store.removeAll(CHAIN, ALICE, 'image')).toBe(0);
  });
});

describe('a full storage', () => {
  it('rejects with the picture sentence when put() throws the quota error, and saves nothing', async () => {
    const store = openMediaStore(new IDBFactory());
    await store.put(item('a', { prompt: 'before' }), { media: png('before') });
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'blobs') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const error = await store.put(item('a', { prompt: 'after' }), { media: png('after') }).catch((e: unknown) => e);
    expect(error).toEqual(new Error(STORAGE_FULL_PICTURE));
    expect(isQuotaError(error)).toBe(true);
    expect((await store.get('a'))?.prompt).toBe('before');
    expect(await (await store.media('a'))?.text()).toBe('before');
  });

  it('rejects with the transcript sentence when the browser aborts the transaction, and saves nothing', async () => {
    const store = openMediaStore(new IDBFactory());
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      const request = put.apply(this, args);
      // What a browser does when the commit does not fit: abort the whole transaction with QuotaExceededError.
      if (this.name === 'blobs')
        (this.transaction as unknown as { _abort(name: string): void })._abort('QuotaExceededError');
      return request;
    });
    const talk = item('t', { kind: 'transcript', text: 'hello' });
    const error = await store.put(talk, { source: png('audio') }).catch((e: unknown) => e);
    expect(error).toEqual(new Error(STORAGE_FULL_TRANSCRIPT));
    expect(isQuotaError(error)).toBe(true);
    vi.restoreAllMocks();
    expect([await store.get('t'), await store.source('t')]).toEqual([undefined, undefined]);
  });
});
