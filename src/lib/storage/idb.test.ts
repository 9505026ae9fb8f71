import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { lazyDatabase, openDatabase, requestResult, transact, type DatabaseSpec } from './idb';
import { isQuotaError } from './quota';

const spec = (extra: Partial<DatabaseSpec> = {}): DatabaseSpec => ({
  name: 'test-db',
  version: 1,
  label: 'test history',
  upgrade: (db) => void db.createObjectStore('rows', { keyPath: 'id' }),
  ...extra,
});
const WORDS = { label: 'test history', quotaMessage: 'No room left for test history.' };

/** A hand-made open request, for the events fake-indexeddb cannot produce on demand. */
function scriptedFactory(script: (request: IDBOpenDBRequest) => void): IDBFactory {
  const request = {} as IDBOpenDBRequest;
  return { open: () => (setTimeout(() => script(request)), request) } as unknown as IDBFactory;
}

async function seeded(): Promise<IDBDatabase> {
  const db = await openDatabase(new IDBFactory(), spec());
  await transact(db, 'rows', 'readwrite', (tx) => tx.objectStore('rows').put({ id: 'a', n: 1 }), WORDS);
  return db;
}

describe('openDatabase', () => {
  it('creates the stores on first open and hands the old version to the upgrade', async () => {
    const factory = new IDBFactory();
    const upgrade = vi.fn(spec().upgrade);
    (await openDatabase(factory, spec({ upgrade }))).close();
    expect(upgrade).toHaveBeenCalledWith(expect.anything(), 0, expect.anything());
    const again = vi.fn();
    const db = await openDatabase(factory, spec({ version: 2, upgrade: again }));
    expect(again).toHaveBeenCalledWith(expect.anything(), 1, expect.anything());
    expect([...db.objectStoreNames]).toEqual(['rows']);
  });

  it('says so, in the words of its label, when there is no IndexedDB or the browser refuses it', async () => {
    await expect(openDatabase(undefined, spec())).rejects.toThrow(
      'This browser does not offer IndexedDB, so test history cannot be saved.',
    );
    const refusing = {
      open: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const error = await openDatabase(refusing, spec()).catch((e: unknown) => e);
    expect(error).toEqual(new Error('The browser refused access to test history storage for this page.'));
    expect((error as Error).cause).toMatchObject({ name: 'SecurityError' });
  });

  it('says so when a newer version owns the database, or opening fails otherwise', async () => {
    const factory = new IDBFactory();
    (await openDatabase(factory, spec({ version: 3 }))).close();
    await expect(openDatabase(factory, spec())).rejects.toThrow(
      'Test history was saved by a newer version of this app; reload the page to use it.',
    );
    const failing = scriptedFactory((request) => {
      Object.assign(request, { error: new DOMException('Disk on fire', 'UnknownError') });
      request.onerror?.({} as Event);
    });
    await expect(openDatabase(failing, spec())).rejects.toThrow(
      'Test history storage could not be opened (Disk on fire). Private browsing or storage settings may block it.',
    );
  });

  it('rejects when blocked, and closes the connection that succeeds after that', async () => {
    const close = vi.fn();
    const blocked = scriptedFactory((request) => {
      request.onblocked?.({} as IDBVersionChangeEvent);
      Object.assign(request, { result: { close } });
      request.onsuccess?.({} as Event);
    });
    await expect(openDatabase(blocked, spec())).rejects.toThrow(
      'Another tab of this app is holding test history open in an older version; close it and reload.',
    );
    expect(close).toHaveBeenCalledOnce();
  });
});

describe('lazyDatabase', () => {
  it('opens on first use only, keeps the connection, and tries again after a failure', async () => {
    const factory = new IDBFactory();
    const open = vi.spyOn(factory, 'open');
    const newer = await openDatabase(factory, spec({ version: 2 }));
    open.mockClear();
    const database = lazyDatabase(spec(), factory);
    expect(open).not.toHaveBeenCalled();
    await expect(database()).rejects.toThrow('newer version');

    newer.close();
    factory.deleteDatabase('test-db');
    const first = await database();
    expect(await database()).toBe(first);
    expect(open).toHaveBeenCalledTimes(2);
  });

  it('lets a newer version elsewhere upgrade, then reopens on the next call', async () => {
    const factory = new IDBFactory();
    const database = lazyDatabase(spec(), factory);
    const first = await database();
    const newer = await openDatabase(factory, spec({ version: 2, upgrade: () => undefined }));
    newer.close();
    await expect(database()).rejects.toThrow('newer version');
    expect(() => first.transaction('rows')).toThrow(); // closed for the upgrade rather than blocking it
  });
});

describe('requestResult', () => {
  it('resolves with the result, and rejects with the request error', async () => {
    const db = await seeded();
    const store = db.transaction('rows', 'readwrite').objectStore('rows');
    expect(await requestResult(store.get('a'))).toEqual({ id: 'a', n: 1 });
    await expect(requestResult(store.add({ id: 'a' }))).rejects.toMatchObject({ name: 'ConstraintError' });
  });
});

describe('transact', () => {
  it('resolves after commit with the request result, or with what the function reads', async () => {
    const db = await seeded();
    expect(await transact(db, 'rows', 'readonly', (tx) => tx.objectStore('rows').count(), WORDS)).toBe(1);
    const total = await transact(
      db,
      'rows',
      'readwrite',
      (tx) => {
        const rows = tx.objectStore('rows');
        rows.put({ id: 'b', n: 2 });
        const all = rows.getAll();
        return () => (all.result as { n: number }[]).reduce((sum, row) => sum + row.n, 0);
      },
      WORDS,
    );
    expect(total).toBe(3);
  });

  it('rejects a failed transaction with a sentence and keeps nothing of it', async () => {
    const db = await seeded();
    const write = transact(
      db,
      'rows',
      'readwrite',
      (tx) => {
        tx.objectStore('rows').put({ id: 'b' });
        return tx.objectStore('rows').add({ id: 'a' });
      },
      WORDS,
    );
    const error = await write.catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^Test history could not be saved \(.+\)\.$/);
    expect((error as Error).cause).toMatchObject({ name: 'ConstraintError' });
    expect(await transact(db, 'rows', 'readonly', (tx) => tx.objectStore('rows').getAllKeys(), WORDS)).toEqual(['a']);
  });

  it('aborts on a synchronous throw, rejecting with that error as is', async () => {
    const db = await seeded();
    const write = transact(
      db,
      'rows',
      'readwrite',
      (tx) => {
        tx.objectStore('rows').put({ id: 'b' });
        return tx.objectStore('rows').put({ id: 'c', blob: () => 'functions cannot be cloned' });
      },
      WORDS,
    );
    await expect(write).rejects.toMatchObject({ name: 'DataCloneError' });
    expect(await transact(db, 'rows', 'readonly', (tx) => tx.objectStore('rows').getAllKeys(), WORDS)).toEqual(['a']);
  });

  it('says the quota sentence when the browser aborts for lack of room, recognisable by isQuotaError', async () => {
    const db = await seeded();
    const write = transact(
      db,
      'rows',
      'readwrite',
      (tx) => {
        const request = tx.objectStore('rows').put({ id: 'b' });
        // What a browser does when the write does not fit: abort the transaction with QuotaExceededError.
        (tx as unknown as { _abort(name: string): void })._abort('QuotaExceededError');
        return request;
      },
      WORDS,
    );
    const error = await write.catch((e: unknown) => e);
    expect(error).toEqual(new Error('No room left for test history.'));
    expect(isQuotaError(error)).toBe(true);
  });

  it('says "read" for a failed read', async () => {
    const db = await seeded();
    const read = transact(
      db,
      'rows',
      'readonly',
      (tx) => {
        const request = tx.objectStore('rows').get('a');
        tx.abort();
        return request;
      },
      WORDS,
    );
    await expect(read).rejects.toThrow(/^Test history could not be read \(/);
  });
});
