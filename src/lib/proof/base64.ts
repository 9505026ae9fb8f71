import { decodeBase64Strict } from '../media/image-answer';

/** Standard base64 (RFC 4648 §4) of the bytes, with padding. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode over megabytes at once overflows the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Strict standard base64 decoded, or null (see decodeBase64Strict). */
export const fromBase64 = decodeBase64Strict;

/** base64url (RFC 4648 §5) without padding, of UTF-8 text: safe in a URL fragment. */
export function toBase64Url(text: string): string {
  return toBase64(new TextEncoder().encode(text)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** UTF-8 text from unpadded base64url, or null when it is not strict base64url or not UTF-8. */
export function fromBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const std = text.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = decodeBase64Strict(std + '='.repeat((4 - (std.length % 4)) % 4));
  if (!bytes) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
