import { describe, expect, it } from 'vitest';
import { base64Bytes, chatText } from './chat-text';

const utf8 = (s: string) => new TextEncoder().encode(s);
const event = (json: unknown) => `data: ${JSON.stringify(json)}\n\n`;
const delta = (content: string, reasoning?: string) => ({
  id: 'c1',
  choices: [{ delta: { content, ...(reasoning ? { reasoning_content: reasoning } : {}) } }],
});

describe('chatText', () => {
  it('joins the deltas of an event stream', () => {
    const stream = event(delta('Hel', 'think')) + event(delta('lo **there**')) + 'data: [DONE]\n\n';
    expect(chatText(utf8(stream))).toEqual({ content: 'Hello **there**', reasoning: 'think' });
  });

  it('reads one JSON completion', () => {
    const body = JSON.stringify({ id: 'c1', choices: [{ message: { content: 'Hi' } }] });
    expect(chatText(utf8(body))).toEqual({ content: 'Hi', reasoning: '' });
  });

  it('says null for bytes that are no chat answer', () => {
    expect(chatText(utf8('not an answer'))).toBeNull();
    expect(chatText(utf8('{"error":"x"}'))).toBeNull();
    expect(chatText(new Uint8Array([0xff, 0xfe, 0x00]))).toBeNull();
  });

  it('keeps hostile text as text (it is rendered by the safe Markdown, never as HTML)', () => {
    const text = '<img src=x onerror=alert(1)>';
    expect(chatText(utf8(event(delta(text))))?.content).toBe(text);
  });
});

describe('base64Bytes', () => {
  it('decodes standard and URL-safe base64 and refuses other text', () => {
    expect(base64Bytes('AP8=')).toEqual(new Uint8Array([0, 255]));
    expect(base64Bytes('AP8')).toEqual(new Uint8Array([0, 255]));
    expect(base64Bytes('_-8=')).toEqual(new Uint8Array([255, 239]));
    expect(base64Bytes('not base64!')).toBeNull();
  });
});
