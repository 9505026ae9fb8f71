import type { Service } from '../chain/services';
import type { StoredVerification } from '../chat/types';
import { toAppError } from '../errors';
import { verificationMode } from '../verify/mode';
import { verifyResponse } from '../verify/response';
import type { Exchange } from './exchange';
import { expectedSignerOf, fetchSignedText, type SignedText } from './signed-text';

/** Signed texts already fetched, by service URL and chat ID: a retry or a second look never fetches again. */
const signedTexts = new Map<string, SignedText>();
const MAX_KEPT = 200;

async function signedTextOnce(svc: Service, chatId: string): Promise<SignedText> {
  const key = `${svc.url}\n${chatId}`;
  const hit = signedTexts.get(key);
  if (hit) return hit;
  const signed = await fetchSignedText(svc.url, chatId, svc.model);
  if (signedTexts.size >= MAX_KEPT) signedTexts.delete(signedTexts.keys().next().value!);
  signedTexts.set(key, signed);
  return signed;
}

/**
 * Checks one exchange against the service that produced it: the signed text is fetched once per
 * answer, its signer must be the service's TEE signer, and its hashes must be of exactly the bytes
 * sent and received. Needs no wallet and no SDK (the SDK's processResponse would fetch the
 * signature again and check only the signer, which this does too).
 */
export async function verifyExchange(svc: Service, exchange: Exchange): Promise<StoredVerification> {
  if (exchange.problem)
    return { state: 'not-verifiable', reason: 'The answer is incomplete, so it cannot be verified.' };
  const mode = verificationMode(svc.verifiability);
  let signed: SignedText | null = null;
  let unavailable: string | undefined;
  if (mode !== 'none' && exchange.chatId) {
    try {
      signed = await signedTextOnce(svc, exchange.chatId);
    } catch (err) {
      unavailable = toAppError(err).details;
    }
  }
  const signer = expectedSignerOf(svc);
  const result = await verifyResponse({
    mode,
    provider: svc.provider,
    expectedSigner: signer.address,
    signerSource: signer.source,
    signerAcknowledged: svc.teeSignerAcknowledged,
    chatId: exchange.chatId,
    signed,
    requestBytes: exchange.requestBytes,
    responseBytes: exchange.responseBytes,
    unavailable,
  });
  return result as unknown as StoredVerification;
}

/** Whether a verification is final: only "unavailable" may change on a retry, so only then are the bytes worth keeping. */
export const isFinal = (v: StoredVerification) => v.state !== 'unavailable' && v.state !== 'verifying';
