/** Where a provider's request header is kept: per network, user and provider. */
export interface AuthKey {
  chainId: number;
  user: string;
  provider: string;
}

interface Entry {
  header: string;
  /** Unix ms; 0 = never. */
  expiresAt: number;
}

const PREFIX = 'og-marketplace:auth:';
/** Renew a little before the provider would refuse the token. */
const MARGIN_MS = 5 * 60_000;
const memory = new Map<string, Entry>();
const keyOf = (k: AuthKey) => `${PREFIX}${k.chainId}:${k.user.toLowerCase()}:${k.provider.toLowerCase()}`;

/**
 * When an `Authorization: Bearer app-sk-…` header stops being valid (unix ms, 0 = never), read
 * from its token (`base64(tokenJSON|signature)`); null when it is not in that format.
 */
export function headerExpiry(header: string): number | null {
  const m = /^Bearer app-sk-([A-Za-z0-9+/=]+)$/.exec(header);
  if (!m?.[1]) return null;
  try {
    const raw = atob(m[1]);
    const json = raw.slice(0, raw.lastIndexOf('|'));
    const token = JSON.parse(json) as { expiresAt?: unknown };
    return typeof token.expiresAt === 'number' ? token.expiresAt : null;
  } catch {
    return null;
  }
}

function fresh(e: Entry | undefined, now: number): e is Entry {
  return e !== undefined && (e.expiresAt === 0 || e.expiresAt - MARGIN_MS > now);
}

/** A cached, still valid header; no chain read and no wallet prompt. */
export function cachedHeader(k: AuthKey, now = Date.now()): string | null {
  const key = keyOf(k);
  const hit = memory.get(key);
  if (fresh(hit, now)) return hit.header;
  try {
    const stored = JSON.parse(localStorage.getItem(key) ?? 'null') as Entry | null;
    if (stored && typeof stored.header === 'string' && typeof stored.expiresAt === 'number' && fresh(stored, now)) {
      memory.set(key, stored);
      return stored.header;
    }
  } catch {
    // no storage or junk in it: treat as not cached
  }
  return null;
}

/** Keeps a header until its token expires (the token itself says when). */
export function storeHeader(k: AuthKey, header: string): void {
  const expiresAt = headerExpiry(header) ?? Date.now() + 60 * 60_000;
  const entry = { header, expiresAt };
  memory.set(keyOf(k), entry);
  try {
    localStorage.setItem(keyOf(k), JSON.stringify(entry));
  } catch {
    // memory only for this visit
  }
}

/** Drops a header the provider refused (401), so the next request signs a fresh one. */
export function dropHeader(k: AuthKey): void {
  memory.delete(keyOf(k));
  try {
    localStorage.removeItem(keyOf(k));
  } catch {
    // nothing stored
  }
}
