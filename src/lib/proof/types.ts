import type { Address } from 'viem';
import type { BadgeState } from '../verify/response';

/** The `format` every proof bundle carries, so a reader can tell it from any other JSON. */
export const PROOF_FORMAT = '0g-compute-proof';
/** The one bundle version this app writes and reads. */
export const PROOF_VERSION = 1;
/** The largest bundle file (JSON or zip) this app reads. */
export const MAX_PROOF_BYTES = 50 * 1024 * 1024;

/** What the proven answer was. */
export type ProofKind = 'chat' | 'image' | 'transcript';
/** What the file beside proof.json in a zip bundle is. */
export type MediaRole = 'picture' | 'audio' | 'transcript';

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

/** A proof bundle, version 1: everything needed to re-check one answer without this app. */
export interface ProofBundle {
  format: typeof PROOF_FORMAT;
  version: 1;
  kind: ProofKind;
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

/** A bundle that cannot be built or read; the message is one plain sentence for the person. */
export class ProofError extends Error {
  override name = 'ProofError';
}
