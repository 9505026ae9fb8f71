import type { StoredVerification } from '../chat/types';
import { sameAddress } from '../address';

/** How one check of a verification came out; 'not-run' when it could not be made. */
export type CheckState = 'passed' | 'failed' | 'not-run';

export interface VerificationCheck {
  id: 'signer' | 'request' | 'response' | 'route';
  label: string;
  state: CheckState;
  /** One short line: the values compared, or why the check did not run. */
  detail: string;
}

export const CHECK_LABEL: Record<VerificationCheck['id'], string> = {
  signer: "Signed by the provider's TEE key",
  request: 'Request bound',
  response: 'Response bound',
  route: 'Routed to the named upstream',
};

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const DIGEST = /^(?:0x)?([0-9a-fA-F]{64})$/;

const address = (v: unknown): string | null => (typeof v === 'string' && ADDRESS.test(v) ? v : null);
const digest = (v: unknown): string | null =>
  typeof v === 'string' ? (DIGEST.exec(v)?.[1]?.toLowerCase() ?? null) : null;
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const short = (hash: string) => `${hash.slice(0, 12)}…${hash.slice(-6)}`;

/** Why the content checks did not run, from the recorded state; null when they can. */
function blocked(state: unknown, recovered: string | null, signedRequest: string | null): string | null {
  switch (state) {
    case 'verified':
    case 'content-mismatch':
      return null;
    case 'verifying':
      return 'Verification is still running.';
    case 'unavailable':
      return 'No signature has been fetched for this response.';
    case 'failed':
      return 'Not run: the signature check did not pass.';
    case 'not-verifiable':
      if (!recovered) return 'There is no signature to check.';
      return signedRequest
        ? 'The signed text does not bind this response (see the reason above).'
        : 'The signed text is in a format this app does not recognise.';
    default:
      return 'This record holds no result this app can read.';
  }
}

function signerCheck(v: StoredVerification, whyNot: string | null): VerificationCheck {
  const label = CHECK_LABEL.signer;
  const expected = address(v.expectedSigner);
  const recovered = address(v.recoveredSigner);
  const notRun = (detail: string): VerificationCheck => ({ id: 'signer', label, state: 'not-run', detail });
  const result = (state: CheckState, detail: string): VerificationCheck => ({ id: 'signer', label, state, detail });
  // Verifying, unavailable, an unreadable state, or nothing signed: there was no signature to compare.
  const ran =
    v.state === 'failed' ||
    v.state === 'verified' ||
    v.state === 'content-mismatch' ||
    (v.state === 'not-verifiable' && recovered !== null);
  if (!ran) return notRun(whyNot ?? 'There is no signature to check.');
  const where =
    v.signerSource === 'additional-info'
      ? " (from the provider's own additionalInfo.TargetTeeAddress, not the contract's teeSignerAddress)"
      : v.signerSource === 'contract'
        ? " (the contract's teeSignerAddress)"
        : '';
  const wanted = expected ? `expected ${expected}${where}` : 'the expected signer was not recorded';
  if (v.signerAcknowledged === false)
    return result(
      'failed',
      "The service's TEE signer is not acknowledged on chain by the contract owner, so signatures prove nothing.",
    );
  if (recovered && expected && !sameAddress(recovered, expected))
    return result('failed', `Signed by ${recovered}; ${wanted}.`);
  if (v.state === 'failed')
    return result(
      'failed',
      recovered
        ? 'The signer matches but the signature was rejected (see the reason above).'
        : `The signature is malformed: no signer can be recovered from it; ${wanted}.`,
    );
  // Only a recovered signer that equals the expected one passes; a stored "verified" alone is not enough.
  if (recovered && expected) return result('passed', `Signed by ${recovered}; ${wanted}.`);
  return notRun(whyNot ?? (expected ? 'No recovered signer was recorded.' : 'The expected signer was not recorded.'));
}

function hashCheck(
  id: 'request' | 'response',
  local: unknown,
  signed: unknown,
  whyNot: string | null,
): VerificationCheck {
  const label = CHECK_LABEL[id];
  if (whyNot) return { id, label, state: 'not-run', detail: whyNot };
  const mine = digest(local);
  const theirs = digest(signed);
  const what = id === 'request' ? 'sent' : 'received';
  if (!mine || !theirs) return { id, label, state: 'not-run', detail: 'The hashes were not recorded.' };
  if (mine === theirs)
    return { id, label, state: 'passed', detail: `sha256 of what was ${what} = signed hash ${short(mine)}` };
  return { id, label, state: 'failed', detail: `sha256 of what was ${what} ${short(mine)} ≠ signed ${short(theirs)}` };
}

function routeCheck(proof: unknown, whyNot: string | null): VerificationCheck {
  const label = CHECK_LABEL.route;
  if (whyNot) return { id: 'route', label, state: 'not-run', detail: whyNot };
  const p = typeof proof === 'object' && proof !== null ? (proof as Record<string, unknown>) : {};
  const identity = text(p.providerIdentity);
  const fingerprint = text(p.tlsCertFingerprint);
  if (!identity || !fingerprint)
    return {
      id: 'route',
      label,
      state: 'not-run',
      detail: 'No routing proof with an upstream and a certificate was signed.',
    };
  return { id: 'route', label, state: 'passed', detail: `${identity}, TLS certificate ${fingerprint}` };
}

/**
 * The checks behind a stored verification, as rows a person can read at a glance. Reads every
 * field defensively (records may be old or imported) and never says "passed" unless the values
 * compared are present and equal.
 */
export function verificationChecks(v: StoredVerification): VerificationCheck[] {
  // Typed as stored, but read as unknown: an old or imported record may hold anything.
  const recovered = address(v.recoveredSigner);
  const whyNot = blocked(v.state, recovered, digest(v.signedRequestHash));
  const signer = signerCheck(v, whyNot);
  // The content checks mean something only once the right key is known to have signed it.
  const contentWhyNot = whyNot ?? (signer.state === 'passed' ? null : 'Not run: the signature check did not pass.');
  const checks = [
    signer,
    hashCheck('request', v.localRequestHash, v.signedRequestHash, contentWhyNot),
    hashCheck('response', v.localResponseHash, v.signedResponseHash, contentWhyNot),
  ];
  if (v.mode === 'TeeTLS') checks.push(routeCheck(v.proof, contentWhyNot));
  return checks;
}
