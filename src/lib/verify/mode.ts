export type VerificationMode = 'TeeML' | 'TeeTLS' | 'none';

/**
 * The mode a service's on-chain `verifiability` declares. Matched exactly (case aside): a
 * string that merely contains "tee" is not a mode, so it is shown as "none".
 */
export function verificationMode(verifiability: string): VerificationMode {
  const v = verifiability.trim().toLowerCase();
  if (v === 'teeml') return 'TeeML';
  if (v === 'teetls') return 'TeeTLS';
  return 'none';
}

/** One line on what each mode proves, for the badge's explanation. */
export const MODE_EXPLANATION: Record<VerificationMode, string> = {
  TeeML: 'The model runs inside a TEE, which signs every response with a key registered on chain.',
  TeeTLS: 'A TEE broker relays to a centralized API over TLS and signs a proof of the route, request and response.',
  none: 'No TEE signature: responses cannot be verified.',
};
