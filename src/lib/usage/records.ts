import type { Conversation, StoredVerification } from '../chat/types';
import type { MediaItem } from '../media/types';

/** Which studio produced a record: the chat, the image studio or the speech studio. */
export type UsageKind = 'chat' | 'image' | 'transcript';

/** How an answer's check ended, in the groups the usage figures count. */
export type VerdictBucket = 'verified' | 'mismatch' | 'failed' | 'not-verifiable' | 'unchecked';

/** Every bucket, in the order the figures list them. */
export const VERDICT_BUCKETS: readonly VerdictBucket[] = [
  'verified',
  'mismatch',
  'failed',
  'not-verifiable',
  'unchecked',
];

/** One request to a provider as this browser recorded it; only what the stores really hold. */
export interface UsageRecord {
  /** Lowercase address. */
  provider: string;
  kind: UsageKind;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** False when the provider sent nothing back (a refusal, a declined signature, an HTTP error). */
  answered: boolean;
  verdict: VerdictBucket;
  /** From pressing Send to the last byte, signature included. */
  latencyMs: number | null;
  /** Chat: from sending the request to the first answer text (answers saved before it was recorded: null). */
  firstTokenMs: number | null;
  /** Chat: from the first answer text to the last byte. */
  streamMs: number | null;
  /** Output tokens the provider reported (chat only). */
  outputTokens: number | null;
  /** What the app computed the request cost, in neuron (not yet what the chain settled). */
  cost: bigint | null;
}

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const NEURON = /^\d{1,40}$/;

const time = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null);
const count = (v: unknown): number | null => (Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : null);
const neuron = (v: unknown): bigint | null => (typeof v === 'string' && NEURON.test(v) ? BigInt(v) : null);

/**
 * The group a stored verdict counts in. A verdict carried in by an import was not checked in this
 * browser, and one still "verifying" or "unavailable" was never settled: neither is counted as a result.
 */
export function verdictBucket(v: StoredVerification | undefined): VerdictBucket {
  if (!v || typeof v !== 'object' || v.imported === true) return 'unchecked';
  switch (v.state) {
    case 'verified':
      return 'verified';
    case 'content-mismatch':
      return 'mismatch';
    case 'failed':
      return 'failed';
    case 'not-verifiable':
      return 'not-verifiable';
    default:
      return 'unchecked';
  }
}

/** Every assistant turn of the saved conversations that names a provider, one record each. */
export function chatRecords(conversations: readonly Conversation[]): UsageRecord[] {
  return conversations.flatMap((c) =>
    (Array.isArray(c.messages) ? c.messages : []).flatMap((m): UsageRecord[] => {
      if (m.role !== 'assistant' || typeof m.provider !== 'string' || !ADDRESS.test(m.provider)) return [];
      // An error with no text means nothing came back; an error after some text is an interrupted answer.
      const answered = m.status !== 'error' || (typeof m.content === 'string' && m.content !== '');
      return [
        {
          provider: m.provider.toLowerCase(),
          kind: 'chat',
          createdAt: time(m.createdAt) ?? 0,
          answered,
          verdict: verdictBucket(m.verification),
          latencyMs: answered ? time(m.latencyMs) : null,
          firstTokenMs: answered ? time(m.firstTokenMs) : null,
          streamMs: answered ? time(m.streamMs) : null,
          outputTokens: count(m.usage?.completion_tokens),
          cost: neuron(m.cost),
        },
      ];
    }),
  );
}

/** Every saved picture and transcript (the studios save only what a provider answered), one record each. */
export function mediaRecords(items: readonly MediaItem[]): UsageRecord[] {
  return items.flatMap((item): UsageRecord[] => {
    if (typeof item.provider !== 'string' || !ADDRESS.test(item.provider)) return [];
    if (item.kind !== 'image' && item.kind !== 'transcript') return [];
    return [
      {
        provider: item.provider.toLowerCase(),
        kind: item.kind,
        createdAt: time(item.createdAt) ?? 0,
        answered: true,
        verdict: verdictBucket(item.verification),
        latencyMs: time(item.latencyMs),
        firstTokenMs: null,
        streamMs: null,
        outputTokens: null,
        cost: neuron(item.cost),
      },
    ];
  });
}
