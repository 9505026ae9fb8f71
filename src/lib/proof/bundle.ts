import { sha256 } from 'viem';
import { sameAddress } from '../address';
import type { Network } from '../chain/networks';
import type { Service } from '../chain/services';
import type { VerificationResult } from '../verify/response';
import { toBase64 } from './base64';
import {
  PROOF_FORMAT,
  PROOF_VERSION,
  ProofError,
  type MediaRole,
  type ProofBody,
  type AnswerKind,
  type AnswerProof,
  type ProofBundle,
} from './types';

export * from './types';
export { parseProof } from './parse';
export { buildDeliverableProof, type DeliverableInput } from './deliverable';

/** What buildProof needs: the app's own result, the service it read from chain and, optionally, the exact bytes. */
export interface ProofInput {
  kind: AnswerKind;
  network: Network;
  service: Service;
  verification: VerificationResult;
  /** The exact bytes sent and received; their sha256 must be the verification's local hashes. */
  exchange?: { request: Uint8Array; response: Uint8Array };
  /** Leave the bytes out (privacy): the bundle then carries only their hashes. */
  hashesOnly?: boolean;
  /** The picture, audio or transcript file that goes beside proof.json in a zip. */
  media?: { file: string; type: string; bytes: Uint8Array; role: MediaRole };
  /** Defaults to now. */
  now?: Date;
}

const sha256hex = (bytes: Uint8Array): string => sha256(bytes).slice(2);

/** The body as the verification hashed it; bytes that hash otherwise are refused: such a bundle would contradict itself. */
function body(bytes: Uint8Array | undefined, recorded: string, what: string, withBytes: boolean): ProofBody {
  if (bytes && sha256hex(bytes) !== recorded)
    throw new ProofError(`The ${what} bytes given are not the ones that were verified (their sha256 differs).`);
  return bytes && withBytes ? { sha256: recorded, bytes: toBase64(bytes) } : { sha256: recorded };
}

/** A proof bundle from a verification; throws ProofError when the bytes given are not the ones verified. */
export function buildProof(input: ProofInput): AnswerProof {
  const { network, service: s, verification: v } = input;
  if (!sameAddress(v.provider, s.provider))
    throw new ProofError('The verification is for another provider than the service given.');
  const withBytes = input.hashesOnly !== true;
  const signed = v.signedText !== null && v.signature !== null ? { text: v.signedText, signature: v.signature } : null;
  const bundle: AnswerProof = {
    format: PROOF_FORMAT,
    version: PROOF_VERSION,
    kind: input.kind,
    createdAt: (input.now ?? new Date()).toISOString(),
    network: {
      chainId: network.chain.id,
      name: network.chain.name,
      contracts: { ...network.contracts },
    },
    service: {
      provider: s.provider,
      serviceType: s.serviceType,
      model: s.model,
      url: s.url,
      verifiability: s.verifiability,
      // The signer the answer was checked against, which for a separated TEE is not the contract's.
      teeSigner: v.expectedSigner,
      signerSource: v.signerSource,
      readAt: v.checkedAt,
    },
    chatId: v.chatId,
    signed,
    request: body(input.exchange?.request, v.localRequestHash, 'request', withBytes),
    response: body(input.exchange?.response, v.localResponseHash, 'response', withBytes),
    verdict: { state: v.state, reason: v.reason, checkedAt: v.checkedAt },
  };
  const m = input.media;
  if (m) bundle.media = { file: m.file, type: m.type, sha256: sha256hex(m.bytes), role: m.role };
  return bundle;
}

/** The bundle as pretty JSON, as "Copy proof" and proof.json write it. */
export function proofJsonText(b: ProofBundle): string {
  return `${JSON.stringify(b, null, 2)}\n`;
}
