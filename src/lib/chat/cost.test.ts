import { describe, expect, it } from 'vitest';
import { actualCost, estimateCost } from './cost';

const svc = { inputPrice: 50_000_000_000n, outputPrice: 100_000_000_000n };

describe('chat cost', () => {
  it('prices usage exactly in neuron', () => {
    expect(actualCost(svc, { prompt_tokens: 12, completion_tokens: 30 })).toBe(
      12n * 50_000_000_000n + 30n * 100_000_000_000n,
    );
  });
  it('estimates the whole context and the stated output allowance', () => {
    const e = estimateCost(svc, ['abcd'.repeat(10), 'hi'], 256);
    expect(e.inputTokens).toBe(10 + 4 + 1 + 4);
    expect(e.neuron).toBe(19n * svc.inputPrice + 256n * svc.outputPrice);
  });
});
