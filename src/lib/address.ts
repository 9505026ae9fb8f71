import { isAddress, isAddressEqual } from 'viem';

/**
 * Whether `a` and `b` are the same address, whatever their letter case. False when either is missing
 * or not an address, where viem's isAddressEqual would throw: chain, URL and stored values are untrusted.
 */
export function sameAddress(a?: string | null, b?: string | null): boolean {
  // Not strict: a wrongly checksummed address still names the account; isAddressEqual compares the same way.
  return !!a && !!b && isAddress(a, { strict: false }) && isAddress(b, { strict: false }) && isAddressEqual(a, b);
}
