import { isHash, type Address, type Hash } from 'viem';

/**
 * A transaction this app sent, remembered by hash because the ledger emits no event for deposits
 * and withdrawals. Only a candidate: the history shows it once the chain returns it and its receipt.
 */
export interface SentTx {
  hash: Hash;
  label: string;
}

/** How many hashes are kept per network and address (newest first). */
export const SENT_TXS_LIMIT = 200;

const MAX_LABEL = 100;

const storageKey = (chainId: number, from: Address) => `og-marketplace:sent-txs:${chainId}:${from.toLowerCase()}`;

/** The part of `localStorage` used here (typed locally so Node code, e.g. devnet tests, can import this file). */
interface StringStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

// Reading `localStorage` itself throws where storage is blocked (privacy settings, sandboxed frames).
function storage(): StringStore | null {
  try {
    return (globalThis as { localStorage?: StringStore }).localStorage ?? null;
  } catch {
    return null;
  }
}

const isSentTx = (v: unknown): v is SentTx =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Partial<SentTx>).hash === 'string' &&
  isHash((v as SentTx).hash) &&
  typeof (v as Partial<SentTx>).label === 'string';

/** The hashes this app sent from `from` on `chainId`, newest first; junk in storage is skipped. */
export function rememberedTxs(chainId: number, from: Address): SentTx[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage()?.getItem(storageKey(chainId, from)) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const seen = new Set<string>();
  const out: SentTx[] = [];
  for (const item of parsed) {
    if (!isSentTx(item)) continue;
    const hash = item.hash.toLowerCase() as Hash;
    if (seen.has(hash)) continue;
    seen.add(hash);
    out.push({ hash, label: item.label.slice(0, MAX_LABEL) });
    if (out.length === SENT_TXS_LIMIT) break;
  }
  return out;
}

/** Remembers a hash the wallet has just returned, so the history can ask the chain about it. */
export function rememberTx({
  chainId,
  from,
  hash,
  label,
}: {
  chainId: number;
  from: Address;
  hash: Hash;
  label: string;
}) {
  const s = storage();
  if (!s || !isHash(hash)) return;
  const lower = hash.toLowerCase() as Hash;
  const next = [
    { hash: lower, label: label.slice(0, MAX_LABEL) },
    ...rememberedTxs(chainId, from).filter((t) => t.hash !== lower),
  ].slice(0, SENT_TXS_LIMIT);
  try {
    s.setItem(storageKey(chainId, from), JSON.stringify(next));
  } catch {
    // Storage full or refused: the history still lists what the serving contracts' events show.
  }
}

/** Forgets every hash remembered for `from` on `chainId` (a restarted devnet no longer has them). */
export function forgetTxs(chainId: number, from: Address): void {
  try {
    storage()?.removeItem(storageKey(chainId, from));
  } catch {
    // Nothing to forget where storage is unavailable.
  }
}
