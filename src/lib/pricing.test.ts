import { describe, expect, it } from 'vitest';
import { priceLabel, priceUnit, typicalCost } from './pricing';

const OG = 10n ** 18n;

describe('priceUnit', () => {
  it('is per token for chat, per image for image services', () => {
    expect(priceUnit('chatbot')).toBe('token');
    expect(priceUnit('text-to-image')).toBe('image');
    expect(priceUnit('image-editing')).toBe('image');
  });

  it('is per token for speech unless the provider says per second', () => {
    expect(priceUnit('speech-to-text')).toBe('token');
    expect(priceUnit('speech-to-text', '{"PriceUnit":"second"}')).toBe('second');
    expect(priceUnit('speech-to-text', '{"PriceUnit":"per_second"}')).toBe('second');
    expect(priceUnit('speech-to-text', 'not json')).toBe('token');
  });
});

describe('priceLabel', () => {
  it('quotes chat prices per million tokens, exactly', () => {
    expect(priceLabel(50_000_000_000n, 'token')).toEqual({ amount: '0.05 0G', per: 'per 1M tokens' });
    expect(priceLabel(0n, 'token')).toEqual({ amount: '0 0G', per: 'per 1M tokens' });
  });

  it('quotes images and seconds each', () => {
    expect(priceLabel((3n * OG) / 1000n, 'image')).toEqual({ amount: '0.003 0G', per: 'per image' });
    expect(priceLabel(OG / 100n, 'second')).toEqual({ amount: '0.01 0G', per: 'per second' });
  });
});

describe('typicalCost', () => {
  it('orders chat providers by 500 input + 500 output tokens', () => {
    expect(typicalCost('chatbot', 2n, 3n)).toBe(2500n);
    expect(typicalCost('chatbot', 5n, 10n)).toBeLessThan(typicalCost('chatbot', 12n, 40n));
    expect(typicalCost('chatbot', 1n, 10n)).toBe(typicalCost('chatbot', 10n, 1n));
  });

  it('uses the per-image price for image services', () => {
    expect(typicalCost('text-to-image', 0n, 7n)).toBe(7n);
  });
});
