/** What a provider's signed text says about the content, read strictly. */
export type SignedContent =
  | { format: 'hashes'; requestHash: string; responseHash: string }
  | {
      format: 'teetls-proof';
      requestHash: string;
      responseHash: string;
      provider: string;
      providerIdentity: string;
      tlsCertFingerprint: string;
      timestamp: number;
    }
  | { format: 'unknown' };

const DIGEST = /^(?:0x)?([0-9a-f]{64})$/i;

/** A sha256 hex digest normalised to lowercase without 0x, or null when it is not one. */
function digest(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  return DIGEST.exec(value)?.[1]?.toLowerCase() ?? null;
}

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

function parseProof(text: string): SignedContent {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { format: 'unknown' };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { format: 'unknown' };
  const p = json as Record<string, unknown>;
  const requestHash = digest(p.requestHash);
  const responseHash = digest(p.responseHash);
  if (p.type !== 'teetls-routing-proof' || p.version !== 1 || !requestHash || !responseHash)
    return { format: 'unknown' };
  const { provider, providerIdentity, tlsCertFingerprint, timestamp } = p;
  if (!nonEmpty(provider) || !nonEmpty(providerIdentity) || !nonEmpty(tlsCertFingerprint)) return { format: 'unknown' };
  if (typeof timestamp !== 'number' || !Number.isSafeInteger(timestamp) || timestamp < 0) return { format: 'unknown' };
  return {
    format: 'teetls-proof',
    requestHash,
    responseHash,
    provider,
    providerIdentity,
    tlsCertFingerprint,
    timestamp,
  };
}

/** Reads `reqHash:respHash` or a TeeTLS routing proof; anything else is 'unknown' rather than guessed at. */
export function parseSignedText(text: string): SignedContent {
  if (text.startsWith('{')) return parseProof(text);
  const parts = text.split(':');
  if (parts.length !== 2) return { format: 'unknown' };
  const requestHash = digest(parts[0]);
  const responseHash = digest(parts[1]);
  if (!requestHash || !responseHash) return { format: 'unknown' };
  return { format: 'hashes', requestHash, responseHash };
}
