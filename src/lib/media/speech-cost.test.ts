import { describe, expect, it } from 'vitest';
import { speechCost, speechEstimate, type SpeechPricing } from './speech-cost';

const OG = 10n ** 18n;
// The devnet's speech provider: free audio in, 2 0G per million text tokens out.
const perToken: SpeechPricing = {
  serviceType: 'speech-to-text',
  additionalInfo: '{"TEEVerifier":"dstack"}',
  inputPrice: 3n,
  outputPrice: (2n * OG) / 1_000_000n,
};
const perSecond: SpeechPricing = {
  serviceType: 'speech-to-text',
  additionalInfo: '{"PriceUnit":"per_second"}',
  inputPrice: OG / 1000n,
  outputPrice: 7n,
};

describe('speechEstimate, per token', () => {
  it('prices 10 audio tokens a second in and 8 text tokens a second out', () => {
    const e = speechEstimate(perToken, { durationS: 60, bytes: 1 });
    expect(e.seconds).toBe(60);
    expect(e.neuron).toBe(600n * 3n + 480n * perToken.outputPrice);
    expect(e.durationKnown).toBe(true);
    expect(e.assumption).toBe(
      'Priced per token: 1 min of audio at about 10 audio tokens a second in, and at most 480 text tokens out (about 4 words a second).',
    );
  });

  it('rounds the length up to whole seconds, ignoring float noise', () => {
    expect(speechEstimate(perToken, { durationS: 2.0001, bytes: 0 }).seconds).toBe(3);
    expect(speechEstimate(perToken, { durationS: 30.0000000004, bytes: 0 }).seconds).toBe(30);
  });

  it('leaves room for at least 50 text tokens on a short clip', () => {
    const e = speechEstimate(perToken, { durationS: 1, bytes: 0 });
    expect(e.neuron).toBe(10n * 3n + 50n * perToken.outputPrice);
    expect(e.assumption).toContain('at most 50 text tokens out');
  });

  it('guesses an unknown length from the size at 16 kB a second, and says so', () => {
    const e = speechEstimate(perToken, { durationS: null, bytes: 16_000 * 90 + 1 });
    expect(e).toMatchObject({ seconds: 91, durationKnown: false });
    expect(e.neuron).toBe(910n * 3n + 728n * perToken.outputPrice);
    expect(e.assumption).toContain('about 1 min 31 s of audio (its length is unknown');
    expect(speechEstimate(perToken, { durationS: NaN, bytes: 32_000 }).seconds).toBe(2);
    expect(speechEstimate(perToken, { durationS: -4, bytes: 32_000 }).durationKnown).toBe(false);
  });

  it('stays an upper bound of what the devnet charges for the same audio', () => {
    // The devnet charges ceil(duration × 10) input tokens and its transcript's tokens out.
    for (const duration of [0.4, 1, 7.25, 61.5, 1800]) {
      const charged = BigInt(Math.ceil(duration * 10)) * perToken.inputPrice + 40n * perToken.outputPrice;
      expect(speechEstimate(perToken, { durationS: duration, bytes: 0 }).neuron >= charged).toBe(true);
    }
  });

  it('refuses a size that is not a whole number of bytes', () => {
    expect(() => speechEstimate(perToken, { durationS: 1, bytes: 1.5 })).toThrow('whole number of bytes');
    expect(() => speechEstimate(perToken, { durationS: 1, bytes: -1 })).toThrow('whole number of bytes');
  });
});

describe('speechEstimate, per second', () => {
  it('is whole seconds times both price columns', () => {
    const e = speechEstimate(perSecond, { durationS: 12.3, bytes: 5 });
    expect(e.seconds).toBe(13);
    expect(e.neuron).toBe(13n * (OG / 1000n + 7n));
    expect(e.assumption).toBe('Priced per second: 13 s of audio, rounded up to whole seconds.');
  });

  it('guesses from the size when the length is unknown', () => {
    const e = speechEstimate(perSecond, { durationS: null, bytes: 160_000 });
    expect(e.neuron).toBe(10n * (OG / 1000n + 7n));
    expect(e.assumption).toContain('guessed from the file size at 16 kB a second');
  });
});

describe('speechCost', () => {
  const usage = { prompt_tokens: 52, completion_tokens: 9, total_tokens: 61 };

  it('prices a per-token answer from its usage', () => {
    expect(speechCost(perToken, usage)).toBe(52n * 3n + 9n * perToken.outputPrice);
    expect(speechCost(perToken, null, 12)).toBeNull();
  });

  it('prices a per-second answer from the audio length, as the estimate does', () => {
    expect(speechCost(perSecond, usage, 5.2)).toBe(6n * (OG / 1000n + 7n));
    expect(speechCost(perSecond, usage, 5.2)).toBe(speechEstimate(perSecond, { durationS: 5.2, bytes: 0 }).neuron);
    expect(speechCost(perSecond, usage, null)).toBeNull();
    expect(speechCost(perSecond, usage, Infinity)).toBeNull();
  });
});
