import { parseChatChunk, SseParser, type Usage } from '../chat/sse';
import { InferenceError, problemFromResponse, stopReason, type InferenceProblem } from './errors';
import { concatBytes, type Exchange } from './exchange';

export interface ChatRequest {
  /** `{service url}/v1/proxy` */
  endpoint: string;
  authorization: string;
  body: Record<string, unknown>;
  signal: AbortSignal;
  onDelta: (text: { content: string; reasoning: string }) => void;
  /** No byte for this long counts as a timeout. */
  idleTimeoutMs?: number;
}

/** One chat exchange: the exact bytes both ways, and the answer read from the event stream. */
export interface ChatExchange extends Exchange {
  content: string;
  reasoning: string;
  msToHeaders: number;
  /** From sending to the first piece of answer text (content or reasoning); null when none came. */
  msToFirstToken: number | null;
  msTotal: number;
}

/**
 * Sends a streamed chat completion and reads it to the end, keeping every byte. HTTP errors
 * throw an InferenceError before any text; a stream that ends early returns what arrived with
 * its problem set (never a whole answer).
 */
export async function streamChat(req: ChatRequest): Promise<ChatExchange> {
  const t0 = performance.now();
  const requestBytes = new TextEncoder().encode(JSON.stringify(req.body));
  let res: Response;
  try {
    res = await fetch(`${req.endpoint}/chat/completions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: req.authorization },
      body: requestBytes,
      signal: req.signal,
    });
  } catch (err) {
    if (req.signal.aborted) throw new InferenceError({ kind: 'stopped', because: stopReason(req.signal) });
    throw new InferenceError({ kind: 'network', message: err instanceof Error ? err.message : String(err) });
  }
  const msToHeaders = performance.now() - t0;
  if (!res.ok || !res.body) throw new InferenceError(await problemFromResponse(res));

  const parser = new SseParser();
  const parts: Uint8Array[] = [];
  const headerChatId = res.headers.get('ZG-Res-Key');
  let completionId: string | null = null;
  let content = '';
  let reasoning = '';
  let usage: Usage | null = null;
  let done = false;
  let finished = false;
  let problem: InferenceProblem | null = null;
  let msToFirstToken: number | null = null;
  const reader = res.body.getReader();
  const idle = req.idleTimeoutMs ?? 60_000;

  const take = (events: string[]) => {
    for (const data of events) {
      const chunk = parseChatChunk(data);
      if (chunk.kind === 'done') done = true;
      else if (chunk.kind === 'malformed') problem ??= { kind: 'malformed' };
      else {
        completionId ??= chunk.id ?? null;
        content += chunk.content;
        reasoning += chunk.reasoning;
        if (chunk.usage) usage = chunk.usage;
        if (chunk.finishReason) finished = true;
      }
    }
    if (msToFirstToken === null && (content || reasoning)) msToFirstToken = performance.now() - t0;
    req.onDelta({ content, reasoning });
  };

  try {
    for (;;) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), idle)));
      const next = await Promise.race([reader.read(), timeout]);
      clearTimeout(timer);
      if (next === 'timeout') {
        problem ??= { kind: 'timeout' };
        void reader.cancel();
        break;
      }
      if (next.done) break;
      parts.push(next.value);
      take(parser.push(next.value));
      if (problem) {
        void reader.cancel();
        break;
      }
    }
    take(parser.end());
  } catch {
    problem ??= req.signal.aborted ? { kind: 'stopped', because: stopReason(req.signal) } : { kind: 'cut' };
  }
  if (!problem && !done && !finished) problem = { kind: 'cut' };
  return {
    requestBytes,
    responseBytes: concatBytes(parts),
    chatId: headerChatId ?? completionId,
    content,
    reasoning,
    usage,
    problem,
    msToHeaders,
    msToFirstToken,
    msTotal: performance.now() - t0,
  };
}
