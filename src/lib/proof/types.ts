import type { Address, Hex } from 'viem';
import type { BadgeState } from '../verify/response';

/** The `format` every proof bundle carries, so a reader can tell it from any other JSON. */
export const PROOF_FORMAT = '0g-compute-proof';
/** The one bundle version this app writes and reads. */
export const PROOF_VERSION = 1;
/** The largest bundle file (JSON or zip) this app reads. */
export const MAX_PROOF_BYTES = 50 * 1024 * 1024;

/** What the proven answer was: a signed response. */
export type AnswerKind = 'chat' | 'image' | 'transcript';
/** What the proof is of: an answer, or a fine-tuned model's delivery. */
export type ProofKind = AnswerKind | 'fine-tuning';
/** What the file beside proof.json in a zip bundle is. */
export type MediaRole = 'picture' | 'audio' | 'transcript' | 'model';

/** The service as read from the chain at check time; every string is untrusted provider text. */
export interface ServiceSnapshot {
  provider: Address;
  serviceType: string;
  model: string;
  url: string;
  verifiability: string;
  /** The signer the response was checked against (the contract's, or the additionalInfo TargetTeeAddress). */
  teeSigner: Address;
  signerSource: 'contract' | 'additional-info' | null;
  /** ISO time. */
  readAt: string;
}

/** The network the answer came from: its chain id, name and 0G Compute contracts. */
export interface ProofNetwork {
  chainId: number;
  name: string;
  contracts: { ledger: Address; inference: Address; fineTuning: Address };
}

/** One exchanged body: its sha256 (lowercase hex, no 0x) and, unless hashes-only, its exact bytes as base64. */
export interface ProofBody {
  sha256: string;
  bytes?: string;
}

/** A media file beside proof.json in a zip bundle. */
export interface ProofMedia {
  /** Its name inside the zip. */
  file: string;
  /** Its MIME type. */
  type: string;
  sha256: string;
  role: MediaRole;
}

/** A proof bundle of one answer, version 1: everything needed to re-check it without this app. */
export interface AnswerProof {
  format: typeof PROOF_FORMAT;
  version: 1;
  kind: AnswerKind;
  /** ISO time. */
  createdAt: string;
  network: ProofNetwork;
  service: ServiceSnapshot;
  chatId: string | null;
  signed: { text: string; signature: string } | null;
  request: ProofBody;
  response: ProofBody;
  verdict: { state: BadgeState; reason: string; checkedAt: string };
  /** Zip bundles: the picture or audio file beside proof.json (name inside the zip). */
  media?: ProofMedia;
}

/** The fine-tuning service as read from the chain at check time; model and URL are untrusted provider text. */
export interface FineTuningSnapshot {
  provider: Address;
  serviceType: 'fine-tuning';
  /** The pre-trained model the task fine-tuned. */
  model: string;
  url: string;
  /** The TEE signer the tag signature was checked against (the fine-tuning service's teeSignerAddress). */
  teeSigner: Address;
  /** ISO time. */
  readAt: string;
}

/** The encrypted model file the provider delivered, as the app received it. */
export interface DeliveredFile {
  /** keccak256 of the whole file (0x hex). */
  keccak256: Hex;
  size: number;
  /** The file's first 65 bytes: the TEE key's raw ECDSA signature over `tagsKeccak256` (0x hex). */
  tagSignature: Hex;
  /** keccak256 of the file's AES-GCM tags, chunk by chunk (0x hex). */
  tagsKeccak256: Hex;
}

/** A proof bundle of a fine-tuned model's delivery, version 1. */
export interface DeliverableProof {
  format: typeof PROOF_FORMAT;
  version: 1;
  kind: 'fine-tuning';
  /** ISO time. */
  createdAt: string;
  network: ProofNetwork;
  service: FineTuningSnapshot;
  deliverable: {
    taskId: string;
    user: Address;
    /** The deliverable's modelRootHash on chain when the app checked it (0x hex). */
    modelRootHash: Hex;
    file: DeliveredFile;
  };
  verdict: { state: BadgeState; reason: string; checkedAt: string };
  /** Zip bundles: the encrypted model beside proof.json. */
  media?: ProofMedia;
}

/** Any proof bundle, version 1; `kind` tells which. */
export type ProofBundle = AnswerProof | DeliverableProof;

/** A bundle that cannot be built or read; the message is one plain sentence for the person. */
export class ProofError extends Error {
  override name = 'ProofError';
}
