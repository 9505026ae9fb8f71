import { getAddress, isAddress, type Address } from 'viem';

/** Where a user's recent use of providers is kept in this browser: per network and wallet. */
export interface ActivityKey {
  chainId: number;
  user: string;
}

/** What this browser remembers of a user's providers (no chain data, nothing secret). */
export interface Activity {
  /** The provider last used (a request sent) or funded (a transfer confirmed), per service type. */
  last: Record<string, { provider: Address; at: number; how: 'used' | 'funded' }>;
  /** When the first answer shown as "Verified" arrived; null until then. */
  firstVerifiedAt: number | null;
}

const PREFIX = 'og-marketplace:activity:';
const keyOf = (k: ActivityKey) => `${PREFIX}${k.chainId}:${k.user.toLowerCase()}`;
const empty = (): Activity => ({ last: {}, firstVerifiedAt: null });
const listeners = new Set<() => void>();

/** Reads what is remembered, ignoring anything malformed (storage is shared with other code). */
export function readActivity(k: ActivityKey): Activity {
  try {
    const raw = JSON.parse(localStorage.getItem(keyOf(k)) ?? 'null') as Partial<Activity> | null;
    if (!raw || typeof raw !== 'object') return empty();
    const last: Activity['last'] = {};
    for (const [type, v] of Object.entries(raw.last ?? {})) {
      if (v && typeof v.provider === 'string' && isAddress(v.provider) && typeof v.at === 'number')
        last[type] = { provider: getAddress(v.provider), at: v.at, how: v.how === 'funded' ? 'funded' : 'used' };
    }
    return { last, firstVerifiedAt: typeof raw.firstVerifiedAt === 'number' ? raw.firstVerifiedAt : null };
  } catch {
    return empty();
  }
}

function write(k: ActivityKey, change: (a: Activity) => Activity): void {
  try {
    localStorage.setItem(keyOf(k), JSON.stringify(change(readActivity(k))));
  } catch {
    // no storage: nothing remembered, the defaults apply
  }
  for (const l of listeners) l();
}

/** Remembers that a provider of this service type was just used or funded. */
export function noteProvider(k: ActivityKey, serviceType: string, provider: Address, how: 'used' | 'funded'): void {
  write(k, (a) => ({ ...a, last: { ...a.last, [serviceType]: { provider, at: Date.now(), how } } }));
}

/** Remembers that an answer was shown as "Verified" (the first one ends the Get started checklist). */
export function noteVerified(k: ActivityKey): void {
  write(k, (a) => (a.firstVerifiedAt ? a : { ...a, firstVerifiedAt: Date.now() }));
}

/** Calls `listener` whenever this tab records activity; returns the unsubscribe. */
export function onActivity(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
