import { formatEther, getAddress } from 'viem';
import type { ManifestProvider } from '../devnet/manifest';

// What a person should read about a manifest provider, worked out from the manifest on its own
// (not with the app's helpers), so a wrong price or label in the app fails the specs.

/** The service-type label on a card. */
export const TYPE_TEXT: Record<string, string> = {
  chatbot: 'Chat',
  'text-to-image': 'Text to image',
  'image-editing': 'Image editing',
  'speech-to-text': 'Speech to text',
};

/** A card's accessible name: "<model> by <checksummed provider address>". */
export const cardName = (p: Pick<ManifestProvider, 'model' | 'address'>): string =>
  `${p.model} by ${getAddress(p.address)}`;

/** "0x1234…abcd", as cards show the provider. */
export const shortAddress = (address: string): string => `${address.slice(0, 6)}…${address.slice(-4)}`;

const isImage = (p: ManifestProvider) => p.serviceType === 'text-to-image' || p.serviceType === 'image-editing';

/** Input and output price as a card shows them: per 1M tokens (chat, speech) or per image. */
export function priceTexts(p: ManifestProvider): [string, string] {
  const label = (neuron: string) =>
    isImage(p)
      ? `${formatEther(BigInt(neuron))} 0G per image`
      : `${formatEther(BigInt(neuron) * 1_000_000n)} 0G per 1M tokens`;
  return [label(p.inputPrice), label(p.outputPrice)];
}

/** What 500 input plus 500 output tokens cost: the marketplace's price order for chat providers. */
export const chatCost = (p: ManifestProvider): bigint => 500n * BigInt(p.inputPrice) + 500n * BigInt(p.outputPrice);
