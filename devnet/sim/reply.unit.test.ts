import { describe, expect, it } from 'vitest';
import { composeReply, countTokens, deltas, messageText, promptTokens } from './reply.js';

describe('reply', () => {
  it('counts words and punctuation as tokens', () => {
    expect(countTokens('Hello, world!')).toBe(4);
    expect(countTokens('')).toBe(0);
  });

  it('reads string and part-array contents', () => {
    expect(messageText('hi')).toBe('hi');
    expect(messageText([{ type: 'text', text: 'a' }, { type: 'image_url' }, { type: 'text', text: 'b' }])).toBe(
      'a\n\nb',
    );
    expect(messageText(42)).toBe('');
  });

  it('adds framing tokens per message', () => {
    expect(promptTokens([{ role: 'user', content: 'one two' }])).toBe(2 + 2 + 4);
  });

  it('answers deterministically and quotes the last user message', () => {
    const msgs = [
      { role: 'user', content: 'first' },
      { role: 'assistant', content: 'ok' },
      { role: 'user', content: 'What is 0G?' },
    ];
    const a = composeReply('m', msgs);
    expect(a).toEqual(composeReply('m', msgs));
    expect(a.content).toContain('You wrote: "What is 0G?"');
    expect(a.content).toContain('```text');
    expect(a.reasoning).toBeUndefined();
    expect(composeReply('m', msgs, true).reasoning).toMatch(/tokens/);
  });

  it('splits into deltas that join back to the text', () => {
    const text = 'a  b\nc';
    expect(deltas(text).join('')).toBe(text);
    expect(deltas(text)).toHaveLength(3);
  });
});
