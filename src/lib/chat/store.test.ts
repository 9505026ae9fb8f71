import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { openChatStore } from './store';
import type { ChatMessage, Conversation } from './types';

const ALICE = '0xdD2FD4581271e230360230F9337D5c0430Bf44C0';
const BOB = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const CHAIN = 16661;

const message = (id: string, content: string, extra: Partial<ChatMessage> = {}): ChatMessage => ({
  id,
  role: 'user',
  content,
  status: 'complete',
  createdAt: 1,
  ...extra,
});

const conversation = (id: string, extra: Partial<Conversation> = {}): Conversation => ({
  id,
  chainId: CHAIN,
  owner: ALICE.toLowerCase(),
  title: `Conversation ${id}`,
  systemPrompt: '',
  temperature: 0.7,
  maxTokens: 512,
  messages: [],
  createdAt: 1,
  updatedAt: 1,
  ...extra,
});

describe('openChatStore', () => {
  it('saves and reads back a conversation with every message field, replacing it on the next put', async () => {
    const store = openChatStore(new IDBFactory());
    const answer = message('m2', 'Hi there', {
      role: 'assistant',
      provider: '0x0000000000000000000000000000000000000001',
      model: 'llama',
      chatId: 'chat-1',
      usage: { prompt_tokens: 3, completion_tokens: 5 },
      cost: '123456789012345678901234567890',
      verification: { state: 'verified', reason: 'Signed by the TEE.', recoveredSigner: '0xabc' },
      status: 'partial',
      latencyMs: 420,
    });
    const saved = conversation('a', { messages: [message('m1', 'Hello'), answer] });
    await store.put(saved);
    expect(await store.get('a')).toEqual(saved);

    await store.put({ ...saved, title: 'Renamed', messages: [...saved.messages, message('m3', 'More')] });
    const again = await store.get('a');
    expect(again?.title).toBe('Renamed');
    expect(again?.messages.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
    expect(await store.get('missing')).toBeUndefined();
  });

  it('lists newest first, only for the same owner (any case) and chain', async () => {
    const store = openChatStore(new IDBFactory());
    await store.put(conversation('old', { updatedAt: 100 }));
    await store.put(conversation('new', { updatedAt: 300, owner: ALICE })); // checksummed: stored lowercase
    await store.put(conversation('mid', { updatedAt: 200 }));
    await store.put(conversation('bob', { updatedAt: 400, owner: BOB.toLowerCase() }));
    await store.put(conversation('other-chain', { updatedAt: 500, chainId: 31337 }));

    const alice = await store.list(CHAIN, ALICE);
    expect(alice.map((c) => c.id)).toEqual(['new', 'mid', 'old']);
    expect(alice.every((c) => c.owner === ALICE.toLowerCase())).toBe(true);
    expect((await store.list(CHAIN, BOB)).map((c) => c.id)).toEqual(['bob']);
    expect((await store.list(31337, ALICE)).map((c) => c.id)).toEqual(['other-chain']);
    expect(await store.list(31337, BOB)).toEqual([]);
  });

  it('removes a conversation', async () => {
    const store = openChatStore(new IDBFactory());
    await store.put(conversation('a'));
    await store.put(conversation('b'));
    await store.remove('a');
    expect(await store.get('a')).toBeUndefined();
    expect((await store.list(CHAIN, ALICE)).map((c) => c.id)).toEqual(['b']);
  });

  it('keeps data across stores opened on the same database', async () => {
    const factory = new IDBFactory();
    await openChatStore(factory).put(conversation('a'));
    expect((await openChatStore(factory).list(CHAIN, ALICE)).map((c) => c.id)).toEqual(['a']);
  });

  it('says the browser has no room left when a save hits the quota, keeping what was saved', async () => {
    const store = openChatStore(new IDBFactory());
    await store.put(conversation('a'));
    const put = IDBObjectStore.prototype.put;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      const request = put.apply(this, args);
      (this.transaction as unknown as { _abort(name: string): void })._abort('QuotaExceededError');
      return request;
    });
    await expect(store.put(conversation('a', { title: 'Renamed' }))).rejects.toThrow(
      'The browser has no room left to save chat history; delete some conversations.',
    );
    spy.mockRestore();
    expect((await store.get('a'))?.title).toBe('Conversation a');
  });

  it('refuses a conversation that could never be listed', async () => {
    const store = openChatStore(new IDBFactory());
    await expect(store.put(conversation('a', { updatedAt: NaN }))).rejects.toThrow('finite updatedAt');
    expect(await store.get('a')).toBeUndefined();
  });
});

describe('search', () => {
  async function seeded() {
    const store = openChatStore(new IDBFactory());
    await store.put(conversation('title-hit', { title: 'Rust lifetimes', updatedAt: 10 }));
    await store.put(
      conversation('message-hit', {
        title: 'Cooking',
        updatedAt: 20,
        messages: [
          message('q', 'How long to boil an egg?'),
          message('a', `${'x'.repeat(100)} Boil it for 7 minutes,\n then cool it. ${'y'.repeat(100)}`, {
            role: 'assistant',
          }),
          message('b', 'Boil again later'),
        ],
      }),
    );
    await store.put(conversation('bob', { owner: BOB.toLowerCase(), title: 'Boil water' }));
    await store.put(conversation('other-chain', { chainId: 31337, title: 'boil' }));
    return store;
  }

  it('finds message contents case-insensitively, first matching message, with a trimmed one-line snippet', async () => {
    const hits = await (await seeded()).search(CHAIN, ALICE, 'BOIL IT');
    expect(hits).toHaveLength(1);
    expect(hits[0]?.conversation.id).toBe('message-hit');
    expect(hits[0]?.messageId).toBe('a');
    expect(hits[0]?.snippet).toMatch(/^….*Boil it for 7 minutes, then cool it\..*…$/);
    expect(hits[0]?.snippet.length).toBeLessThan(140);
  });

  it('reports a title match with a null message id, newest conversation first, one hit each', async () => {
    const store = await seeded();
    await store.put(conversation('both', { title: 'Boiling point', updatedAt: 30, messages: [message('z', 'boil')] }));
    const hits = await store.search(CHAIN, ALICE, 'boil');
    expect(hits.map((h) => [h.conversation.id, h.messageId])).toEqual([
      ['both', null],
      ['message-hit', 'q'],
    ]);
    expect(hits[0]?.snippet).toBe('Boiling point');
    expect((await store.search(CHAIN, ALICE, 'lifetimes')).map((h) => h.messageId)).toEqual([null]);
  });

  it('never returns another owner or chain, treats the query literally, and ignores an empty query', async () => {
    const store = await seeded();
    expect((await store.search(CHAIN, BOB, 'boil')).map((h) => h.conversation.id)).toEqual(['bob']);
    expect((await store.search(31337, ALICE, 'boil')).map((h) => h.conversation.id)).toEqual(['other-chain']);
    expect(await store.search(CHAIN, ALICE, '.*')).toEqual([]);
    expect(await store.search(CHAIN, ALICE, '   ')).toEqual([]);
  });
});

describe('opening failures', () => {
  it('says so when the browser offers no IndexedDB', async () => {
    // The unit project runs in Node, which has no global indexedDB.
    await expect(openChatStore().list(CHAIN, ALICE)).rejects.toThrow(
      'This browser does not offer IndexedDB, so chat history cannot be saved.',
    );
  });

  it('says so when a newer version of the app owns the database, and tries again on the next call', async () => {
    const factory = new IDBFactory();
    const newer = factory.open('og-marketplace-chat', 2);
    await new Promise((resolve) => (newer.onsuccess = resolve));
    const store = openChatStore(factory);
    await expect(store.list(CHAIN, ALICE)).rejects.toThrow('saved by a newer version of this app');

    newer.result.close();
    factory.deleteDatabase('og-marketplace-chat');
    await store.put(conversation('a'));
    expect((await store.list(CHAIN, ALICE)).map((c) => c.id)).toEqual(['a']);
  });

  it('says so when another tab blocks the upgrade', async () => {
    const request = { result: undefined } as unknown as IDBOpenDBRequest;
    const blocking = { open: () => (setTimeout(() => request.onblocked?.({} as IDBVersionChangeEvent)), request) };
    await expect(openChatStore(blocking as unknown as IDBFactory).get('a')).rejects.toThrow(
      'Another tab of this app is holding chat history open in an older version; close it and reload.',
    );
  });
});
