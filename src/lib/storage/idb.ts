import { isQuotaError } from './quota';

/** One IndexedDB database of this app, and how to speak of it to the user. */
export interface DatabaseSpec {
  name: string;
  version: number;
  /** What the user calls what it holds, lower case ("chat history"); every error sentence is built on it. */
  label: string;
  /** Creates or migrates object stores; `oldVersion` is 0 for a new database. */
  upgrade(db: IDBDatabase, oldVersion: number, tx: IDBTransaction | null): void;
}

/** Sentences for a failed transaction: the label, and what to say when the browser has no room left. */
export interface TransactionWords {
  label: string;
  quotaMessage: string;
}

const capitalized = (label: string) => label.charAt(0).toUpperCase() + label.slice(1);

/** The page's IndexedDB factory, or undefined where there is none or reading it throws. */
export function indexedDbGlobal(): IDBFactory | undefined {
  try {
    return (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  } catch {
    // Reading it throws where storage is blocked; openDatabase then says so.
    return undefined;
  }
}

/** Opens (creating or upgrading) a database, rejecting with a plain sentence for every way that can fail. */
export function openDatabase(factory: IDBFactory | undefined, spec: DatabaseSpec): Promise<IDBDatabase> {
  const { label } = spec;
  return new Promise((resolve, reject) => {
    if (!factory) {
      reject(new Error(`This browser does not offer IndexedDB, so ${label} cannot be saved.`));
      return;
    }
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(spec.name, spec.version);
    } catch (cause) {
      // Sandboxed frames and opaque origins throw SecurityError here rather than failing the request.
      reject(new Error(`The browser refused access to ${label} storage for this page.`, { cause }));
      return;
    }
    let settled = false;
    request.onupgradeneeded = (event) => {
      spec.upgrade(request.result, event.oldVersion, request.transaction);
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
            ? `${capitalized(label)} was saved by a newer version of this app; reload the page to use it.`
            : `${capitalized(label)} storage could not be opened (${cause?.message ?? 'unknown error'}). Private browsing or storage settings may block it.`,
          { cause },
        ),
      );
    };
    request.onblocked = () => {
      settled = true;
      reject(new Error(`Another tab of this app is holding ${label} open in an older version; close it and reload.`));
    };
  });
}

/** A connection opened on first use and kept; a failed open or a newer version elsewhere makes the next call reopen. */
export function lazyDatabase(spec: DatabaseSpec, factory?: IDBFactory): () => Promise<IDBDatabase> {
  let db: Promise<IDBDatabase> | null = null;
  return () => {
    // The global is read here, not when the store is made, so a page that never saves never touches storage.
    db ??= openDatabase(factory ?? indexedDbGlobal(), spec).then(
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
  };
}

/** The result of one request, for reads inside a transaction that is awaited some other way. */
export function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('The storage request failed.'));
  });
}

/**
 * Runs `action` in one transaction and resolves once it has committed, so a write is durable when awaited.
 * `action` returns the request whose result is wanted, or a function read after commit (for several requests).
 * A failed or aborted transaction rejects with a sentence (its cause attached); a synchronous throw inside
 * `action` (a bad key, a value that cannot be cloned) aborts the transaction and rejects with that error as is.
 */
export function transact<T>(
  db: IDBDatabase,
  stores: string | string[],
  mode: IDBTransactionMode,
  action: (tx: IDBTransaction) => IDBRequest<T> | (() => T),
  words: TransactionWords,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(stores, mode);
    let outcome: IDBRequest<T> | (() => T);
    try {
      outcome = action(tx);
    } catch (error) {
      // Without this, requests already made would commit: half a record saved.
      try {
        tx.abort();
      } catch {
        // Already finished or aborting; nothing more to undo.
      }
      reject(error);
      return;
    }
    tx.oncomplete = () => resolve(typeof outcome === 'function' ? outcome() : outcome.result);
    tx.onabort = tx.onerror = (event: Event) => {
      // A failed request's error event reaches the transaction first, before tx.error is set.
      const target = event.target as IDBRequest | IDBTransaction | null | undefined;
      const cause = tx.error ?? target?.error ?? null;
      reject(
        new Error(
          isQuotaError(cause)
            ? words.quotaMessage
            : `${capitalized(words.label)} could not be ${mode === 'readonly' ? 'read' : 'saved'} (${cause?.message ?? 'unknown error'}).`,
          { cause },
        ),
      );
    };
  });
}
