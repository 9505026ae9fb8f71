import type { Address } from 'viem';
import { sameAddress } from '../address';
import { CHECK_LABEL } from '../verify/checks';
import type { SignedContent } from '../verify/signed-content';
import type { ChainView, ProofRow, RowStatus } from './check';
import type { AnswerProof, ProofBundle, ProofMedia } from './types';

/** Row labels: the badge detail's words (CHECK_LABEL) wherever the badge has the same check. */
export const PROOF_ROW_LABEL: Record<ProofRow['id'], string> = {
  signature: 'Signature valid',
  signer: CHECK_LABEL.signer,
  request: CHECK_LABEL.request,
  response: CHECK_LABEL.response,
  routing: CHECK_LABEL.route,
  media: 'Media file matches',
  deliverable: 'Recorded on chain for this task',
  model: 'Model file matches',
};

export const row = (id: ProofRow['id'], status: RowStatus, detail: string): ProofRow => ({
  id,
  label: PROOF_ROW_LABEL[id],
  status,
  detail,
});
export const short = (hash: string) => `${hash.slice(0, 12)}…${hash.slice(-6)}`;

/** The signature recovers to the signer the bundle names. */
export function signatureRow(b: AnswerProof, recovered: Address | null): ProofRow {
  if (!b.signed) return row('signature', 'failed', 'The bundle holds no signature.');
  if (!recovered) return row('signature', 'failed', 'The signature is malformed: no signer can be recovered from it.');
  if (!sameAddress(recovered, b.service.teeSigner))
    return row(
      'signature',
      'failed',
      `It recovers to ${recovered}, not to ${b.service.teeSigner}, the signer in the bundle.`,
    );
  return row('signature', 'passed', `It recovers to ${recovered}, the signer in the bundle.`);
}

/** The signer is the provider's TEE signer on chain now; `changed` when the chain names another than the bundle. */
export function signerRow(
  b: Pick<ProofBundle, 'service' | 'network'>,
  chain: ChainView,
  recovered: Address | null,
): ProofRow {
  const { provider, teeSigner, readAt } = b.service;
  if (!chain.network)
    return row(
      'signer',
      'not-run',
      `Chain ${b.network.chainId} is not a network this app knows, so the signer could not be read from it.`,
    );
  const where = chain.network.chain.name;
  if (chain.service === 'unreachable')
    return row('signer', 'not-run', `${where} could not be read, so the signer on chain now is not known; try again.`);
  if (chain.service === null) return row('signer', 'failed', `Provider ${provider} has no service on ${where} now.`);
  const now = chain.service.teeSigner;
  if (!chain.service.acknowledged)
    return row(
      'signer',
      'failed',
      `The provider's TEE signer ${now} is not acknowledged on chain by the contract owner, so its signatures prove nothing.`,
    );
  if (!sameAddress(now, teeSigner))
    return row(
      'signer',
      'failed',
      `The provider's TEE signer on ${where} is now ${now}; when this was checked (${readAt}) it was ${teeSigner}.`,
    );
  if (!recovered || !sameAddress(recovered, now))
    return row('signer', 'failed', `The signature is not by ${now}, the provider's TEE signer on ${where} now.`);
  return row('signer', 'passed', `Signed by ${now}, the provider's TEE signer on ${where} now.`);
}

/** One hash row: the signed hash against the bundle's and, when the bytes are included, against their sha256. */
export function hashRow(
  id: 'request' | 'response',
  b: AnswerProof,
  content: SignedContent | null,
  actual: string | null,
): ProofRow {
  const what = id === 'request' ? 'request' : 'response';
  const declared = b[id].sha256;
  if (!content) return row(id, 'not-run', 'There is no signature, so nothing binds the content.');
  if (content.format === 'unknown')
    return row(id, 'failed', 'The signed text is in a format this app does not recognise, so it binds no content.');
  const signed = id === 'request' ? content.requestHash : content.responseHash;
  if (actual !== null && actual !== declared)
    return row(id, 'failed', `sha256 of the included ${what} ${short(actual)} ≠ the bundle's ${short(declared)}.`);
  if (declared !== signed)
    return row(id, 'failed', `The bundle's ${what} sha256 ${short(declared)} ≠ signed ${short(signed)}.`);
  if (actual === null)
    return row(
      id,
      'passed',
      `The bundle's ${what} sha256 = signed hash ${short(signed)}; the ${what} is not included, so it was not re-hashed.`,
    );
  return row(id, 'passed', `sha256 of the included ${what} = signed hash ${short(signed)}.`);
}

/** TeeTLS: the signed routing proof names this provider, an upstream and its certificate. */
export function routingRow(b: AnswerProof, content: SignedContent | null): ProofRow {
  if (!content) return row('routing', 'not-run', 'There is no signature, so there is no routing proof.');
  if (content.format !== 'teetls-proof')
    return row('routing', 'failed', 'The signed text is not a TeeTLS routing proof.');
  if (!sameAddress(content.provider, b.service.provider))
    return row('routing', 'failed', `The routing proof names provider ${content.provider}, not ${b.service.provider}.`);
  return row('routing', 'passed', `${content.providerIdentity}, TLS certificate ${content.tlsCertFingerprint}.`);
}

/** The media file beside proof.json has the sha256 the bundle records. */
export function mediaRow(m: ProofMedia, actual: string | null): ProofRow {
  if (actual === null)
    return row('media', 'not-run', `The ${m.role} file ${m.file} was not given, so it was not checked.`);
  if (actual !== m.sha256)
    return row('media', 'failed', `sha256 of ${m.file} ${short(actual)} ≠ the bundle's ${short(m.sha256)}.`);
  return row('media', 'passed', `sha256 of ${m.file} = the bundle's ${short(m.sha256)}.`);
}

/** A row that could not be made because the bundle is not what its type says. */
export const brokenRow = (id: ProofRow['id'], why: string): ProofRow => row(id, 'failed', why);
