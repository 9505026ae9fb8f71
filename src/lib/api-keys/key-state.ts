// API keys (persistent app-sk tokens, ids 0–254) judged against the chain: PROTOCOL.md, "API keys".
// The chain records only a generation and a bitmap of revoked ids, never which ids were issued, so
// which ids are in use comes from what this browser remembers making.

/** Token ids an API key may take; 255 is the SDK's own session token. */
export const KEY_ID_COUNT = 255;

/** What the app remembers of one key it made: never the secret. Times are unix ms; `expiresAt` 0 = never. */
export interface KeyRecord {
  chainId: number;
  owner: string;
  provider: string;
  tokenId: number;
  label: string;
  createdAt: number;
  expiresAt: number;
  /** The account's generation the token was signed with; a revoke-all bumps the chain's past it. */
  generation: number;
}

/** The user's token state with a provider as InferenceServing's getAccount has it. */
export interface TokenAccount {
  generation: bigint;
  revokedBitmap: bigint;
}

/** A key's state: usable, past its expiry, revoked by its bit, or void after a revoke-all. */
export type KeyState = 'active' | 'expired' | 'revoked' | 'void';

/** Words for each state, the same everywhere a key is shown. */
export const KEY_STATE_LABEL: Record<KeyState, string> = {
  active: 'Active',
  expired: 'Expired',
  revoked: 'Revoked',
  void: 'Void (all revoked)',
};

const DAY = 86_400_000;

/** The expiries offered when creating a key; `ms` 0 means it never expires (the SDK's `expiresIn`). */
export const EXPIRY_OPTIONS = [
  { id: '1d', label: '1 day', ms: DAY },
  { id: '7d', label: '7 days', ms: 7 * DAY },
  { id: '30d', label: '30 days', ms: 30 * DAY },
  { id: '90d', label: '90 days', ms: 90 * DAY },
  { id: 'never', label: 'No expiry', ms: 0 },
] as const;

/** One of EXPIRY_OPTIONS' ids. */
export type ExpiryId = (typeof EXPIRY_OPTIONS)[number]['id'];

/** Whether the chain has revoked token `id` by its bit. */
export const isRevokedId = (bitmap: bigint, id: number): boolean => ((bitmap >> BigInt(id)) & 1n) === 1n;

/** A key's state now (unix ms): a revoke-all outranks a bit, a bit outranks the clock. */
export function keyState(key: KeyRecord, account: TokenAccount, now: number): KeyState {
  if (BigInt(key.generation) !== account.generation) return 'void';
  if (isRevokedId(account.revokedBitmap, key.tokenId)) return 'revoked';
  if (key.expiresAt !== 0 && key.expiresAt <= now) return 'expired';
  return 'active';
}

/**
 * Ids this browser's keys still hold: those of the current generation that are not revoked. An expired
 * key keeps its id, so a new key never shares an id with one the user may still mean to revoke.
 */
export function idsInUse(keys: readonly KeyRecord[], account: TokenAccount): number[] {
  const ids = new Set<number>();
  for (const k of keys)
    if (BigInt(k.generation) === account.generation && !isRevokedId(account.revokedBitmap, k.tokenId))
      ids.add(k.tokenId);
  return [...ids].sort((a, b) => a - b);
}

/** How many ids the chain has revoked (they stay taken until a revoke-all clears the bitmap). */
export function revokedCount(account: TokenAccount): number {
  let n = 0;
  for (let id = 0; id < KEY_ID_COUNT; id++) if (isRevokedId(account.revokedBitmap, id)) n++;
  return n;
}

/** The smallest id neither revoked on chain nor held by a key of this browser; null when all 255 are used. */
export function nextFreeTokenId(keys: readonly KeyRecord[], account: TokenAccount): number | null {
  const used = new Set(idsInUse(keys, account));
  for (let id = 0; id < KEY_ID_COUNT; id++) if (!used.has(id) && !isRevokedId(account.revokedBitmap, id)) return id;
  return null;
}

/** What a freshly signed key says about itself (read from its own token JSON). */
export interface TokenFacts {
  tokenId: number;
  createdAt: number;
  expiresAt: number;
  generation: number;
  address: string;
  provider: string;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Decodes `app-sk-<base64(tokenJSON|signature)>` into its facts; null when it is not that shape. */
export function tokenFacts(secret: string): TokenFacts | null {
  const m = /^app-sk-([A-Za-z0-9+/=]+)$/.exec(secret);
  if (!m?.[1]) return null;
  try {
    const raw = atob(m[1]);
    const cut = raw.lastIndexOf('|');
    if (cut < 0) return null;
    const t = JSON.parse(raw.slice(0, cut)) as Record<string, unknown>;
    const { tokenId, timestamp, expiresAt, generation, address, provider } = t;
    if (!isInt(tokenId) || !isInt(timestamp) || !isInt(expiresAt) || !isInt(generation)) return null;
    if (typeof address !== 'string' || typeof provider !== 'string') return null;
    return { tokenId, createdAt: timestamp, expiresAt, generation, address, provider };
  } catch {
    return null;
  }
}
