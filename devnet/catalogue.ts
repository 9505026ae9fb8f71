import type { Behavior, ServiceType } from './manifest.js';

/** 0G has 18 decimals: prices below are neuron, written from 0G amounts for readability. */
const OG = 10n ** 18n;
const perMillionTokens = (og: number): bigint => (BigInt(Math.round(og * 1e6)) * OG) / 10n ** 12n;

export interface ProviderSpec {
  name: string;
  serviceType: ServiceType;
  model: string;
  verifiability: 'TeeML' | 'TeeTLS';
  /** neuron per input unit (token for chat) */
  inputPrice: bigint;
  /** neuron per output unit (token for chat and speech, image for image services) */
  outputPrice: bigint;
  behavior: Behavior;
  /** TeeTLS brokers are marked `ProviderType: "centralized"` and name the upstream they relay to. */
  upstream?: string;
  /** Whether the model streams `reasoning_content` before its answer. */
  reasoning?: boolean;
}

/**
 * The devnet's inference providers. Prices: chat per token (quoted per 1M tokens),
 * images per image in the output price (as the public service table shows them),
 * speech per output token.
 */
export const INFERENCE_PROVIDERS: readonly ProviderSpec[] = [
  {
    name: 'chat-a',
    serviceType: 'chatbot',
    model: 'qwen/qwen-2.5-7b-instruct',
    verifiability: 'TeeML',
    inputPrice: perMillionTokens(0.05),
    outputPrice: perMillionTokens(0.1),
    behavior: 'honest',
  },
  {
    name: 'chat-b',
    serviceType: 'chatbot',
    model: 'deepseek/deepseek-r1-distill-llama-70b',
    verifiability: 'TeeML',
    inputPrice: perMillionTokens(0.12),
    outputPrice: perMillionTokens(0.4),
    behavior: 'honest',
    reasoning: true,
  },
  {
    name: 'chat-tls',
    serviceType: 'chatbot',
    model: 'openai/gpt-4o-mini',
    verifiability: 'TeeTLS',
    inputPrice: perMillionTokens(0.15),
    outputPrice: perMillionTokens(0.6),
    behavior: 'honest',
    upstream: 'api.openai.com',
  },
  {
    name: 'image',
    serviceType: 'text-to-image',
    model: 'black-forest-labs/flux-1-schnell',
    verifiability: 'TeeML',
    inputPrice: 0n,
    outputPrice: (3n * OG) / 1000n,
    behavior: 'honest',
  },
  {
    name: 'image-b',
    serviceType: 'text-to-image',
    model: 'z-image/z-image-turbo',
    verifiability: 'TeeML',
    inputPrice: 0n,
    outputPrice: (2n * OG) / 1000n,
    behavior: 'honest',
  },
  {
    name: 'image-edit',
    serviceType: 'image-editing',
    model: 'qwen/qwen-image-edit',
    verifiability: 'TeeML',
    inputPrice: 0n,
    outputPrice: (5n * OG) / 1000n,
    behavior: 'honest',
  },
  {
    name: 'speech',
    serviceType: 'speech-to-text',
    model: 'openai/whisper-large-v3',
    verifiability: 'TeeML',
    inputPrice: 0n,
    outputPrice: perMillionTokens(2),
    behavior: 'honest',
  },
  {
    name: 'rogue-signer',
    serviceType: 'chatbot',
    model: 'meta-llama/llama-3.1-8b-instruct',
    verifiability: 'TeeML',
    inputPrice: perMillionTokens(0.02),
    outputPrice: perMillionTokens(0.05),
    behavior: 'rogue-signer',
  },
  {
    name: 'tamper',
    serviceType: 'chatbot',
    model: 'google/gemma-3-27b-it',
    verifiability: 'TeeML',
    inputPrice: perMillionTokens(0.08),
    outputPrice: perMillionTokens(0.16),
    behavior: 'tamper',
  },
];

export interface FineTuningModel {
  name: string;
  /** The SDK maps these names to fixed model hashes (MODEL_HASH_MAP, turbo) and sends the hash. */
  hash: string;
  description: string;
}

export const FINE_TUNING = {
  name: 'finetune',
  /** neuron per dataset token */
  pricePerToken: 10n ** 12n,
  quota: { cpuCount: 16n, nodeMemory: 64n, gpuCount: 1n, nodeStorage: 500n, gpuType: 'H100' },
  models: [
    {
      name: 'Qwen2.5-0.5B-Instruct',
      hash: '0xb4f76a886b8655c92bb021922d60b5e4d9271a5c9da98b6cb10937a06c2c75a7',
      description: 'Compact instruction-tuned model for LoRA fine-tuning (simulated).',
    },
    {
      name: 'Qwen3-32B',
      hash: '0x2e6f9620c35bdcb2b753cc7aa34e78077a8ed133e36fa36008fd6bdfd29af3a5',
      description: '32B model with thinking/non-thinking modes, LoRA fine-tuning (simulated).',
    },
  ] satisfies FineTuningModel[],
} as const;

/** The `additionalInfo` JSON a provider registers: dstack TEE, combined broker + model node. */
export function additionalInfo(spec: ProviderSpec): string {
  const info: Record<string, unknown> = {
    TEEVerifier: 'dstack',
    TargetSeparated: false,
    VerifierURL: 'https://github.com/Dstack-TEE/dstack/tree/master/verifier',
    ImageName: 'simulated/0g-serving-broker',
    Devnet: true,
  };
  if (spec.verifiability === 'TeeTLS') {
    info.ProviderType = 'centralized';
    info.Upstream = spec.upstream;
  }
  return JSON.stringify(info);
}
