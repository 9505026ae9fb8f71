import { sha256 } from 'viem';

/** sha256 of the bytes, lowercase hex without 0x (as the signed texts and the proofs write it). */
export const sha256hex = (bytes: Uint8Array): string => sha256(bytes).slice(2);

/** The hash a verification already computed for these bytes, or the bytes hashed now: a large upload is hashed once. */
export const hashOnce = (recorded: unknown, bytes: Uint8Array): string =>
  typeof recorded === 'string' && /^[0-9a-f]{64}$/.test(recorded) ? recorded : sha256hex(bytes);
