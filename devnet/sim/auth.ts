import { getAddress, keccak256, toUtf8Bytes, type Contract } from 'ethers';
import { digestSigners } from './signed-digest.js';
import { HttpError } from './http.js';

/** What the SDK signs (PROTOCOL.md, "Inference request path" step 2). */
export interface SessionToken {
  address: string;
  provider: string;
  timestamp: number;
  expiresAt: number;
  nonce: string;
  generation: number;
  tokenId: number;
}

const EPHEMERAL_TOKEN_ID = 255;

/** Decodes `Bearer app-sk-<base64(tokenJSON|signature)>` and checks the signature; throws 401. */
export function decodeToken(authorization: string | undefined): SessionToken {
  const raw = authorization?.match(/^Bearer\s+app-sk-(.+)$/)?.[1];
  if (!raw)
    throw new HttpError(401, 'Missing or malformed Authorization header: expected "Bearer app-sk-…"', 'invalid_token');
  const decoded = Buffer.from(raw, 'base64').toString('utf8');
  const cut = decoded.lastIndexOf('|');
  if (cut < 0) throw new HttpError(401, 'The app-sk token is malformed', 'invalid_token');
  const message = decoded.slice(0, cut);
  const signature = decoded.slice(cut + 1);
  let token: SessionToken;
  try {
    token = JSON.parse(message) as SessionToken;
  } catch {
    throw new HttpError(401, 'The app-sk token is malformed', 'invalid_token');
  }
  let signers: string[];
  try {
    // The SDK personal_signs keccak256(tokenJSON) as ethers' toBeArray (leading zero bytes dropped).
    signers = digestSigners(keccak256(toUtf8Bytes(message)), signature);
  } catch {
    throw new HttpError(401, 'The app-sk token signature is invalid', 'invalid_token');
  }
  if (typeof token.address !== 'string' || !signers.some((s) => s.toLowerCase() === token.address.toLowerCase())) {
    throw new HttpError(401, 'The app-sk token was not signed by its user', 'invalid_token');
  }
  return token;
}

interface AccountView {
  balance: bigint;
  pendingRefund: bigint;
  acknowledged: boolean;
  generation: bigint;
  revokedBitmap: bigint;
}

/**
 * Checks a token like a real provider broker: addressed to this provider, not expired, same
 * generation as the chain (revocation), tokenId not revoked, sub-account present and acknowledged.
 * Returns the user's address and locked balance.
 */
export async function authorize(
  authorization: string | undefined,
  providerAddress: string,
  inference: Contract,
): Promise<{ user: string; available: bigint }> {
  const token = decodeToken(authorization);
  if (getAddress(token.provider) !== getAddress(providerAddress)) {
    throw new HttpError(401, 'The app-sk token was issued for a different provider', 'invalid_token');
  }
  if (token.expiresAt !== 0 && token.expiresAt < Date.now()) {
    throw new HttpError(401, 'The app-sk token has expired: request new headers', 'token_expired');
  }
  const user = getAddress(token.address);
  let account: AccountView;
  try {
    account = (await inference.getFunction('getAccount')(user, providerAddress)) as AccountView;
  } catch {
    throw new HttpError(
      403,
      'No sub-account with this provider: transfer funds from your ledger to this provider first',
      'account_not_found',
    );
  }
  if (BigInt(token.generation) !== account.generation) {
    throw new HttpError(401, 'The app-sk token was revoked: request new headers', 'token_revoked');
  }
  if (token.tokenId !== EPHEMERAL_TOKEN_ID && (account.revokedBitmap >> BigInt(token.tokenId)) & 1n) {
    throw new HttpError(401, `API key ${token.tokenId} was revoked`, 'token_revoked');
  }
  if (!account.acknowledged) {
    throw new HttpError(
      403,
      "This sub-account has not acknowledged the provider's TEE signer: acknowledge the provider first",
      'account_not_acknowledged',
    );
  }
  return { user, available: account.balance - account.pendingRefund };
}
