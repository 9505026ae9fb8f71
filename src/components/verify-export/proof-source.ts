import { getAddress, isAddress } from 'viem';
import { paths } from '../../config/routes';
import { sameAddress } from '../../lib/address';
import type { Service } from '../../lib/chain/services';
import type { StoredVerification } from '../../lib/chat/types';
import { mediaFileName } from '../../lib/media/file-name';
import type { AnswerKind, MediaRole } from '../../lib/proof/bundle';
import { verificationMode, type VerificationMode } from '../../lib/verify/mode';
import type { VerificationResult } from '../../lib/verify/response';

/** The picture or audio that goes beside proof.json in a zip bundle; read only when a proof is made. */
export interface ProofMediaSource {
  /** Its name inside the zip (already a safe file name). */
  file: string;
  type: string;
  role: MediaRole;
  read: () => Promise<Uint8Array | undefined>;
}

/** What a badge needs, beside the verification, to offer a proof bundle of its answer. */
export interface ProofSource {
  kind: AnswerKind;
  /** The chain the result was made on; a proof is made only while the app shows that network. */
  chainId?: number;
  /** The service as the page read it from chain; without it, the one on chain now, else one rebuilt from `stored`. */
  service?: Service;
  /** What was saved with the result, so a service no longer on chain (or changed since) is still named as it was. */
  stored?: { serviceType?: string; model?: string; url?: string };
  /** The exact bytes sent and received, when this visit still has them. */
  exchange?: { request: Uint8Array; response: Uint8Array };
  /** Why the exact bytes are not at hand (the proof then holds their hashes only). */
  noBytes?: string;
  media?: ProofMediaSource;
  /** The download's name: `…-proof.json` for chat, `…-proof.zip` beside the media's name otherwise. */
  fileName: string;
}

const SHA256 = /^[0-9a-f]{64}$/;
const MODES: readonly VerificationMode[] = ['TeeML', 'TeeTLS', 'none'];
const text = (v: unknown): v is string => typeof v === 'string';
const textOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';

/**
 * The stored verification as the verifier's result, or one sentence on why no proof is made of it. Stored records
 * may be old or imported, so every field a bundle carries is checked rather than trusted to the type.
 */
export function proofVerification(v: StoredVerification): VerificationResult | string {
  if (v.imported === true)
    return 'This result came with an imported file and was not checked in this browser, so no proof is made of it.';
  if (v.state === 'verifying') return 'A proof can be made once the verification has finished.';
  const ok =
    text(v.reason) &&
    MODES.includes(v.mode as VerificationMode) &&
    text(v.provider) &&
    isAddress(v.provider, { strict: false }) &&
    text(v.expectedSigner) &&
    isAddress(v.expectedSigner, { strict: false }) &&
    textOrNull(v.chatId) &&
    textOrNull(v.signedText) &&
    textOrNull(v.signature) &&
    (v.signerSource === null || v.signerSource === 'contract' || v.signerSource === 'additional-info') &&
    text(v.localRequestHash) &&
    SHA256.test(v.localRequestHash) &&
    text(v.localResponseHash) &&
    SHA256.test(v.localResponseHash) &&
    text(v.checkedAt) &&
    Number.isFinite(Date.parse(v.checkedAt));
  if (!ok) return 'This record does not hold what a proof needs (it was saved by an older version of the app).';
  // Checksummed: the bundle reader takes a mixed-case address only with a valid checksum.
  return {
    ...(v as unknown as VerificationResult),
    provider: getAddress(v.provider as string),
    expectedSigner: getAddress(v.expectedSigner as string),
  };
}

const SERVICE_TYPE: Record<AnswerKind, string> = {
  chat: 'chatbot',
  image: 'text-to-image',
  transcript: 'speech-to-text',
};

/**
 * The service a bundle names: the page's own, else the one on chain now if it is still the one that answered
 * (same URL, model and mode), else one rebuilt from what was saved with the result and its verification.
 */
export function proofService(
  v: VerificationResult,
  source: ProofSource,
  onChain: readonly Service[] | undefined,
): Service {
  if (source.service && sameAddress(source.service.provider, v.provider)) return source.service;
  const { stored = {} } = source;
  const now = onChain?.find((s) => sameAddress(s.provider, v.provider));
  const same =
    now &&
    (stored.url === undefined || stored.url === now.url) &&
    (stored.model === undefined || stored.model === now.model) &&
    verificationMode(now.verifiability) === v.mode;
  if (now && same) return now;
  return {
    provider: v.provider,
    serviceType: stored.serviceType ?? now?.serviceType ?? SERVICE_TYPE[source.kind],
    url: stored.url ?? now?.url ?? '',
    model: stored.model ?? now?.model ?? '',
    // The mode the answer was checked in is what the service declared then.
    verifiability: v.mode,
    inputPrice: 0n,
    outputPrice: 0n,
    updatedAt: 0n,
    additionalInfo: '',
    teeSignerAddress: v.expectedSigner,
    teeSignerAcknowledged: v.signerAcknowledged ?? false,
  };
}

/** The share link for a `#p=…` fragment: the /verify page of this same app. */
export const shareLink = (origin: string, fragment: string) => `${origin}${paths.verify}${fragment}`;

/** A chat answer's proof download name, e.g. `chat-answer-1a2b3c4d-proof.json`. */
export const chatProofName = (chatId: string | null | undefined) =>
  mediaFileName('chat answer', chatId ?? null, 'json').replace(/\.json$/, '-proof.json');

const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;

/** A media type as a bundle names it: without parameters (`audio/webm;codecs=opus` is `audio/webm`), else bytes. */
export function bundleMediaType(mime: string): string {
  const bare = mime.split(';')[0]?.trim() ?? '';
  return MIME.test(bare) ? bare.toLowerCase() : 'application/octet-stream';
}
