import { getBytes, toBeArray, verifyMessage } from 'ethers';

/**
 * Recovers who personal_signed a keccak256 digest. The SDK signs `toBeArray(digest)`, which drops
 * leading zero bytes (about one digest in 256 starts with one); other clients sign all 32 bytes.
 * Both readings are tried, so every client that signs the digest is accepted. Throws on a
 * malformed signature. Returns every signer recovered, in that order.
 */
export function digestSigners(digest: string, signature: string): string[] {
  const readings = [toBeArray(digest), getBytes(digest)];
  return readings.map((bytes) => verifyMessage(bytes, signature));
}

/** The bytes the SDK signs for a digest (for recovering a public key the way it was signed). */
export const sdkSignedBytes = (digest: string): Uint8Array => toBeArray(digest);
