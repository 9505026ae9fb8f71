import { recoverMessageAddress, sha256, type Address, type Hex } from 'viem';
import { sameAddress } from '../address';
import type { Network } from '../chain/networks';
import { verificationMode } from '../verify/mode';
import { verifyResponse, type SignerSource } from '../verify/response';
import { parseSignedText } from '../verify/signed-content';
import { fromBase64 } from './base64';
import { brokenRow, hashRow, mediaRow, routingRow, signatureRow, signerRow } from './check-rows';
import { checkDeliverable } from './deliverable-check';
import type { AnswerProof, ProofBundle } from './types';

export { readChainView } from './chain-view';
export { PROOF_ROW_LABEL } from './check-rows';

/** How one check of a bundle came out; 'not-run' when it could not be made. */
export type RowStatus = 'passed' | 'failed' | 'not-run';

/** One check row, like the badge detail's; `media` only for bundles that name a media file. */
export interface ProofRow {
  id: 'signature' | 'signer' | 'request' | 'response' | 'routing' | 'media' | 'deliverable' | 'model';
  label: string;
  status: RowStatus;
  /** One sentence: the values compared, or why the check did not run. */
  detail: string;
}

/** What the chain says now about the bundle's network and provider. */
export interface ChainView {
  /** The app's network for bundle.network.chainId; null: not one the app knows. */
  network: Network | null;
  /** The provider's service now; null: no service on chain now; 'unreachable': the chain could not be read. */
  service: { teeSigner: Address; acknowledged: boolean; source?: SignerSource } | null | 'unreachable';
  /** Fine-tuning bundles: the task's deliverable now; null: none on chain; 'unreachable': the chain could not be read. */
  deliverable?: { modelRootHash: Hex; acknowledged: boolean; settled: boolean } | null | 'unreachable';
}

/** The outcome of checking a bundle. */
export interface ProofReport {
  rows: ProofRow[];
  /** Every row passed, the content bytes were included, the signer is the one on chain now, and verifyResponse agrees. */
  verified: boolean;
  contentIncluded: boolean;
  signerChanged: boolean;
  networkKnown: boolean;
  /** Plain sentences, one for every problem. */
  sentences: string[];
}

const sha256hex = (bytes: Uint8Array): string => sha256(bytes).slice(2);

async function recover(signed: AnswerProof['signed']): Promise<Address | null> {
  if (!signed) return null;
  const hex = (signed.signature.startsWith('0x') ? signed.signature : `0x${signed.signature}`) as Hex;
  if (!/^0x[0-9a-fA-F]{130}$/.test(hex)) return null;
  try {
    return await recoverMessageAddress({ message: signed.text, signature: hex });
  } catch {
    return null;
  }
}

const bytesOf = (body: AnswerProof['request']) => (typeof body.bytes === 'string' ? fromBase64(body.bytes) : null);

async function run(b: AnswerProof, chain: ChainView, media?: { bytes: Uint8Array }): Promise<ProofReport> {
  const mode = verificationMode(b.service.verifiability);
  const content = b.signed ? parseSignedText(b.signed.text) : null;
  const recovered = await recover(b.signed);
  const request = bytesOf(b.request);
  const response = bytesOf(b.response);
  const onChain = chain.service !== null && typeof chain.service === 'object' ? chain.service : null;
  const rows = [
    signatureRow(b, recovered),
    signerRow(b, chain, recovered),
    hashRow('request', b, content, request && sha256hex(request)),
    hashRow('response', b, content, response && sha256hex(response)),
  ];
  if (mode === 'TeeTLS') rows.push(routingRow(b, content));
  if (b.media) rows.push(mediaRow(b.media, media ? sha256hex(media.bytes) : null));

  const sentences = rows.filter((r) => r.status !== 'passed').map((r) => `${r.label}: ${r.detail}`);
  const contentIncluded = request !== null && response !== null;
  if (!contentIncluded)
    sentences.push(
      'The content is not included (hashes only), so these hashes cannot be re-computed here; drop the full bundle to check the content.',
    );
  if (mode === 'none')
    sentences.push(`The service declares no TEE mode (verifiability ${JSON.stringify(b.service.verifiability)}).`);
  if (chain.network && !sameAddress(chain.network.contracts.inference, b.network.contracts.inference))
    sentences.push(
      `The bundle names inference contract ${b.network.contracts.inference}, but this app's on ${chain.network.chain.name} is ${chain.network.contracts.inference}; the signer was read from this app's.`,
    );

  // With the bytes, the app's one verifier decides, on the bundle's bytes and the chain's signer.
  let verifierAgrees = false;
  if (contentIncluded && b.signed) {
    const result = await verifyResponse({
      mode,
      provider: b.service.provider,
      expectedSigner: onChain?.teeSigner ?? b.service.teeSigner,
      signerSource: onChain ? (onChain.source ?? 'contract') : (b.service.signerSource ?? undefined),
      signerAcknowledged: onChain?.acknowledged,
      chatId: b.chatId,
      signed: b.signed,
      requestBytes: request,
      responseBytes: response,
    });
    verifierAgrees = result.state === 'verified';
    if (!verifierAgrees && result.reason) sentences.push(result.reason);
  }
  const signerChanged = onChain !== null && !sameAddress(onChain.teeSigner, b.service.teeSigner);
  return {
    rows,
    verified: verifierAgrees && contentIncluded && !signerChanged && rows.every((r) => r.status === 'passed'),
    contentIncluded,
    signerChanged,
    networkKnown: chain.network !== null,
    sentences,
  };
}

/** Re-checks a bundle against the chain view; never throws, hostile input gives failed rows and sentences. */
export async function checkProof(
  b: ProofBundle,
  chain: ChainView,
  media?: { bytes: Uint8Array },
): Promise<ProofReport> {
  try {
    return b.kind === 'fine-tuning' ? await checkDeliverable(b, chain, media) : await run(b, chain, media);
  } catch {
    // Only a bundle that skipped parseProof gets here: its shape is not what the type says.
    const why = 'This bundle could not be checked: it is not a well-formed proof bundle.';
    const ids =
      (b as { kind?: unknown } | null)?.kind === 'fine-tuning'
        ? (['signature', 'signer', 'deliverable', 'model'] as const)
        : (['signature', 'signer', 'request', 'response'] as const);
    return {
      rows: ids.map((id) => brokenRow(id, why)),
      verified: false,
      contentIncluded: false,
      signerChanged: false,
      networkKnown: chain?.network != null,
      sentences: [why],
    };
  }
}
