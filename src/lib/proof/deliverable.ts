import { sha256, type Address, type Hex } from 'viem';
import { sameAddress } from '../address';
import type { Network } from '../chain/networks';
import type { FineTuningService } from '../chain/services';
import type { BadgeState } from '../verify/response';
import { PROOF_FORMAT, PROOF_VERSION, ProofError, type DeliveredFile, type DeliverableProof } from './types';

/** What a delivery proof is built from: the task, the chain's record, the file's facts and the signer they recover to. */
export interface DeliverableInput {
  network: Network;
  service: FineTuningService;
  /** The pre-trained model the task fine-tuned. */
  model: string;
  taskId: string;
  user: Address;
  /** The deliverable's modelRootHash as read from chain. */
  modelRootHash: Hex;
  file: DeliveredFile;
  /** Who the file's tag signature recovers to (null: it recovers to no one). */
  tagSigner: Address | null;
  /** When the app checked the file (ISO). */
  checkedAt: string;
  /** The encrypted model itself, for a zip bundle; its keccak256 must be the file's. */
  media?: { file: string; bytes: Uint8Array };
  now?: Date;
}

/** The app's own verdict on a delivery, from the same facts /verify re-checks. */
export function deliveryVerdict(input: DeliverableInput): { state: BadgeState; reason: string } {
  const { service, file } = input;
  if (file.keccak256.toLowerCase() !== input.modelRootHash.toLowerCase())
    return { state: 'content-mismatch', reason: 'The file does not match the model root hash on chain.' };
  if (!input.tagSigner || !sameAddress(input.tagSigner, service.teeSignerAddress))
    return {
      state: 'failed',
      reason: `The file's tag signature is not by ${service.teeSignerAddress}, the provider's TEE signer on chain.`,
    };
  if (!service.teeSignerAcknowledged)
    return { state: 'failed', reason: 'The provider’s TEE signer is not acknowledged on chain by the contract owner.' };
  return {
    state: 'verified',
    reason: "The file matches the model root hash on chain, and its tags are signed by the provider's TEE key.",
  };
}

/** A proof of a fine-tuned model's delivery; throws ProofError when the model bytes given are not the file's. */
export function buildDeliverableProof(input: DeliverableInput): DeliverableProof {
  const { network, service: s, file } = input;
  const v = deliveryVerdict(input);
  const bundle: DeliverableProof = {
    format: PROOF_FORMAT,
    version: PROOF_VERSION,
    kind: 'fine-tuning',
    createdAt: (input.now ?? new Date()).toISOString(),
    network: { chainId: network.chain.id, name: network.chain.name, contracts: { ...network.contracts } },
    service: {
      provider: s.provider,
      serviceType: 'fine-tuning',
      model: input.model,
      url: s.url,
      teeSigner: s.teeSignerAddress,
      readAt: input.checkedAt,
    },
    deliverable: {
      taskId: input.taskId,
      user: input.user,
      modelRootHash: input.modelRootHash.toLowerCase() as Hex,
      file: {
        keccak256: file.keccak256.toLowerCase() as Hex,
        size: file.size,
        tagSignature: file.tagSignature.toLowerCase() as Hex,
        tagsKeccak256: file.tagsKeccak256.toLowerCase() as Hex,
      },
    },
    verdict: { state: v.state, reason: v.reason, checkedAt: input.checkedAt },
  };
  const m = input.media;
  if (m) {
    if (m.bytes.length !== file.size)
      throw new ProofError('The model bytes given are not the file that was checked (their size differs).');
    bundle.media = { file: m.file, type: 'application/octet-stream', sha256: sha256(m.bytes).slice(2), role: 'model' };
  }
  return bundle;
}
