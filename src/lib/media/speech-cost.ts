import type { Service } from '../chain/services';
import { actualCost } from '../chat/cost';
import type { Usage } from '../chat/sse';
import { priceUnit } from '../pricing';
import { formatDuration } from './audio-file';

/** The service fields a speech price depends on. */
export type SpeechPricing = Pick<Service, 'serviceType' | 'additionalInfo' | 'inputPrice' | 'outputPrice'>;

// The assumptions of the estimate, kept together so they are easy to change and to state.
/** Bytes a second assumed when the length is unknown: about a 128 kbit/s compressed recording. */
export const ASSUMED_BYTES_PER_SECOND = 16_000;
/** Audio input tokens as Whisper-style providers report them: about 10 a second. */
export const AUDIO_TOKENS_PER_SECOND = 10;
/** A generous bound on speech: 4 words a second, 2 tokens a word. */
export const TEXT_TOKENS_PER_SECOND = 4 * 2;
/** A floor on the output bound, so a clip of a second or two still leaves room for a sentence. */
export const MIN_TEXT_TOKENS = 50;

export interface SpeechEstimate {
  /** The most the request should cost, in neuron. */
  neuron: bigint;
  /** The whole seconds priced (the length rounded up, or the length guessed from the size). */
  seconds: number;
  durationKnown: boolean;
  /** What the estimate assumes, as a sentence for the UI. */
  assumption: string;
}

/** A length in whole seconds, rounded up; a microsecond over is float noise (30.0000000004 s is 30 s). */
const wholeSeconds = (durationS: number) => Math.max(0, Math.ceil(durationS - 1e-6));

/** Both price columns count per second: a provider may fill either, and the sum is an upper bound. */
const perSecondPrice = (service: SpeechPricing) => service.inputPrice + service.outputPrice;

/**
 * An upper bound on what transcribing a recording costs, before sending it. Per-second services:
 * the length rounded up to whole seconds times the price. Per-token services: 10 audio tokens a
 * second in, and at most 8 text tokens a second (at least 50) out. An unknown length is guessed
 * from the file size at 16 kB a second.
 */
export function speechEstimate(
  service: SpeechPricing,
  { durationS, bytes }: { durationS: number | null; bytes: number },
): SpeechEstimate {
  if (!Number.isSafeInteger(bytes) || bytes < 0) throw new Error('The file size must be a whole number of bytes.');
  const durationKnown = durationS !== null && Number.isFinite(durationS) && durationS >= 0;
  const seconds = durationKnown ? wholeSeconds(durationS) : Math.ceil(bytes / ASSUMED_BYTES_PER_SECOND);
  const length = durationKnown
    ? `${formatDuration(seconds)} of audio`
    : `about ${formatDuration(seconds)} of audio (its length is unknown, so it is guessed from the file size at 16 kB a second)`;

  if (priceUnit(service.serviceType, service.additionalInfo) === 'second')
    return {
      neuron: BigInt(seconds) * perSecondPrice(service),
      seconds,
      durationKnown,
      assumption: `Priced per second: ${length}, rounded up to whole seconds.`,
    };

  const inputTokens = seconds * AUDIO_TOKENS_PER_SECOND;
  const outputTokens = Math.max(MIN_TEXT_TOKENS, seconds * TEXT_TOKENS_PER_SECOND);
  return {
    neuron: BigInt(inputTokens) * service.inputPrice + BigInt(outputTokens) * service.outputPrice,
    seconds,
    durationKnown,
    assumption:
      `Priced per token: ${length} at about ${AUDIO_TOKENS_PER_SECOND} audio tokens a second in, and at most ` +
      `${outputTokens} text tokens out (about 4 words a second).`,
  };
}

/**
 * What a transcription cost, in neuron, once answered: per-token services from the provider's
 * usage, per-second services from the length the answer states (`SpeechExchange.durationS`),
 * rounded up to whole seconds as estimated. Null when the answer lacks what the price needs.
 */
export function speechCost(
  service: SpeechPricing,
  usage: Usage | null,
  durationS: number | null = null,
): bigint | null {
  if (priceUnit(service.serviceType, service.additionalInfo) === 'second') {
    if (durationS === null || !Number.isFinite(durationS) || durationS < 0) return null;
    return BigInt(wholeSeconds(durationS)) * perSecondPrice(service);
  }
  return usage ? actualCost(service, usage) : null;
}
