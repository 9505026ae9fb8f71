import { parseChatChunk, parseChatCompletion, SseParser } from '../../lib/chat/sse';

/** What a chat answer said, read from the exact response bytes of a proof. */
export interface ChatText {
  content: string;
  reasoning: string;
}

/** Base64 (standard or URL-safe, padding optional) to bytes; null when it is not base64. */
export function base64Bytes(text: string): Uint8Array | null {
  const clean = text.replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return null;
  try {
    const raw = atob(clean);
    const out = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

/**
 * The answer's text from a chat response: a whole event stream (the deltas joined, as the chat shows them) or one
 * JSON completion; null when the bytes are neither. Uses the chat's own parsers, so the page shows what it would.
 */
export function chatText(bytes: Uint8Array): ChatText | null {
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  const trimmed = decoded.trimStart();
  if (trimmed.startsWith('{')) {
    try {
      const done = parseChatCompletion(JSON.parse(trimmed));
      return done ? { content: done.content, reasoning: done.reasoning } : null;
    } catch {
      return null;
    }
  }
  const parser = new SseParser();
  const events = [...parser.push(bytes), ...parser.end()];
  let content = '';
  let reasoning = '';
  let read = 0;
  for (const data of events) {
    const chunk = parseChatChunk(data);
    if (chunk.kind !== 'delta') continue;
    read++;
    content += chunk.content;
    reasoning += chunk.reasoning;
  }
  return read > 0 ? { content, reasoning } : null;
}
