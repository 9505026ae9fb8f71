import { getAddress, type Address } from 'viem';
import type { Network } from '../chain/networks';
import type { Service } from '../chain/services';
import type { ServiceType } from '../pricing';

/**
 * What every snippet is filled in with: one provider on one network. All of it comes from the
 * chain or the app's network table; the model and URL are a provider's own words, so the
 * generators only ever place them inside string literals escaped for their language.
 */
export interface SnippetTarget {
  networkName: string;
  chainId: number;
  rpcUrl: string;
  contracts: { ledger: Address; inference: Address; fineTuning: Address };
  provider: Address;
  serviceType: ServiceType;
  /** The provider's OpenAI-compatible base URL: its service URL + `/v1/proxy`, as getServiceMetadata gives it. */
  endpoint: string;
  model: string;
}

const TYPES: readonly ServiceType[] = ['chatbot', 'text-to-image', 'image-editing', 'speech-to-text'];

/** The target for a service, or null for a service type no snippet covers. */
export function snippetTarget(service: Service, network: Network): SnippetTarget | null {
  const serviceType = TYPES.find((t) => t === service.serviceType);
  if (!serviceType) return null;
  return {
    networkName: network.chain.name,
    chainId: network.chain.id,
    rpcUrl: network.chain.rpcUrls.default.http[0] ?? '',
    contracts: {
      ledger: getAddress(network.contracts.ledger),
      inference: getAddress(network.contracts.inference),
      fineTuning: getAddress(network.contracts.fineTuning),
    },
    provider: getAddress(service.provider),
    serviceType,
    endpoint: `${service.url.replace(/\/+$/, '')}/v1/proxy`,
    model: service.model,
  };
}

/** A string literal for JavaScript and TypeScript (and JSON). */
export const jsString = (s: string) => JSON.stringify(s);

/** A string literal for Python: JSON's escapes are all valid Python escapes. */
export const pyString = (s: string) => JSON.stringify(s);

/** One shell word, single-quoted: nothing inside is expanded. */
export const shellWord = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;
