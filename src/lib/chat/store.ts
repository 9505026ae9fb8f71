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

const DB_NAME = 'og-marketplace-chat';
const DB_VERSION = 1;
const STORE = 'conversations';
// [chainId, owner] rather than [chainId, owner, updatedAt]: a plain key then selects a wallet's rows, so no
// IDBKeyRange global is needed, and sorting a wallet's conversations in memory is cheap.
const BY_WALLET = 'by-wallet';
const SNIPPET_BEFORE = 40;
const SNIPPET_AFTER = 80;

function openDatabase(factory: IDBFactory | undefined): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (!factory) {
      reject(new Error('This browser does not offer IndexedDB, so chat history cannot be saved.'));
      return;
    }
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(DB_NAME, DB_VERSION);
    } catch (cause) {
      // Sandboxed frames and opaque origins throw SecurityError here rather than failing the request.
      reject(new Error('The browser refused access to chat history storage for this page.', { cause }));
      return;
    }
    let settled = false;
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore(STORE, { keyPath: 'id' });
      store.createIndex(BY_WALLET, ['chainId', 'owner']);
    };
    request.onsuccess = () => {
      const db = request.result;
      // Blocked earlier and already rejected: this late connection is nobody's, so let it go.
      if (settled) {
        db.close();
        return;
      }
      settled = true;
      resolve(db);
    };
    request.onerror = () => {
      settled = true;
      const cause = request.error;
      reject(
        new Error(
          cause?.name === 'VersionError'
            ? 'Chat history was saved by a newer version of this app; reload the page to use it.'
            : `Chat history storage could not be opened (${cause?.message ?? 'unknown error'}). Private browsing or storage settings may block it.`,
          { cause },
        ),
      );
    };
    request.onblocked = () => {
      settled = true;
      reject(
        new Error('Another tab of this app is holding chat history open in an older version; close it and reload.'),
      );
    };
  });
}

function indexedDbGlobal(): IDBFactory | undefined {
  try {
    return (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  } catch {
    // Reading it throws where storage is blocked; openDatabase then says so.
    return undefined;
  }
}

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
  let db: Promise<IDBDatabase> | null = null;

  function database(): Promise<IDBDatabase> {
    db ??= openDatabase(factory ?? indexedDbGlobal()).then(
      (opened) => {
        // Let a newer version in another tab upgrade; the next call here reopens (and then says why it cannot).
        opened.onversionchange = () => {
          opened.close();
          db = null;
        };
        return opened;
      },
      (error: unknown) => {
        // Not cached: once the other tab is closed or storage is allowed, the next call tries again.
        db = null;
        throw error;
      },
    );
    return db;
  }

  async function run<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const opened = await database();
    return new Promise<T>((resolve, reject) => {
      const tx = opened.transaction(STORE, mode);
      const request = action(tx.objectStore(STORE));
      // Resolved on complete, not on the request's success, so a write is durable once awaited.
      tx.oncomplete = () => resolve(request.result);
      tx.onabort = tx.onerror = () => {
        const cause = tx.error ?? request.error;
        reject(
          new Error(
            cause?.name === 'QuotaExceededError'
              ? 'The browser has no room left to save chat history; delete some conversations.'
              : `Chat history could not be ${mode === 'readonly' ? 'read' : 'saved'} (${cause?.message ?? 'unknown error'}).`,
            { cause },
          ),
        );
      };
    });
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
