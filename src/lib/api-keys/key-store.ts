import type { KeyRecord } from './key-state';
import { KEY_ID_COUNT } from './key-state';

// The metadata of the API keys this browser made: label, id, times, generation, and whose they are.
// Never the secret: whatever can read this page's storage must not be able to spend with it.
// localStorage, because it is a few hundred bytes read synchronously on every render of the list.

const STORAGE_KEY = 'og-marketplace:api-keys:v1';
const MAX_LABEL = 80;

/** The keys of one wallet with one provider on one chain. */
export interface KeyScope {
  chainId: number;
  owner: string;
  provider: string;
}

const lower = (s: string) => s.toLowerCase();
const inScope = (k: KeyRecord, s: KeyScope) =>
  k.chainId === s.chainId && lower(k.owner) === lower(s.owner) && lower(k.provider) === lower(s.provider);
const sameKey = (a: KeyRecord, b: KeyRecord) => inScope(a, b) && a.tokenId === b.tokenId && a.createdAt === b.createdAt;
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** One stored entry if it has exactly the shape of a record (storage is anyone's to edit); else null. */
function parseRecord(v: unknown): KeyRecord | null {
  if (typeof v !== 'object' || v === null) return null;
  const r = v as Record<string, unknown>;
  const { chainId, owner, provider, tokenId, label, createdAt, expiresAt, generation } = r;
  if (!isInt(chainId) || !isInt(tokenId) || tokenId >= KEY_ID_COUNT) return null;
  if (!isInt(createdAt) || !isInt(expiresAt) || !isInt(generation)) return null;
  if (typeof owner !== 'string' || typeof provider !== 'string' || typeof label !== 'string') return null;
  return { chainId, owner, provider, tokenId, label: label.slice(0, MAX_LABEL), createdAt, expiresAt, generation };
}

let cache: { raw: string | null; keys: KeyRecord[] } = { raw: null, keys: [] };

/** Every stored record, validated; the same array while storage is unchanged (a stable snapshot for React). */
export function loadKeys(): KeyRecord[] {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(STORAGE_KEY);
  } catch {
    return cache.keys;
  }
  if (raw === cache.raw) return cache.keys;
  let keys: KeyRecord[] = [];
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    if (Array.isArray(parsed)) keys = parsed.map(parseRecord).filter((k): k is KeyRecord => k !== null);
  } catch {
    keys = [];
  }
  cache = { raw, keys };
  return keys;
}

const listeners = new Set<() => void>();

function write(keys: KeyRecord[]): void {
  // Throws when storage is full or blocked: the caller says the key could not be remembered.
  localStorage.setItem(STORAGE_KEY, JSON.stringify(keys));
  for (const l of listeners) l();
}

/** The records of one scope, oldest first. */
export function keysIn(all: readonly KeyRecord[], scope: KeyScope): KeyRecord[] {
  return all.filter((k) => inScope(k, scope)).sort((a, b) => a.createdAt - b.createdAt);
}

/** Providers (as stored) that a wallet has keys with on a chain, each once. */
export function providersWithKeys(all: readonly KeyRecord[], chainId: number, owner: string): string[] {
  const seen = new Map<string, string>();
  for (const k of all)
    if (k.chainId === chainId && lower(k.owner) === lower(owner) && !seen.has(lower(k.provider)))
      seen.set(lower(k.provider), k.provider);
  return [...seen.values()];
}

/** Remembers a new key's metadata (throws when storage refuses it). */
export function saveKey(record: KeyRecord): void {
  const clean = parseRecord(record);
  if (!clean) throw new Error('Not a valid key record.');
  write([...loadKeys().filter((k) => !sameKey(k, clean)), clean]);
}

/** Drops one record from the list (the key itself is whatever the chain says it is). */
export function forgetKey(record: KeyRecord): void {
  write(loadKeys().filter((k) => !sameKey(k, record)));
}

/** Calls `listener` when the stored keys change, in this tab or another. */
export function subscribeKeys(listener: () => void): () => void {
  const onStorage = (e: StorageEvent) => {
    if (e.key === STORAGE_KEY || e.key === null) listener();
  };
  listeners.add(listener);
  globalThis.addEventListener?.('storage', onStorage);
  return () => {
    listeners.delete(listener);
    globalThis.removeEventListener?.('storage', onStorage);
  };
}
