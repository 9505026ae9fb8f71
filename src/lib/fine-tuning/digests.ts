import { encodePacked, getAddress, keccak256, stringToBytes, type Address, type Hex } from 'viem';
import { isTaskId } from './task';

// The 32-byte digests a fine-tuning provider checks (devnet/sim/fine-tuning-auth.ts, the SDK's
// common/utils/encrypt.js). The wallet personal_signs the raw digest bytes, not their hex text.

function checkTimestamp(timestampS: number): void {
  if (!Number.isSafeInteger(timestampS) || timestampS < 0)
    throw new Error('The timestamp to sign must be whole Unix seconds.');
}

/** A task id as the SDK signs it: its UUID bytes as 0x-hex, dashes dropped. */
export function taskIdHex(taskId: string): Hex {
  const hex = taskId.replace(/-/g, '');
  if (!isTaskId(taskId) || hex.length === 0 || hex.length % 2 !== 0)
    throw new Error('The task id is not a provider task id (hex digits and dashes).');
  return `0x${hex}`;
}

/**
 * Dataset upload: keccak256(utf8(user + timestamp)). The user is the checksummed address, the same
 * string the upload URL carries, because the provider hashes the URL's text.
 */
export function uploadDigest(user: Address, timestampS: number): Uint8Array {
  checkTimestamp(timestampS);
  return keccak256(stringToBytes(`${getAddress(user)}${timestampS}`), 'bytes');
}

/** Task creation: solidityPackedKeccak256(['address','uint256','string'], [user, nonce, datasetHash]). */
export function taskDigest(user: Address, nonce: bigint, datasetHash: string): Uint8Array {
  if (nonce < 0n) throw new Error('The task nonce cannot be negative.');
  return keccak256(encodePacked(['address', 'uint256', 'string'], [getAddress(user), nonce, datasetHash]), 'bytes');
}

/** Cancellation: solidityPackedKeccak256(['bytes'], [task id hex]). */
export function cancelDigest(taskId: string): Uint8Array {
  return keccak256(encodePacked(['bytes'], [taskIdHex(taskId)]), 'bytes');
}

/** Model download: keccak256(utf8(task id hex without 0x + timestamp)). */
export function loraDigest(taskId: string, timestampS: number): Uint8Array {
  checkTimestamp(timestampS);
  return keccak256(stringToBytes(`${taskIdHex(taskId).slice(2)}${timestampS}`), 'bytes');
}
