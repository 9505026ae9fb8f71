import type { Usage } from '../chat/sse';
import { buildMultipart, type MultipartPart } from '../media/multipart';
import type { InferenceProblem } from './errors';
import type { Exchange } from './exchange';
import { postBytes } from './post-bytes';

/** What the speech studio asks for: `verbose_json` for timed segments, `json` when a provider refuses it. */
export type SpeechFormat = 'verbose_json' | 'json';

export interface TranscriptionRequest {
  /** `{service url}/v1/proxy` */
  endpoint: string;
  authorization: string;
  signal: AbortSignal;
  timeoutMs?: number;
  /** The upload: bytes as read, the type sniffed from them, a name whose extension matches that type. */
  audio: { bytes: Uint8Array; mime: string; name: string };
  model: string;
  responseFormat: SpeechFormat;
  /** A language code such as "en"; left out when empty. */
  language?: string;
  /** Words to steer spelling (names, terms); left out when empty. */
  prompt?: string;
}

/** One transcription request: the exact bytes both ways and the provider's usage, mapped for cost. */
export interface SpeechExchange extends Exchange {
  responseFormat: SpeechFormat;
  /** The audio's length as the answer states it, what a per-second price needs; null when it does not. */
  durationS: number | null;
  msTotal: number;
}

/** The multipart parts of a transcription, in the order they are sent; empty optional fields are left out. */
export function transcriptionParts(
  req: Pick<TranscriptionRequest, 'audio' | 'model' | 'responseFormat' | 'language' | 'prompt'>,
): MultipartPart[] {
  const parts: MultipartPart[] = [
    { name: 'file', filename: req.audio.name, contentType: req.audio.mime, data: req.audio.bytes },
    { name: 'model', value: req.model },
    { name: 'response_format', value: req.responseFormat },
  ];
  if (req.language) parts.push({ name: 'language', value: req.language });
  if (req.prompt) parts.push({ name: 'prompt', value: req.prompt });
  return parts;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/**
 * A transcription answer's `usage` in the app's token shape: Whisper-style `input_tokens` /
 * `output_tokens` (audio in, text out), or chat-style `prompt_tokens` / `completion_tokens`.
 * Anything else, a `{type: 'duration'}` usage included, is null: it has no tokens to price.
 */
export function transcriptionUsage(value: unknown): Usage | null {
  if (!isObject(value)) return null;
  const [input, output] = isCount(value.input_tokens)
    ? [value.input_tokens, value.output_tokens]
    : [value.prompt_tokens, value.completion_tokens];
  if (!isCount(input) || !isCount(output)) return null;
  return { prompt_tokens: input, completion_tokens: output, total_tokens: input + output };
}

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** The audio's length an answer states: verbose_json's `duration`, else a `{type: 'duration', seconds}` usage. */
export function transcriptionDuration(answer: unknown): number | null {
  if (!isObject(answer)) return null;
  if (isTime(answer.duration)) return answer.duration;
  const usage = answer.usage;
  return isObject(usage) && usage.type === 'duration' && isTime(usage.seconds) ? usage.seconds : null;
}

/** What pricing needs from the answer bytes; nothing when they are not a JSON object. */
function priced(bytes: Uint8Array): { usage: Usage | null; durationS: number | null } {
  try {
    const answer: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return {
      usage: isObject(answer) ? transcriptionUsage(answer.usage) : null,
      durationS: transcriptionDuration(answer),
    };
  } catch {
    return { usage: null, durationS: null };
  }
}

/**
 * Sends a transcription as a multipart body built here, to `{endpoint}/audio/transcriptions`,
 * so the bytes kept are exactly the bytes sent. HTTP errors throw an InferenceError.
 */
export async function sendTranscription(req: TranscriptionRequest): Promise<SpeechExchange> {
  const body = buildMultipart(transcriptionParts(req));
  const res = await postBytes({
    url: `${req.endpoint}/audio/transcriptions`,
    bytes: body.bytes,
    contentType: body.contentType,
    authorization: req.authorization,
    signal: req.signal,
    timeoutMs: req.timeoutMs,
  });
  return {
    requestBytes: body.bytes,
    responseBytes: res.responseBytes,
    chatId: res.chatId,
    ...priced(res.responseBytes),
    problem: null,
    responseFormat: req.responseFormat,
    msTotal: res.msTotal,
  };
}

/**
 * Whether a provider refused the answer format rather than the audio: an HTTP 400 naming
 * `response_format` or `verbose_json`. The caller then resends once asking for `json`.
 */
export function refusesVerboseJson(problem: InferenceProblem): boolean {
  return problem.kind === 'http' && problem.status === 400 && /response_format|verbose_json/i.test(problem.message);
}
