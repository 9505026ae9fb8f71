import { getAddress, type Address } from 'viem';
import type { Service } from '../chain/services';
import type { SignerSource } from '../verify/response';

/**
 * The address whose signature a response must carry, and where it came from: the service's TEE
 * signer, or the separate inference TEE named in additionalInfo when the provider runs its model
 * apart from the broker (as the SDK reads it; never for a centralized TeeTLS broker).
 */
export function expectedSignerOf(service: Service): { address: Address; source: SignerSource } {
  try {
    const info = JSON.parse(service.additionalInfo) as {
      TargetSeparated?: unknown;
      TargetTeeAddress?: unknown;
      ProviderType?: unknown;
    };
    if (
      info.TargetSeparated === true &&
      info.ProviderType !== 'centralized' &&
      typeof info.TargetTeeAddress === 'string' &&
      /^0x[0-9a-fA-F]{40}$/.test(info.TargetTeeAddress)
    )
      return { address: getAddress(info.TargetTeeAddress), source: 'additional-info' };
  } catch {
    // not JSON: the registered signer
  }
  return { address: service.teeSignerAddress, source: 'contract' };
}

/** The address whose signature a response must carry (see expectedSignerOf for where it comes from). */
export function expectedSigner(service: Service): Address {
  return expectedSignerOf(service).address;
}

export interface SignedText {
  text: string;
  signature: string;
}

/**
 * Fetches what the provider signed for a chat ID. Throws when the endpoint cannot be reached or
 * answers an error: the caller shows "Verification unavailable" with a retry.
 */
export async function fetchSignedText(serviceUrl: string, chatId: string, model: string): Promise<SignedText> {
  const url = `${serviceUrl}/v1/proxy/signature/${encodeURIComponent(chatId)}?model=${encodeURIComponent(model)}`;
  const res = await fetch(url);
  if (!res.ok) throw new Error(`The signature endpoint answered HTTP ${res.status}.`);
  const body = (await res.json()) as { text?: unknown; signature?: unknown };
  if (typeof body.text !== 'string' || typeof body.signature !== 'string')
    throw new Error('The signature endpoint answered without a text and a signature.');
  return { text: body.text, signature: body.signature };
}
