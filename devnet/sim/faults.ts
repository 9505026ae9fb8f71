/** Faults a test can switch on per provider through the control endpoint. They live only here. */
export interface Faults {
  /** Added before a provider answers an inference request. */
  latencyMs: number;
  /** Streams only: wait this long before the first event. */
  firstTokenDelayMs: number;
  /** Answer inference requests with HTTP 500. */
  http500: boolean;
  /** Answer inference requests with 429 rate_limited and no Retry-After header, as some gateways do. */
  http429NoRetryAfter: boolean;
  /** Streams only: end the stream after this many events, without the rest or [DONE] (no signature is kept). */
  cutStreamAfter: number | null;
  /** Streams only: send one event that is not valid JSON in the middle of the stream. */
  malformedEvent: boolean;
  /** The signature endpoint answers 503. */
  signatureDown: boolean;
  /** What `/v1/quote` serves: a good report, one naming another signer, or a compose hash mismatch. */
  quote: 'good' | 'bad-signer' | 'bad-compose';
  /** Every inference route signs the honest answer but sends altered bytes. */
  tamper: boolean;
  /** Every inference route signs with a key that is not the registered TEE signer. */
  rogueSigner: boolean;
  /** Image routes only: what the `data` entries hold (see IMAGE_ANSWERS). */
  imageAnswer: ImageAnswer;
  /** Speech only: `response_format=verbose_json` answers 400, as providers without it do. */
  refuseVerboseJson: boolean;
  /** Whole provider: every route (`/v1/proxy/models` included) waits this long before answering. */
  slowMs: number;
  /** Whole provider: every route's connection is dropped unanswered, as when the host is gone. */
  down: boolean;
}

/**
 * Image answers: the honest one, a link to the simulator's own file whatever format was asked,
 * and links or bytes an app must refuse to show. All are signed over the bytes sent.
 */
export const IMAGE_ANSWERS = ['honest', 'url', 'javascript-url', 'data-html-url', 'http-url', 'not-image'] as const;
export type ImageAnswer = (typeof IMAGE_ANSWERS)[number];

export const NO_FAULTS: Readonly<Faults> = Object.freeze({
  latencyMs: 0,
  firstTokenDelayMs: 0,
  http500: false,
  http429NoRetryAfter: false,
  cutStreamAfter: null,
  malformedEvent: false,
  signatureDown: false,
  quote: 'good',
  tamper: false,
  rogueSigner: false,
  imageAnswer: 'honest',
  refuseVerboseJson: false,
  slowMs: 0,
  down: false,
});

const QUOTES = new Set(['good', 'bad-signer', 'bad-compose']);

function oneOf<T extends string>(key: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new Error(`${key} must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** Merges a control request into the current faults, rejecting unknown keys and bad values. */
export function mergeFaults(current: Faults, patch: Record<string, unknown>): Faults {
  const next: Faults = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    switch (key) {
      case 'latencyMs':
      case 'firstTokenDelayMs':
      case 'slowMs':
        if (typeof value !== 'number' || value < 0 || value > 600_000) throw new Error(`${key} must be 0..600000 ms`);
        next[key] = value;
        break;
      case 'http500':
      case 'http429NoRetryAfter':
      case 'malformedEvent':
      case 'signatureDown':
      case 'tamper':
      case 'rogueSigner':
      case 'refuseVerboseJson':
      case 'down':
        if (typeof value !== 'boolean') throw new Error(`${key} must be true or false`);
        next[key] = value;
        break;
      case 'cutStreamAfter':
        if (value !== null && (typeof value !== 'number' || value < 0))
          throw new Error('cutStreamAfter must be null or >= 0');
        next.cutStreamAfter = value;
        break;
      case 'quote':
        if (typeof value !== 'string' || !QUOTES.has(value))
          throw new Error('quote must be good, bad-signer or bad-compose');
        next.quote = value as Faults['quote'];
        break;
      case 'imageAnswer':
        next.imageAnswer = oneOf(key, value, IMAGE_ANSWERS);
        break;
      default:
        throw new Error(`Unknown fault "${key}"`);
    }
  }
  return next;
}
