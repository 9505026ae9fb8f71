/**
 * Incremental Server-Sent Events parser over raw bytes (UTF-8 split across chunks, \n and \r\n,
 * multi-line data, comments, fields other than data ignored).
 */
export class SseParser {
  private readonly decoder = new TextDecoder('utf-8');
  /** The current incomplete line: it holds no line break except perhaps a final \r. */
  private line = '';
  private data: string[] = [];

  /** Feeds raw bytes; returns the data of every event the chunk completed. */
  push(chunk: Uint8Array): string[] {
    return this.feed(this.decoder.decode(chunk, { stream: true }), false);
  }

  /** Ends the stream; returns a final event that had no trailing blank line. */
  end(): string[] {
    const out = this.feed(this.decoder.decode(), true);
    if (this.line.length > 0) this.field(this.line);
    this.line = '';
    this.dispatch(out);
    return out;
  }

  private feed(text: string, final: boolean): string[] {
    const out: string[] = [];
    const from = Math.max(0, this.line.length - 1);
    const buf = this.line + text;
    const breaks = /\r\n|\r|\n/g;
    breaks.lastIndex = from;
    let start = 0;
    for (let m = breaks.exec(buf); m; m = breaks.exec(buf)) {
      // A \r at the very end may be the first half of a \r\n still in flight.
      if (m[0] === '\r' && m.index === buf.length - 1 && !final) break;
      const line = buf.slice(start, m.index);
      start = m.index + m[0].length;
      if (line === '') this.dispatch(out);
      else this.field(line);
    }
    this.line = buf.slice(start);
    return out;
  }

  private field(line: string): void {
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    if (name !== 'data') return;
    const value = colon < 0 ? '' : line.slice(colon + 1);
    this.data.push(value.startsWith(' ') ? value.slice(1) : value);
  }

  private dispatch(out: string[]): void {
    // As in the WHATWG algorithm, a blank line with no data lines before it dispatches nothing.
    if (this.data.length > 0) out.push(this.data.join('\n'));
    this.data = [];
  }
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens?: number;
}

export type ChatChunk =
  | { kind: 'delta'; id?: string; content: string; reasoning: string; finishReason?: string; usage?: Usage }
  | { kind: 'done' }
  | { kind: 'malformed'; data: string; error?: string };

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Usage when it has the OpenAI shape; anything else is treated as absent (it only feeds a display). */
function usageOf(v: unknown): Usage | undefined {
  if (!isObject(v) || !isCount(v.prompt_tokens) || !isCount(v.completion_tokens)) return undefined;
  const usage: Usage = { prompt_tokens: v.prompt_tokens, completion_tokens: v.completion_tokens };
  if (isCount(v.total_tokens)) usage.total_tokens = v.total_tokens;
  return usage;
}

/** A text field that may be absent or null; undefined when it is something else. */
function text(v: unknown): string | undefined {
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v : undefined;
}

/** Content and reasoning of a `delta` or `message`; vLLM's newer `reasoning` stands in for `reasoning_content`. */
function parts(v: unknown): { content: string; reasoning: string } | null {
  if (v === undefined || v === null) return { content: '', reasoning: '' };
  if (!isObject(v)) return null;
  const content = text(v.content);
  const reasoning = text(v.reasoning_content ?? v.reasoning);
  if (content === undefined || reasoning === undefined) return null;
  return { content, reasoning };
}

function errorText(error: unknown): string {
  if (typeof error === 'string') return error;
  if (isObject(error) && typeof error.message === 'string') return error.message;
  return JSON.stringify(error) ?? 'error';
}

interface Read {
  id?: string;
  content: string;
  reasoning: string;
  finishReason?: string;
  usage?: Usage;
}

/**
 * The first choice: undefined when there is none (a usage-only chunk), null when the shape is
 * wrong. A usage-only chunk may leave out `choices` altogether.
 */
function firstChoice(json: Json): Json | undefined | null {
  if (json.choices === undefined && usageOf(json.usage)) return undefined;
  if (!Array.isArray(json.choices)) return null;
  const choice: unknown = json.choices[0];
  if (choice === undefined) return undefined;
  return isObject(choice) ? choice : null;
}

/** What a chunk or completion carries; `key` is 'delta' for a chunk, 'message' for a completion. */
function read(json: Json, choice: Json | undefined, key: 'delta' | 'message'): Read | null {
  const body = parts(choice?.[key]);
  const finish = choice?.finish_reason;
  if (!body || (finish !== undefined && finish !== null && typeof finish !== 'string')) return null;
  const out: Read = body;
  if (typeof json.id === 'string') out.id = json.id;
  if (typeof finish === 'string') out.finishReason = finish;
  const usage = usageOf(json.usage);
  if (usage) out.usage = usage;
  return out;
}

/** Reads one event's data from a streamed /chat/completions response. */
export function parseChatChunk(data: string): ChatChunk {
  if (data.trim() === '[DONE]') return { kind: 'done' };
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return { kind: 'malformed', data };
  }
  if (!isObject(json)) return { kind: 'malformed', data };
  if (json.error !== undefined && json.error !== null) return { kind: 'malformed', data, error: errorText(json.error) };
  const choice = firstChoice(json);
  const chunk = choice === null ? null : read(json, choice, 'delta');
  return chunk ? { kind: 'delta', ...chunk } : { kind: 'malformed', data };
}

/** Also for non-streamed responses: the JSON body of /chat/completions. */
export function parseChatCompletion(
  json: unknown,
): { id?: string; content: string; reasoning: string; usage?: Usage; finishReason?: string } | null {
  if (!isObject(json) || (json.error !== undefined && json.error !== null)) return null;
  const choice = firstChoice(json);
  return choice ? read(json, choice, 'message') : null;
}
