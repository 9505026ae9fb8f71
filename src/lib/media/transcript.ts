import type { Usage } from '../chat/sse';
import { transcriptionDuration, transcriptionUsage } from '../inference/speech-request';

/** One timed piece of a transcript, in seconds from the start of the audio. Text is untrusted. */
export interface Segment {
  id: number;
  start: number;
  end: number;
  text: string;
}

/** A transcription answer, checked: everything in it came from the provider and is shown as text only. */
export interface Transcript {
  text: string;
  /** As the provider names it ("en", "english"); null when it gives none. */
  language: string | null;
  durationS: number | null;
  /** Null when the answer has no segments (a `json` answer); an empty list when none of them was usable. */
  segments: Segment[] | null;
  usage: Usage | null;
}

const NOT_A_TRANSCRIPT = 'The provider’s answer is not a transcription';
const MAX_LANGUAGE = 40;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** The segments that can be shown and timed: finite times, start ≤ end, in order of start; others dropped. */
function checkedSegments(value: unknown): Segment[] | null {
  if (!Array.isArray(value)) return null;
  const out: Segment[] = [];
  for (const s of value as unknown[]) {
    if (!isObject(s) || !isTime(s.start) || !isTime(s.end) || s.start > s.end || typeof s.text !== 'string') continue;
    // A segment starting before the one kept last is out of order; the player could not follow it.
    const last = out[out.length - 1];
    if (last && s.start < last.start) continue;
    const id = typeof s.id === 'number' && Number.isSafeInteger(s.id) ? s.id : out.length;
    out.push({ id, start: s.start, end: s.end, text: s.text });
  }
  return out;
}

function languageOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed.slice(0, MAX_LANGUAGE);
}

/**
 * Reads a transcription answer (`json` or `verbose_json`) from the response bytes. Throws a
 * sentence when they are not one: not UTF-8, not JSON, or no `text`.
 */
export function parseTranscript(responseBytes: Uint8Array): Transcript {
  let answer: unknown;
  try {
    answer = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(responseBytes));
  } catch {
    throw new Error(`${NOT_A_TRANSCRIPT} (it is not JSON).`);
  }
  if (!isObject(answer) || typeof answer.text !== 'string') throw new Error(`${NOT_A_TRANSCRIPT} (it has no text).`);
  return {
    text: answer.text,
    language: languageOf(answer.language),
    durationS: transcriptionDuration(answer),
    segments: checkedSegments(answer.segments),
    usage: transcriptionUsage(answer.usage),
  };
}

/**
 * The index of the segment playing at `timeS`, or null in a gap. Each segment holds its start up
 * to (not including) its end, except the last, which holds its end too: where playback stops.
 */
export function segmentAt(segments: readonly Segment[], timeS: number): number | null {
  if (!Number.isFinite(timeS)) return null;
  // The last segment starting at or before timeS (segments are sorted by start).
  let lo = 0;
  let hi = segments.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid]!.start <= timeS) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const s = segments[found];
  if (!s) return null;
  const isLast = found === segments.length - 1;
  return timeS < s.end || (isLast && timeS <= s.end) ? found : null;
}
