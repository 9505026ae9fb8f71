import { describe, expect, it } from 'vitest';
import { og } from '../units';
import { feeSentence, fineTuningFee } from './fee';

describe('fineTuningFee', () => {
  it('is tokens × price per token, like the devnet provider charges', () => {
    // devnet/catalogue.ts prices fine-tuning at 10^12 neuron a token.
    expect(fineTuningFee(41, 10n ** 12n)).toBe(41n * 10n ** 12n);
    expect(fineTuningFee(41n, 10n ** 12n)).toBe(41_000_000_000_000n);
    expect(fineTuningFee(0, 10n ** 12n)).toBe(0n);
  });

  it('multiplies by the epochs when given, exactly beyond 2^53', () => {
    expect(fineTuningFee(10_000, 500_000_000_000n, 3)).toBe(15_000_000_000_000_000n);
    expect(fineTuningFee(2n ** 60n, 10n ** 18n, 2n)).toBe(2n ** 61n * 10n ** 18n);
  });

  it('refuses fractional, negative or zero-epoch inputs', () => {
    expect(() => fineTuningFee(1.5, 1n)).toThrow(RangeError);
    expect(() => fineTuningFee(-1, 1n)).toThrow(/tokens must be at least 0/);
    expect(() => fineTuningFee(1, -1n)).toThrow(/pricePerToken/);
    expect(() => fineTuningFee(1, 1n, 0)).toThrow(/epochs must be at least 1/);
    expect(() => fineTuningFee(1, 1n, 0.5)).toThrow(/epochs must be a whole number/);
    expect(() => fineTuningFee(Number.NaN, 1n)).toThrow(RangeError);
  });
});

describe('feeSentence', () => {
  it('says the sum in neuron by default', () => {
    expect(feeSentence({ tokens: 1234, pricePerToken: 1000n })).toBe(
      'About 1,234 tokens at 1,000 neuron per token: 1,234,000 neuron.',
    );
  });

  it('names the epochs and takes a formatter', () => {
    const sentence = feeSentence({ tokens: 10_000n, pricePerToken: 10n ** 12n, epochs: 3, estimated: false }, (n) =>
      og(n, 18),
    );
    expect(sentence).toBe('10,000 tokens × 3 epochs at 0.000001 0G per token: 0.03 0G.');
    expect(feeSentence({ tokens: 1, pricePerToken: 5n, epochs: 1 })).toBe(
      'About 1 token at 5 neuron per token: 5 neuron.',
    );
  });
});
