import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { answerSigner, isTampering } from './answer-faults.js';
import { HttpError, parseJson } from './http.js';
import { composeReply, countTokens, deltas, promptTokens, type ChatMessage } from './reply.js';
import { sleep, type ProviderRuntime, type Served, type SimContext } from './runtime.js';

interface ChatRequest {
  model?: string;
  messages?: unknown;
  stream?: unknown;
  max_tokens?: unknown;
  max_completion_tokens?: unknown;
}

const TAMPERED_SUFFIX = ' Trust me, no need to check.';

function validate(body: Buffer, model: string): { messages: ChatMessage[]; stream: boolean; maxTokens: number | null } {
  const req = parseJson<ChatRequest>(body);
  if (req.model !== undefined && req.model !== model) {
    throw new HttpError(
      400,
      `This provider serves the model "${model}", not "${String(req.model)}"`,
      'model_not_found',
    );
  }
  const messages = req.messages;
  if (!Array.isArray(messages) || messages.length === 0) {
    throw new HttpError(400, '"messages" must be a non-empty array', 'invalid_messages');
  }
  for (const m of messages) {
    if (!m || typeof m !== 'object' || typeof (m as ChatMessage).role !== 'string') {
      throw new HttpError(400, 'Every message needs a "role" and a "content"', 'invalid_messages');
    }
  }
  if (req.stream !== undefined && typeof req.stream !== 'boolean') {
    throw new HttpError(400, '"stream" must be true or false', 'invalid_stream');
  }
  const max = req.max_completion_tokens ?? req.max_tokens;
  if (max !== undefined && max !== null && (!Number.isInteger(max) || (max as number) < 1)) {
    throw new HttpError(400, '"max_tokens" must be a positive integer', 'invalid_max_tokens');
  }
  return {
    messages: messages as ChatMessage[],
    stream: req.stream === true,
    maxTokens: (max as number | undefined) ?? null,
  };
}

/** Content deltas cut to max_tokens. */
function limitDeltas(content: string, maxTokens: number | null): { parts: string[]; truncated: boolean } {
  const all = deltas(content);
  if (maxTokens === null) return { parts: all, truncated: false };
  const parts: string[] = [];
  let used = 0;
  for (const d of all) {
    const n = countTokens(d);
    if (used + n > maxTokens) return { parts, truncated: true };
    used += n;
    parts.push(d);
  }
  return { parts, truncated: false };
}

/** POST /v1/proxy/chat/completions, streamed or not, signed over the exact bytes. */
export async function handleChat(
  rt: ProviderRuntime,
  res: ServerResponse,
  body: Buffer,
  ctx: SimContext,
): Promise<Served | null> {
  const { messages, stream, maxTokens } = validate(body, rt.spec.model);
  const reply = composeReply(rt.spec.model, messages, rt.spec.reasoning === true);
  const { parts, truncated } = limitDeltas(reply.content, maxTokens);
  const content = parts.join('');
  const usage = {
    prompt_tokens: promptTokens(messages),
    completion_tokens: countTokens(content) + countTokens(reply.reasoning ?? ''),
    total_tokens: 0,
  };
  usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
  const fee = BigInt(usage.prompt_tokens) * rt.spec.inputPrice + BigInt(usage.completion_tokens) * rt.spec.outputPrice;
  const id = `chatcmpl-${randomUUID()}`;
  const created = Math.floor(Date.now() / 1000);
  const finish = truncated ? 'length' : 'stop';
  const tamper = isTampering(rt);
  const signer = answerSigner(rt);

  if (!stream) {
    const message = (text: string) => ({
      role: 'assistant',
      content: text,
      ...(reply.reasoning ? { reasoning_content: reply.reasoning } : {}),
    });
    const completion = (text: string) => ({
      id,
      object: 'chat.completion',
      created,
      model: rt.spec.model,
      choices: [{ index: 0, message: message(text), finish_reason: finish }],
      usage,
    });
    const honest = Buffer.from(JSON.stringify(completion(content)));
    const sent = tamper ? Buffer.from(JSON.stringify(completion(content + TAMPERED_SUFFIX))) : honest;
    await rt.signatures.sign(signer, id, body, honest);
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(sent.length), 'ZG-Res-Key': id });
    res.end(sent);
    return { chatId: id, fee };
  }

  const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) => ({
    id,
    object: 'chat.completion.chunk',
    created,
    model: rt.spec.model,
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  });
  const events: string[] = [JSON.stringify(chunk({ role: 'assistant', content: '' }))];
  for (const d of deltas(reply.reasoning ?? '')) events.push(JSON.stringify(chunk({ reasoning_content: d })));
  const firstContent = events.length;
  for (const d of parts) events.push(JSON.stringify(chunk({ content: d })));
  events.push(JSON.stringify(chunk({}, finish)));
  // Usage rides in the final chunk, as providers bill from it.
  events.push(
    JSON.stringify({ id, object: 'chat.completion.chunk', created, model: rt.spec.model, choices: [], usage }),
  );
  events.push('[DONE]');

  const sentEvents = [...events];
  if (tamper) sentEvents[firstContent] = JSON.stringify(chunk({ content: (parts[0] ?? '') + TAMPERED_SUFFIX }));
  if (rt.faults.malformedEvent)
    sentEvents.splice(Math.min(firstContent + 2, sentEvents.length - 2), 0, '{"choices": [ {"delta": oops');
  const encode = (list: string[]) => list.map((e) => `data: ${e}\n\n`);
  const sentFrames = encode(sentEvents);
  const cutAfter = rt.faults.cutStreamAfter;
  if (cutAfter === null) {
    const signedFrames = tamper ? encode(events) : sentFrames;
    await rt.signatures.sign(signer, id, body, Buffer.from(signedFrames.join('')));
  }
  res.writeHead(200, {
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
    'ZG-Res-Key': id,
  });
  res.flushHeaders();
  if (rt.faults.firstTokenDelayMs > 0) await sleep(rt.faults.firstTokenDelayMs);
  for (let i = 0; i < sentFrames.length; i++) {
    if (cutAfter !== null && i >= cutAfter) {
      // A clean end of the body, not a reset: a reset can reach the client before it has read the
      // events already sent, and a browser's fetch then drops them. Either way the stream stops
      // without the final chunk and [DONE], which is what a client must treat as cut.
      res.end();
      return null;
    }
    if (res.destroyed) return null;
    res.write(sentFrames[i]);
    if (ctx.eventDelayMs > 0 && i < sentFrames.length - 1) await sleep(ctx.eventDelayMs);
  }
  res.end();
  return { chatId: id, fee };
}
