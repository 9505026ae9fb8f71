import { createCipheriv, randomBytes } from 'node:crypto';
import { encrypt } from 'eciesjs';
import { computeAddress, concat, getAddress, getBytes, hashMessage, hexlify, keccak256, SigningKey } from 'ethers';
import { sdkSignedBytes } from './signed-digest.js';

const IV_LENGTH = 12;
const KEY_LENGTH = 32;

/** Plaintext bytes per chunk: the SDK's `aesGCMDecryptToFile` reads 64 MiB of ciphertext plus a 16-byte tag at a time. */
export const CHUNK_PLAINTEXT = 64 * 1024 * 1024;

/** A fresh AES-256 key for one delivered model. */
export function newModelKey(): Buffer {
  return randomBytes(KEY_LENGTH);
}

function incrementIv(iv: Buffer): void {
  // Big-endian counter with carry, exactly as the SDK steps the IV between chunks.
  for (let i = iv.length - 1; i >= 0; i--) {
    iv[i] = ((iv[i] ?? 0) + 1) & 0xff;
    if (iv[i] !== 0) break;
  }
}

/**
 * Encrypts a model in the layout the SDK decrypts: `[65-byte tag signature][12-byte IV]` then,
 * per chunk, `[AES-256-GCM ciphertext][16-byte tag]`. The tag signature is the TEE key's raw
 * ECDSA signature (no EIP-191 prefix) over keccak256 of all tags concatenated.
 */
export function encryptModel(
  plaintext: Uint8Array,
  key: Uint8Array,
  teeKey: SigningKey,
  iv: Uint8Array = randomBytes(IV_LENGTH),
  chunkSize = CHUNK_PLAINTEXT,
): Buffer {
  if (key.length !== KEY_LENGTH) throw new Error('The model key must be 32 bytes');
  if (iv.length !== IV_LENGTH) throw new Error('The IV must be 12 bytes');
  const counter = Buffer.from(iv);
  const parts: Buffer[] = [];
  const tags: Buffer[] = [];
  for (let offset = 0; offset < plaintext.length; offset += chunkSize) {
    const cipher = createCipheriv('aes-256-gcm', key, counter);
    const ciphertext = Buffer.concat([cipher.update(plaintext.subarray(offset, offset + chunkSize)), cipher.final()]);
    const tag = cipher.getAuthTag();
    parts.push(ciphertext, tag);
    tags.push(tag);
    incrementIv(counter);
  }
  const tagSig = getBytes(teeKey.sign(keccak256(concat(tags))).serialized);
  return Buffer.concat([tagSig, Buffer.from(iv), ...parts]);
}

/**
 * ECIES-encrypts the raw 32-byte model key to the user's secp256k1 public key (eciesjs defaults,
 * as the SDK's `eciesDecrypt` expects); returns 0x-hex for the contract's `bytes encryptedSecret`.
 */
export function encryptModelKey(key: Uint8Array, userPublicKey: string): string {
  return hexlify(encrypt(getBytes(userPublicKey), key));
}

/**
 * The uncompressed public key behind a personal_sign signature over the raw bytes of `digest`
 * (a 0x-hex 32-byte hash): how a provider learns where to send the model key.
 */
export function recoverSignerPublicKey(digest: string, signature: string, signer?: string): string {
  // Both readings of the signed digest (see signed-digest.ts); the one that recovers `signer` wins.
  const keys = [sdkSignedBytes(digest), getBytes(digest)].map((b) =>
    SigningKey.recoverPublicKey(hashMessage(b), signature),
  );
  return (signer && keys.find((k) => computeAddress(k) === getAddress(signer))) || keys[0]!;
}
