import { lazyDatabase, transact, type DatabaseSpec } from '../storage/idb';
import { isQuotaError, STORAGE_FULL, STORAGE_FULL_PICTURE, STORAGE_FULL_TRANSCRIPT } from '../storage/quota';
import {
  MEDIA_BLOB_ROLES,
  MEDIA_KINDS,
  type MediaBlobRole,
  type MediaBlobs,
  type MediaCursor,
  type MediaItem,
  type MediaKind,
  type MediaStore,
} from './types';

const ITEMS = 'items';
// Blobs live in their own store, keyed [itemId, role]: listing reads only `items`, so a gallery of hundreds
// never loads a picture until its thumbnail is asked for.
const BLOBS = 'blobs';
// An exact key per wallet, network and kind: no IDBKeyRange global is needed (tests pass only a factory),
// and images are listed without reading transcripts' text. Sorting a few hundred rows in memory is cheap.
const BY_WALLET_KIND = 'by-wallet-kind';
const LABEL = 'image and speech history';

const DATABASE: DatabaseSpec = {
  name: 'og-marketplace-media',
  version: 1,
  label: LABEL,
  upgrade(db) {
    const items = db.createObjectStore(ITEMS, { keyPath: 'id' });
    items.createIndex(BY_WALLET_KIND, ['chainId', 'owner', 'kind']);
    db.createObjectStore(BLOBS);
  },
};

const QUOTA_MESSAGE: Record<MediaKind, string> = {
  image: STORAGE_FULL_PICTURE,
  transcript: STORAGE_FULL_TRANSCRIPT,
};

const walletKey = (chainId: number, owner: string, kind: MediaKind) => [chainId, owner.toLowerCase(), kind];

const newestFirst = (a: MediaItem, b: MediaItem) =>
  b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

const isAfter = (item: MediaItem, cursor: MediaCursor) =>
  item.createdAt < cursor.createdAt || (item.createdAt === cursor.createdAt && item.id < cursor.id);

/** Refuses what would be saved but never listed, or would put a Blob (or a base64 stand-in) in the metadata. */
function checkItem(item: MediaItem, blobs: MediaBlobs): void {
  if (typeof item.id !== 'string' || item.id === '') throw new Error('A saved item needs an id.');
  if (!MEDIA_KINDS.includes(item.kind)) throw new Error('A saved item must be an image or a transcript.');
  if (!Number.isSafeInteger(item.chainId) || !Number.isFinite(item.createdAt)) {
    throw new Error('A saved item needs a whole chainId and a finite createdAt.');
  }
  if (typeof item.owner !== 'string' || item.owner === '') throw new Error('A saved item needs an owner.');
  if (!Number.isSafeInteger(item.bytes) || item.bytes < 0) throw new Error('A saved item needs its size in bytes.');
  if (Object.values(item).some((value) => value instanceof Blob)) {
    throw new Error('Pictures and audio are saved as blobs beside the item, not inside it.');
  }
  for (const role of MEDIA_BLOB_ROLES) {
    const blob = blobs[role];
    if (blob !== undefined && !(blob instanceof Blob)) throw new Error(`The ${role} of a saved item must be a Blob.`);
  }
}

/** A MediaStore over IndexedDB (database `og-marketplace-media`); opens on first use (pass `factory` in tests). */
export function openMediaStore(factory?: IDBFactory): MediaStore {
  const database = lazyDatabase(DATABASE, factory);

  async function run<T>(
    stores: string | string[],
    mode: IDBTransactionMode,
    action: (tx: IDBTransaction) => IDBRequest<T> | (() => T),
    quotaMessage = STORAGE_FULL,
  ): Promise<T> {
    return transact(await database(), stores, mode, action, { label: LABEL, quotaMessage });
  }

  const byWallet = (tx: IDBTransaction) => tx.objectStore(ITEMS).index(BY_WALLET_KIND);

  async function readBlob(id: string, role: MediaBlobRole): Promise<Blob | undefined> {
    const value = await run<unknown>(BLOBS, 'readonly', (tx) => tx.objectStore(BLOBS).get([id, role]));
    return value instanceof Blob ? value : undefined;
  }

  /** Deletes an item's row and every blob it may have, inside the caller's transaction. */
  function deleteItem(tx: IDBTransaction, id: string): void {
    tx.objectStore(ITEMS).delete(id);
    const blobs = tx.objectStore(BLOBS);
    for (const role of MEDIA_BLOB_ROLES) blobs.delete([id, role]);
  }

  return {
    async put(item, blobs = {}) {
      checkItem(item, blobs);
      const quotaMessage = QUOTA_MESSAGE[item.kind];
      try {
        // One transaction over both stores: a failure (the quota, most likely) rolls back the row and every blob.
        await run(
          [ITEMS, BLOBS],
          'readwrite',
          (tx) => {
            tx.objectStore(ITEMS).put({ ...item, owner: item.owner.toLowerCase() });
            const store = tx.objectStore(BLOBS);
            for (const role of MEDIA_BLOB_ROLES) {
              const blob = blobs[role];
              if (blob) store.put(blob, [item.id, role]);
            }
            return () => undefined;
          },
          quotaMessage,
        );
      } catch (error) {
        // A browser may also throw the quota error from put() itself; say the same sentence either way.
        if (error instanceof DOMException && isQuotaError(error)) throw new Error(quotaMessage, { cause: error });
        throw error;
      }
    },

    async list(chainId, owner, { kind, query, limit, before }) {
      const rows = await run<MediaItem[]>(ITEMS, 'readonly', (tx) =>
        byWallet(tx).getAll(walletKey(chainId, owner, kind)),
      );
      const needle = query?.trim().toLowerCase() ?? '';
      const found = rows
        .sort(newestFirst)
        .filter((item) => !before || isAfter(item, before))
        .filter(
          (item) =>
            !needle || item.prompt.toLowerCase().includes(needle) || !!item.text?.toLowerCase().includes(needle),
        );
      return limit === undefined ? found : found.slice(0, Math.max(0, Math.floor(limit)));
    },

    get: (id) => run<MediaItem | undefined>(ITEMS, 'readonly', (tx) => tx.objectStore(ITEMS).get(id)),
    media: (id) => readBlob(id, 'media'),
    thumb: (id) => readBlob(id, 'thumb'),
    thumbs: (ids) =>
      run(BLOBS, 'readonly', (tx) => {
        // One transaction for a gallery page: its thumbnails arrive together instead of one round trip each.
        const found = new Map<string, Blob>();
        const store = tx.objectStore(BLOBS);
        for (const id of ids) {
          const request = store.get([id, 'thumb']);
          request.onsuccess = () => {
            if (request.result instanceof Blob) found.set(id, request.result);
          };
        }
        return () => found;
      }),
    source: (id) => readBlob(id, 'source'),

    remove: (id) =>
      run([ITEMS, BLOBS], 'readwrite', (tx) => {
        deleteItem(tx, id);
        return () => undefined;
      }),

    removeAll: (chainId, owner, kind) =>
      run([ITEMS, BLOBS], 'readwrite', (tx) => {
        let removed = 0;
        const keys = byWallet(tx).getAllKeys(walletKey(chainId, owner, kind));
        // Deleting from the success handler keeps it all in this transaction: nothing is left half removed.
        keys.onsuccess = () => {
          for (const id of keys.result) deleteItem(tx, id as string);
          removed = keys.result.length;
        };
        return () => removed;
      }),

    count: (chainId, owner, kind) =>
      run(ITEMS, 'readonly', (tx) => byWallet(tx).count(walletKey(chainId, owner, kind))),
  };
}
