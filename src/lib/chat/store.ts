import { lazyDatabase, transact, type DatabaseSpec, type TransactionWords } from '../storage/idb';
import type { Conversation } from './types';

/** Saved conversations in this browser, per wallet address and chain. */
export interface ChatStore {
  /** The conversations of `owner` on `chainId`, newest `updatedAt` first. */
  list(chainId: number, owner: string): Promise<Conversation[]>;
  get(id: string): Promise<Conversation | undefined>;
  /** Inserts or replaces; callers save after every change, so a reload mid-stream keeps what arrived. */
  put(conversation: Conversation): Promise<void>;
  remove(id: string): Promise<void>;
  /** Case-insensitive over titles and message contents; one hit per conversation, newest first. */
  search(chainId: number, owner: string, query: string): Promise<ChatSearchHit[]>;
}

/** A conversation found by search: `messageId` is null when the title matched. */
export interface ChatSearchHit {
  conversation: Conversation;
  messageId: string | null;
  snippet: string;
}

const STORE = 'conversations';
// [chainId, owner] rather than [chainId, owner, updatedAt]: a plain key then selects a wallet's rows, so no
// IDBKeyRange global is needed, and sorting a wallet's conversations in memory is cheap.
const BY_WALLET = 'by-wallet';
const LABEL = 'chat history';
const DATABASE: DatabaseSpec = {
  name: 'og-marketplace-chat',
  version: 1,
  label: LABEL,
  upgrade(db) {
    const store = db.createObjectStore(STORE, { keyPath: 'id' });
    store.createIndex(BY_WALLET, ['chainId', 'owner']);
  },
};
const WORDS: TransactionWords = {
  label: LABEL,
  quotaMessage: 'The browser has no room left to save chat history; delete some conversations.',
};
const SNIPPET_BEFORE = 40;
const SNIPPET_AFTER = 80;

function matchSnippet(text: string, pattern: RegExp): string | null {
  const match = pattern.exec(text);
  if (!match) return null;
  let start = Math.max(0, match.index - SNIPPET_BEFORE);
  let end = Math.min(text.length, match.index + match[0].length + SNIPPET_AFTER);
  // Never cut a surrogate pair in half (an emoji would turn into a replacement character).
  if (/[\udc00-\udfff]/.test(text[start] ?? '')) start -= 1;
  if (/[\ud800-\udbff]/.test(text[end - 1] ?? '')) end += 1;
  const body = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
}

const byNewest = (a: Conversation, b: Conversation) => b.updatedAt - a.updatedAt;

/** A ChatStore over IndexedDB; the database opens on first use (pass `factory` in tests). */
export function openChatStore(factory?: IDBFactory): ChatStore {
  const database = lazyDatabase(DATABASE, factory);

  async function run<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    return transact(await database(), STORE, mode, (tx) => action(tx.objectStore(STORE)), WORDS);
  }

  async function list(chainId: number, owner: string): Promise<Conversation[]> {
    const rows = await run<Conversation[]>('readonly', (s) =>
      s.index(BY_WALLET).getAll([chainId, owner.toLowerCase()]),
    );
    return rows.sort(byNewest);
  }

  return {
    list,
    get: (id) => run<Conversation | undefined>('readonly', (s) => s.get(id)),
    async put(conversation) {
      // A row whose index fields are not valid keys would be saved but never listed; refuse it instead.
      if (!Number.isSafeInteger(conversation.chainId) || !Number.isFinite(conversation.updatedAt)) {
        throw new Error('A conversation needs a whole chainId and a finite updatedAt to be saved.');
      }
      await run('readwrite', (s) => s.put({ ...conversation, owner: conversation.owner.toLowerCase() }));
    },
    async remove(id) {
      await run('readwrite', (s) => s.delete(id));
    },
    async search(chainId, owner, query) {
      const needle = query.trim();
      if (!needle) return [];
      // A regex rather than toLowerCase(): lowercasing can change a string's length and misplace the snippet.
      const pattern = new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'iu');
      const hits: ChatSearchHit[] = [];
      for (const conversation of await list(chainId, owner)) {
        const title = matchSnippet(conversation.title, pattern);
        if (title !== null) {
          hits.push({ conversation, messageId: null, snippet: title });
          continue;
        }
        for (const message of conversation.messages) {
          const snippet = matchSnippet(message.content, pattern);
          if (snippet === null) continue;
          hits.push({ conversation, messageId: message.id, snippet });
          break;
        }
      }
      return hits;
    },
  };
}
