/** Shown when a picture could not be saved because the site's storage is full. */
export const STORAGE_FULL_PICTURE =
  "The browser's storage for this site is full, so this picture was not saved. Everything saved before is kept; delete some history to make room.";

/** Shown when a transcript could not be saved because the site's storage is full. */
export const STORAGE_FULL_TRANSCRIPT =
  "The browser's storage for this site is full, so this transcript was not saved. Everything saved before is kept; delete some history to make room.";

/** Shown when a change other than saving a new item could not be written because the storage is full. */
export const STORAGE_FULL = "The browser's storage for this site is full; delete some history to make room.";

/** Shown when the browser declined to keep this site's storage safe from automatic clean-up. */
export const STORAGE_NOT_PERSISTED =
  'The browser may clear saved history on its own when the device runs low on space; download anything you want to keep.';

/** Shown when the browser cannot say how much space is used or left. */
export const STORAGE_ESTIMATE_UNAVAILABLE = 'This browser does not say how much storage space is used or left.';

// Chromium, Safari and current Firefox say QuotaExceededError; older Firefox said NS_ERROR_DOM_QUOTA_REACHED.
const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
// The legacy DOMException codes for the same: 22 (QUOTA_EXCEEDED_ERR) and Firefox's 1014.
const QUOTA_CODES = new Set([22, 1014]);
// Errors here are wrapped at most twice (request, transaction, store); a bound also stops cause cycles.
const MAX_CAUSE_DEPTH = 5;

/** Whether `err`, or an error it was caused by, means the browser has no room left for this site. */
export function isQuotaError(err: unknown): boolean {
  let current: unknown = err;
  for (let depth = 0; depth < MAX_CAUSE_DEPTH && typeof current === 'object' && current !== null; depth += 1) {
    const { name, code } = current as { name?: unknown; code?: unknown };
    if (typeof name === 'string' && QUOTA_NAMES.has(name)) return true;
    // Only a DOMException's code means this; an app error's `code` (4001, ...) is something else.
    if (current instanceof DOMException && typeof code === 'number' && QUOTA_CODES.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** The parts of `navigator.storage` used here, so tests can pass a fake. */
export type StorageLike = Partial<Pick<StorageManager, 'estimate' | 'persist' | 'persisted'>>;

function navigatorStorage(): StorageLike | undefined {
  try {
    return (globalThis as { navigator?: { storage?: StorageLike } }).navigator?.storage;
  } catch {
    return undefined;
  }
}

const isByteCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** Bytes this site uses and may use, or null where the browser cannot say (or refuses to). */
export async function storageEstimate(
  storage: StorageLike | undefined = navigatorStorage(),
): Promise<{ usage: number; quota: number } | null> {
  if (typeof storage?.estimate !== 'function') return null;
  try {
    const { usage, quota } = await storage.estimate();
    return isByteCount(usage) && isByteCount(quota) ? { usage, quota } : null;
  } catch {
    return null;
  }
}

/** Asks the browser to keep this site's storage through clean-ups; asks only when it is not already kept. */
export async function requestPersistence(
  storage: StorageLike | undefined = navigatorStorage(),
): Promise<'granted' | 'denied' | 'unsupported'> {
  if (typeof storage?.persist !== 'function') return 'unsupported';
  try {
    // Checked first: persist() may show a prompt in some browsers, which is pointless when already granted.
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'unsupported';
  }
}
