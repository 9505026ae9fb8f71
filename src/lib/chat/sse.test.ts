import { describe, expect, it } from 'vitest';
import { parseChatChunk, parseChatCompletion, SseParser } from './sse';

const bytes = (s: string) => new TextEncoder().encode(s);

/** Feeds the chunks one by one and collects every event, end() included. */
function run(chunks: Uint8Array[]): string[] {
  const p = new SseParser();
  return [...chunks.flatMap((c) => p.push(c)), ...p.end()];
}

describe('SseParser', () => {
  it('returns each event as soon as its blank line arrives', () => {
    const p = new SseParser();
    expect(p.push(bytes('data: {"a":1}\n\ndata: {"b":2}\n\ndata: {"c"'))).toEqual(['{"a":1}', '{"b":2}']);
    expect(p.push(bytes(':3}\n'))).toEqual([]);
    expect(p.push(bytes('\n'))).toEqual(['{"c":3}']);
    expect(p.end()).toEqual([]);
  });

  it('joins a UTF-8 character split across pushes', () => {
    const all = bytes('data: héllo 🌍 世界\n\n');
    const chunks = Array.from(all, (b) => Uint8Array.of(b));
    expect(run(chunks)).toEqual(['héllo 🌍 世界']);
  });

  it('accepts \\r\\n, \\r and \\n line endings, even with \\r\\n split across pushes', () => {
    expect(run([bytes('data: one\r\n\r\ndata: two\r\r'), bytes('data: three\n\n')])).toEqual(['one', 'two', 'three']);
    const p = new SseParser();
    expect(p.push(bytes('data: x\r'))).toEqual([]);
    expect(p.push(bytes('\n\r'))).toEqual([]);
    // The second \r\n's \n arrives late: it must not count as another blank line.
    expect(p.push(bytes('\ndata: y\r\n\r\n'))).toEqual(['x', 'y']);
  });

  it('joins multi-line data with \\n and strips only one leading space', () => {
    expect(run([bytes('data: line 1\ndata:line 2\ndata:   indented\ndata\n\n')])).toEqual([
      'line 1\nline 2\n  indented\n',
    ]);
  });

  it('ignores comments and fields other than data', () => {
    const stream = ': ping\n\nevent: message\nid: 7\nretry: 1000\ndata: {"ok":true}\n: keep-alive\n\n';
    expect(run([bytes(stream)])).toEqual(['{"ok":true}']);
  });

  it('dispatches an empty data line but not a blank line alone', () => {
    expect(run([bytes('\n\ndata:\n\n\n')])).toEqual(['']);
  });

  it('flushes a final event without a trailing blank line on end()', () => {
    const p = new SseParser();
    expect(p.push(bytes('data: [DONE]'))).toEqual([]);
    expect(p.end()).toEqual(['[DONE]']);
    expect(run([bytes('data: last\n')])).toEqual(['last']);
    expect(run([bytes('data: last\r')])).toEqual(['last']);
  });

  it('parses the devnet stream byte by byte the same as whole', () => {
    const frames = ['{"id":"c1","choices":[{"delta":{"content":"Hi ✓"}}]}', '[DONE]'];
    const stream = bytes(frames.map((f) => `data: ${f}\n\n`).join(''));
    expect(run([stream])).toEqual(frames);
    expect(run(Array.from(stream, (b) => Uint8Array.of(b)))).toEqual(frames);
  });
});

describe('parseChatChunk', () => {
  it('reads content deltas with id and finish reason', () => {
    expect(
      parseChatChunk('{"id":"c1","choices":[{"index":0,"delta":{"content":"Hel"},"finish_reason":null}]}'),
    ).toEqual({ kind: 'delta', id: 'c1', content: 'Hel', reasoning: '' });
    expect(parseChatChunk('{"id":"c1","choices":[{"delta":{},"finish_reason":"length"}]}')).toEqual({
      kind: 'delta',
      id: 'c1',
      content: '',
      reasoning: '',
      finishReason: 'length',
    });
  });

  it('reads reasoning deltas from reasoning_content', () => {
    const c = parseChatChunk('{"choices":[{"delta":{"reasoning_content":"Thinking","content":null}}]}');
    expect(c).toEqual({ kind: 'delta', content: '', reasoning: 'Thinking' });
  });

  it('reads usage from a final chunk with empty choices', () => {
    const c = parseChatChunk(
      '{"id":"c1","choices":[],"usage":{"prompt_tokens":12,"completion_tokens":30,"total_tokens":42}}',
    );
    expect(c).toEqual({
      kind: 'delta',
      id: 'c1',
      content: '',
      reasoning: '',
      usage: { prompt_tokens: 12, completion_tokens: 30, total_tokens: 42 },
    });
    expect(parseChatChunk('{"choices":[{"delta":{"content":"a"}}],"usage":null}')).not.toHaveProperty('usage');
  });

  it('recognises [DONE]', () => {
    expect(parseChatChunk('[DONE]')).toEqual({ kind: 'done' });
  });

  it('flags malformed JSON and JSON of the wrong shape', () => {
    expect(parseChatChunk('{"choices": [ {"delta": oops')).toEqual({
      kind: 'malformed',
      data: '{"choices": [ {"delta": oops',
    });
    for (const bad of ['42', '"text"', '[]', '{}', '{"choices":{}}', '{"choices":[1]}']) {
      expect(parseChatChunk(bad)).toEqual({ kind: 'malformed', data: bad });
    }
    expect(parseChatChunk('{"choices":[{"delta":{"content":5}}]}').kind).toBe('malformed');
    expect(parseChatChunk('{"choices":[{"delta":{"content":"a"},"finish_reason":1}]}').kind).toBe('malformed');
  });

  it('turns an error object into a malformed chunk with its message', () => {
    const data = '{"error":{"message":"Rate limit exceeded","type":"rate_limit"}}';
    expect(parseChatChunk(data)).toEqual({ kind: 'malformed', data, error: 'Rate limit exceeded' });
    expect(parseChatChunk('{"error":"upstream closed"}')).toMatchObject({ error: 'upstream closed' });
  });
});

describe('parseChatCompletion', () => {
  it('reads a non-streamed completion with reasoning and usage', () => {
    const body = {
      id: 'chatcmpl-1',
      object: 'chat.completion',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Answer', reasoning_content: 'Why' },
          finish_reason: 'stop',
        },
      ],
      usage: { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 },
    };
    expect(parseChatCompletion(body)).toEqual({
      id: 'chatcmpl-1',
      content: 'Answer',
      reasoning: 'Why',
      finishReason: 'stop',
      usage: { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 },
    });
  });

  it('treats a null content as empty', () => {
    expect(parseChatCompletion({ choices: [{ message: { content: null } }] })).toEqual({ content: '', reasoning: '' });
  });

  it('returns null for errors and wrong shapes', () => {
    expect(parseChatCompletion({ error: { message: 'nope' } })).toBeNull();
    expect(parseChatCompletion({ choices: [] })).toBeNull();
    expect(parseChatCompletion({ choices: [{ message: { content: 3 } }] })).toBeNull();
    expect(parseChatCompletion('text')).toBeNull();
    expect(parseChatCompletion(null)).toBeNull();
  });
});
