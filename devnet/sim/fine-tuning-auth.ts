import { computeAddress, getAddress, keccak256, solidityPackedKeccak256, toUtf8Bytes } from 'ethers';
import { recoverSignerPublicKey } from './fine-tuning-crypto.js';
import { HttpError } from './http.js';
import { digestSigners } from './signed-digest.js';

/** How far a signed timestamp may be from the provider's clock, as the SDK documents (5 minutes). */
export const TIMESTAMP_WINDOW_S = 300;

function recover(digest: string, signature: unknown, what: string): string[] {
  if (typeof signature !== 'string' || signature === '') {
    throw new HttpError(400, `The ${what} is missing its signature`, 'missing_signature');
  }
  try {
    return digestSigners(digest, signature);
  } catch {
    throw new HttpError(401, `The ${what} signature is malformed`, 'invalid_signature');
  }
}

function expectSigner(recovered: string[], user: string, what: string): void {
  if (!recovered.includes(getAddress(user))) {
    throw new HttpError(401, `The ${what} signature was not made by ${getAddress(user)}`, 'invalid_signature');
  }
}

function checkTimestamp(timestamp: unknown, nowS: number): string {
  const text = typeof timestamp === 'number' ? String(timestamp) : timestamp;
  if (typeof text !== 'string' || !/^\d{1,12}$/.test(text)) {
    throw new HttpError(400, 'The timestamp must be Unix seconds', 'invalid_timestamp');
  }
  if (Math.abs(nowS - Number(text)) > TIMESTAMP_WINDOW_S) {
    throw new HttpError(401, 'The signed timestamp is more than 5 minutes away from now: sign again', 'expired');
  }
  return text;
}

/** Dataset upload: personal_sign over the bytes of keccak256(user + timestamp), the user string as sent in the URL. */
export function verifyDatasetUpload(user: string, timestamp: unknown, signature: unknown, nowS: number): void {
  const ts = checkTimestamp(timestamp, nowS);
  const digest = keccak256(toUtf8Bytes(`${user}${ts}`));
  expectSigner(recover(digest, signature, 'dataset upload'), user, 'dataset upload');
}

/**
 * Task creation: personal_sign over the bytes of solidityPackedKeccak256([address, uint256, string],
 * [user, nonce, datasetHash]). Returns the signer's public key, which the model key is later encrypted to.
 */
export function verifyTaskRequest(user: string, nonce: string, datasetHash: string, signature: unknown): string {
  const digest = solidityPackedKeccak256(['address', 'uint256', 'string'], [user, BigInt(nonce), datasetHash]);
  expectSigner(recover(digest, signature, 'task'), user, 'task');
  const publicKey = recoverSignerPublicKey(digest, signature as string, user);
  // Belt and braces: the key we encrypt to must be the one that signed.
  if (computeAddress(publicKey) !== getAddress(user))
    throw new HttpError(401, 'The task signature is inconsistent', 'invalid_signature');
  return publicKey;
}

/** The task id as the SDK signs it: its 16 UUID bytes as 0x-hex, dashes dropped. */
export function taskIdHex(id: string): string {
  return '0x' + id.replace(/-/g, '');
}

/** Cancellation: personal_sign over the bytes of solidityPackedKeccak256([bytes], [taskIdHex]). */
export function verifyCancel(user: string, id: string, signature: unknown): void {
  const digest = solidityPackedKeccak256(['bytes'], [taskIdHex(id)]);
  expectSigner(recover(digest, signature, 'cancel request'), user, 'cancel request');
}

/** Model download: personal_sign over the bytes of keccak256(utf8(idHexWithout0x + timestamp)). */
export function verifyLoraDownload(
  user: string,
  id: string,
  timestamp: unknown,
  signature: unknown,
  nowS: number,
): void {
  const ts = checkTimestamp(timestamp, nowS);
  const digest = keccak256(toUtf8Bytes(`${taskIdHex(id).slice(2)}${ts}`));
  expectSigner(recover(digest, signature, 'download request'), user, 'download request');
}
