import { formatOg } from './units';

export type ServiceType = 'chatbot' | 'text-to-image' | 'image-editing' | 'speech-to-text';
export type PriceUnit = 'token' | 'image' | 'second';

export interface PriceLabel {
  /** e.g. "0.05 0G" */
  amount: string;
  /** e.g. "per 1M tokens" */
  per: string;
}

const MILLION = 1_000_000n;

/**
 * The unit a provider charges in, per service type: chat per token, images per image, speech per
 * token unless the provider's additionalInfo says it prices per second of audio.
 */
export function priceUnit(serviceType: string, additionalInfo = ''): PriceUnit {
  if (serviceType === 'text-to-image' || serviceType === 'image-editing') return 'image';
  if (serviceType === 'speech-to-text') {
    try {
      const info = JSON.parse(additionalInfo) as { PriceUnit?: unknown };
      if (typeof info.PriceUnit === 'string' && /^(per[_ -]?)?seconds?$/i.test(info.PriceUnit)) return 'second';
    } catch {
      // not JSON: no hint, keep the default
    }
  }
  return 'token';
}

/** A price in neuron per unit, shown the way people compare it: tokens per million, images and seconds each. */
export function priceLabel(neuronPerUnit: bigint, unit: PriceUnit): PriceLabel {
  if (unit === 'token') return { amount: `${formatOg(neuronPerUnit * MILLION)} 0G`, per: 'per 1M tokens' };
  return { amount: `${formatOg(neuronPerUnit)} 0G`, per: unit === 'image' ? 'per image' : 'per second' };
}

/** Sort key for "sort by price": what a typical request costs (chat: 500 in + 500 out tokens). */
export function typicalCost(serviceType: string, inputPrice: bigint, outputPrice: bigint): bigint {
  if (serviceType === 'chatbot') return 500n * inputPrice + 500n * outputPrice;
  if (serviceType === 'text-to-image' || serviceType === 'image-editing') return inputPrice + outputPrice;
  return inputPrice + 100n * outputPrice;
}
