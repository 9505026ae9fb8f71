import { recoverMessageAddress, sha256, type Address, type Hex } from 'viem';
import { sameAddress } from '../address';
import type { VerificationMode } from './mode';
import { parseSignedText } from './signed-content';

export type BadgeState = 'verifying' | 'verified' | 'content-mismatch' | 'failed' | 'not-verifiable' | 'unavailable';

/** The badge's accessible text, exactly. */
export const BADGE_TEXT: Record<BadgeState, string> = {
  verifying: 'Verifying',
  verified: 'Verified',
  'content-mismatch': 'Content mismatch',
  failed: 'Verification failed',
  'not-verifiable': 'Not verifiable',
  unavailable: 'Verification unavailable',
};

/** Where the expected signer comes from: the contract's teeSignerAddress, or the provider's own additionalInfo.TargetTeeAddress. */
export type SignerSource = 'contract' | 'additional-info';

export interface VerificationInput {
  mode: VerificationMode;
  provider: Address;
  /** The service's teeSignerAddress from the chain, or the TargetTeeAddress its additionalInfo names. */
  expectedSigner: Address;
  /** Which of the two `expectedSigner` is (see expectedSignerOf). */
  signerSource?: SignerSource;
  /** The service's teeSignerAcknowledged; false fails the check, as the SDK does (undefined: not known). */
  signerAcknowledged?: boolean;
  chatId: string | null;
  /** From GET {url}/v1/proxy/signature/{chatId}; null when not fetched. */
  signed: { text: string; signature: string } | null;
  /** Exactly the bytes sent. */
  requestBytes: Uint8Array;
  /** Exactly the bytes received; for a stream, the raw bytes of the whole event stream. */
  responseBytes: Uint8Array;
  /** TeeML: what the SDK's processResponse answered, if asked; only `false` counts. Not needed: the checks here are complete without it. */
  sdkVerdict?: boolean | null;
  /** Set when the signature endpoint could not be reached (its message). */
  unavailable?: string;
}

export interface VerificationResult {
  state: BadgeState;
  /** One plain sentence for the detail view. */
  reason: string;
  mode: VerificationMode;
  provider: Address;
  chatId: string | null;
  expectedSigner: Address;
  /** As given; null when the caller did not say, so the detail view claims no source. */
  signerSource: SignerSource | null;
  /** The chain's teeSignerAcknowledged as given; null when the caller did not say. */
  signerAcknowledged: boolean | null;
  recoveredSigner: Address | null;
  signedText: string | null;
  signature: string | null;
  /** sha256 hex of the bytes, lowercase, no 0x. */
  localRequestHash: string;
  localResponseHash: string;
  signedRequestHash: string | null;
  signedResponseHash: string | null;
  /** TeeTLS routing proof details, when the signed text is one. */
  proof: { providerIdentity: string; tlsCertFingerprint: string; timestamp: number } | null;
  /** ISO time. */
  checkedAt: string;
}

const sha256hex = (bytes: Uint8Array): string => sha256(bytes).slice(2);

async function recover(text: string, signature: string): Promise<Address | null> {
  const hex = (signature.startsWith('0x') ? signature : `0x${signature}`) as Hex;
  // Only a 65-byte r||s||v signature is what providers send; anything else is not worth guessing at.
  if (!/^0x[0-9a-fA-F]{130}$/.test(hex)) return null;
  try {
    return await recoverMessageAddress({ message: text, signature: hex });
  } catch {
    return null;
  }
}

const UNBOUND =
  'The signature is valid but the signed text is in a format this app does not recognise, so it is not bound to the content shown.';

/** Checks one inference response: TEE signature, signer, and that the signed hashes are of these exact bytes. */
export async function verifyResponse(input: VerificationInput): Promise<VerificationResult> {
  const { mode, provider, expectedSigner, chatId, signed } = input;
  const signerSource = input.signerSource ?? null;
  const base: VerificationResult = {
    state: 'not-verifiable',
    reason: '',
    mode,
    provider,
    chatId,
    expectedSigner,
    signerSource,
    signerAcknowledged: input.signerAcknowledged ?? null,
    recoveredSigner: null,
    signedText: signed?.text ?? null,
    signature: signed?.signature ?? null,
    localRequestHash: sha256hex(input.requestBytes),
    localResponseHash: sha256hex(input.responseBytes),
    signedRequestHash: null,
    signedResponseHash: null,
    proof: null,
    checkedAt: new Date().toISOString(),
  };
  const done = (state: BadgeState, reason: string, extra: Partial<VerificationResult> = {}): VerificationResult => ({
    ...base,
    ...extra,
    state,
    reason,
  });

  if (mode === 'none')
    return done('not-verifiable', 'This response cannot be verified: the service declares no TEE mode.');
  if (!chatId) return done('not-verifiable', 'The provider returned no chat ID, so there is no signature to look up.');
  // Before the signature: an unacknowledged key fails whatever it signed, so retrying would not help.
  if (input.signerAcknowledged === false)
    return done(
      'failed',
      "The service's TEE signer is not acknowledged on chain by the contract owner, so signatures from it prove nothing.",
      { recoveredSigner: signed ? await recover(signed.text, signed.signature) : null },
    );
  if (input.unavailable !== undefined)
    return done('unavailable', `The signature endpoint could not be reached (${input.unavailable}); try again.`);
  if (!signed) return done('unavailable', 'The signature for this response has not been fetched yet; try again.');

  const recoveredSigner = await recover(signed.text, signed.signature);
  if (!recoveredSigner) return done('failed', 'The signature is malformed: no signer can be recovered from it.');
  if (!sameAddress(recoveredSigner, expectedSigner))
    return done(
      'failed',
      signerSource === 'additional-info'
        ? `The response was signed by ${recoveredSigner}, not by ${expectedSigner}, the TEE signer the provider names in its additionalInfo.`
        : `The response was signed by ${recoveredSigner}, not by the service's TEE signer ${expectedSigner}.`,
      { recoveredSigner },
    );
  if (mode === 'TeeML' && input.sdkVerdict === false)
    return done('failed', 'The 0G SDK rejected the signature for this response.', { recoveredSigner });

  const content = parseSignedText(signed.text);
  const signedHashes =
    content.format === 'unknown'
      ? {}
      : { signedRequestHash: content.requestHash, signedResponseHash: content.responseHash };
  const proof =
    content.format === 'teetls-proof'
      ? {
          providerIdentity: content.providerIdentity,
          tlsCertFingerprint: content.tlsCertFingerprint,
          timestamp: content.timestamp,
        }
      : null;
  const extra = { recoveredSigner, proof, ...signedHashes };

  if (content.format === 'unknown') return done('not-verifiable', UNBOUND, extra);
  if (mode === 'TeeML' && content.format !== 'hashes')
    return done(
      'not-verifiable',
      'The signature is valid but it signs a TeeTLS routing proof, not TeeML response hashes, so it is not bound to the content shown.',
      extra,
    );
  if (mode === 'TeeTLS' && content.format !== 'teetls-proof')
    return done(
      'not-verifiable',
      'The signature is valid but it signs bare hashes, not a TeeTLS routing proof, so it is not bound to the content shown.',
      extra,
    );
  if (content.format === 'teetls-proof' && !sameAddress(content.provider, provider))
    return done(
      'not-verifiable',
      `The signature is valid but the routing proof names provider ${content.provider}, not ${provider}, so it is not bound to this service.`,
      extra,
    );

  const requestOk = content.requestHash === base.localRequestHash;
  const responseOk = content.responseHash === base.localResponseHash;
  if (requestOk && responseOk)
    return done('verified', "The service's TEE signer signed the hashes of exactly this request and response.", extra);
  const mismatch = !requestOk
    ? !responseOk
      ? 'The signature is valid but neither the request sent nor the response received matches the signed hashes.'
      : 'The signature is valid but the signed request hash does not match the request this app sent.'
    : 'The signature is valid but the signed response hash does not match the response this app received.';
  return done('content-mismatch', mismatch, extra);
}

/** "Copy proof (JSON)": the whole result, pretty-printed. */
export function proofJson(result: VerificationResult): string {
  return JSON.stringify(result, null, 2);
}
