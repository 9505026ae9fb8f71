import type { Service } from '../chain/services';
import type { Usage } from './sse';

/** What a message cost from the provider's usage report, in neuron. */
export function actualCost(service: Pick<Service, 'inputPrice' | 'outputPrice'>, usage: Usage): bigint {
  return BigInt(usage.prompt_tokens) * service.inputPrice + BigInt(usage.completion_tokens) * service.outputPrice;
}

/** Rough token count of text: about 4 characters per token, which is what the estimate states. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * Upper estimate before sending: the whole context goes in every request, and the answer is
 * assumed to use up to `maxTokens` output tokens.
 */
export function estimateCost(
  service: Pick<Service, 'inputPrice' | 'outputPrice'>,
  context: string[],
  maxTokens: number,
): { neuron: bigint; inputTokens: number; outputTokens: number } {
  // A few tokens per message for roles and separators.
  const inputTokens = context.reduce((n, t) => n + estimateTokens(t) + 4, 0);
  return {
    neuron: BigInt(inputTokens) * service.inputPrice + BigInt(maxTokens) * service.outputPrice,
    inputTokens,
    outputTokens: maxTokens,
  };
}
