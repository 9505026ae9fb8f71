import { typicalCost } from '../pricing';

/** The request a runway counts in, stated next to the figure. */
export function runwayAssumption(serviceType: string): string {
  if (serviceType === 'chatbot') return 'a typical request of 500 input + 500 output tokens';
  if (serviceType === 'text-to-image' || serviceType === 'image-editing') return 'one image per request';
  if (serviceType === 'speech-to-text') return 'a typical transcript of 100 output tokens';
  return 'a typical request';
}

/** Requests a sub-account balance still covers; null when the service charges nothing per request. */
export function runway(usable: bigint, serviceType: string, inputPrice: bigint, outputPrice: bigint): bigint | null {
  const cost = typicalCost(serviceType, inputPrice, outputPrice);
  if (cost <= 0n) return null;
  return usable > 0n ? usable / cost : 0n;
}

/** Below this many typical requests the account page warns and offers a transfer. */
export const LOW_RUNWAY = 20n;
