import { keccak256, recoverAddress, toHex, type Address, type Hex } from 'viem';

/** The encrypted model's layout: `[65-byte tag signature][12-byte IV]`, then chunks of ciphertext, each with its tag. */
const SIGNATURE_BYTES = 65;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Each chunk is up to 64 MiB of ciphertext, then its 16-byte AES-GCM tag, as the 0G SDK reads it. */
const CHUNK_PLAINTEXT = 64 * 1024 * 1024;

/** What a proof needs from an encrypted model file: its hash, and the TEE's signature over its tags. */
export interface ModelFileFacts {
  size: number;
  /** keccak256 of the whole file: the deliverable's modelRootHash on chain. */
  keccak256: Hex;
  /** The file's first 65 bytes: the TEE key's raw ECDSA signature over `tagsKeccak256`. */
  tagSignature: Hex;
  /** keccak256 of every chunk's tag, in order: what the TEE signed. */
  tagsKeccak256: Hex;
}

/** Reads the facts of an encrypted model (`chunkPlaintext` only for tests); null when the file is too short to hold the layout at all. */
export function modelFileFacts(file: Uint8Array, chunkPlaintext = CHUNK_PLAINTEXT): ModelFileFacts | null {
  const chunk = chunkPlaintext + TAG_BYTES;
  const start = SIGNATURE_BYTES + IV_BYTES;
  if (file.length < start + TAG_BYTES) return null;
  const tags: Uint8Array[] = [];
  for (let offset = start; offset < file.length; offset += chunk) {
    const end = Math.min(offset + chunk, file.length);
    // A last chunk shorter than a tag cannot be read by the SDK either.
    if (end - offset < TAG_BYTES) return null;
    tags.push(file.subarray(end - TAG_BYTES, end));
  }
  const joined = new Uint8Array(tags.length * TAG_BYTES);
  tags.forEach((t, i) => joined.set(t, i * TAG_BYTES));
  return {
    size: file.length,
    keccak256: keccak256(file),
    tagSignature: toHex(file.subarray(0, SIGNATURE_BYTES)),
    tagsKeccak256: keccak256(joined),
  };
}

/** Who signed the tags (a raw signature over the hash, no message prefix, as the SDK checks it); null if malformed. */
export async function tagSigner(tagsKeccak256: Hex, tagSignature: Hex): Promise<Address | null> {
  if (!/^0x[0-9a-fA-F]{130}$/.test(tagSignature) || !/^0x[0-9a-fA-F]{64}$/.test(tagsKeccak256)) return null;
  try {
    return await recoverAddress({ hash: tagsKeccak256, signature: tagSignature });
  } catch {
    return null;
  }
}
