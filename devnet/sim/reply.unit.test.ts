import { describe, expect, it } from 'vitest';
import { composeReply, countTokens, deltas, GFM_TRIGGER, messageText, promptTokens } from './reply.js';

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

  it('answers a prompt containing "markdown table" with a GFM table, task list, strikethrough and raw HTML', () => {
    expect(GFM_TRIGGER).toBe('markdown table');
    const ask = (content: string) => composeReply('m', [{ role: 'user', content }]).content;
    const gfm = ask('Show me a Markdown Table <b>please</b>');
    expect(gfm).toEqual(ask('Show me a Markdown Table <b>please</b>'));
    expect(gfm).toContain('You wrote: "Show me a Markdown Table <b>please</b>"');
    const lines = gfm.split('\n');
    const table = lines.filter((l) => l.startsWith('|'));
    expect(table.slice(0, 2)).toEqual(['| Check | Value | Unit |', '| :--- | ---: | :---: |']);
    expect(table).toHaveLength(5);
    // Every row has the header's three cells, or it is no GFM table.
    for (const row of table) expect(row.split('|')).toHaveLength(5);
    expect(lines).toContain('| Length | 13 | tokens |');
    expect(lines.filter((l) => /^- \[[x ]\] /.test(l))).toEqual([
      '- [x] Sign the response in the TEE',
      '- [x] Bind the request and response bytes',
      '- [ ] Settle the fee on chain',
    ]);
    expect(gfm).toContain('~~Trust the provider~~');
    expect(lines).toContain('<p>This line is raw HTML.</p>');
    expect(gfm).not.toContain('```');

    const plain = ask('Show me a table');
    expect(plain).not.toContain('| Check |');
    expect(plain).toContain('```text');
  });

  it('splits into deltas that join back to the text', () => {
    const text = 'a  b\nc';
    expect(deltas(text).join('')).toBe(text);
    expect(deltas(text)).toHaveLength(3);
  });
});
