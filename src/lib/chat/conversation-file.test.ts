import { describe, expect, it } from 'vitest';
import { conversationFromJson, conversationToJson, MAX_IMPORT_MESSAGES } from './conversation-file';
import { conversationFromMarkdown, conversationToMarkdown } from './conversation-file-markdown';
import type { ChatMessage, Conversation } from './types';

const TARGET = { chainId: 31337, owner: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' };
const PROVIDER = '0x00000000000000000000000000000000000000aA';

const user = (id: string, content: string): ChatMessage => ({
  id,
  role: 'user',
  content,
  status: 'complete',
  createdAt: 1,
});

const answer: ChatMessage = {
  id: 'm2',
  role: 'assistant',
  content: 'Paris.',
  reasoning: 'The capital of France.',
  provider: PROVIDER,
  model: 'llama-3',
  chatId: 'chat-42',
  usage: { prompt_tokens: 12, completion_tokens: 3 },
  cost: '1234567890123456789012',
  estimatedCost: '2000000000000000000000',
  verification: { state: 'verified', reason: 'Signed by the TEE.', checkedAt: '2025-01-01T00:00:00Z', proof: null },
  status: 'complete',
  createdAt: 2,
  latencyMs: 800,
};

const sample: Conversation = {
  id: 'conv-1',
  chainId: 16661,
  owner: '0xdd2fd4581271e230360230f9337d5c0430bf44c0',
  title: 'Capitals',
  provider: PROVIDER,
  model: 'llama-3',
  systemPrompt: 'Answer briefly.',
  temperature: 0.7,
  maxTokens: 256,
  messages: [user('m1', 'Capital of France?'), answer],
  createdAt: 1,
  updatedAt: 2,
};

const doc = (conversation: unknown, extra: object = {}) =>
  JSON.stringify({ format: 'og-marketplace-conversation', version: 1, conversation, ...extra });
const withMessage = (patch: Record<string, unknown>) => doc({ ...sample, messages: [{ ...answer, ...patch }] });

describe('conversationToJson / conversationFromJson', () => {
  it('round-trips every field, keeping neuron costs as exact strings', () => {
    const text = conversationToJson(sample);
    expect(JSON.parse(text)).toMatchObject({ format: 'og-marketplace-conversation', version: 1 });
    expect(text).toContain('"cost": "1234567890123456789012"');
    const back = conversationFromJson(text, TARGET);
    expect(back.messages[1]?.cost).toBe('1234567890123456789012');
    expect(back).toEqual({
      ...sample,
      id: back.id,
      chainId: TARGET.chainId,
      owner: TARGET.owner.toLowerCase(),
      updatedAt: back.updatedAt,
      messages: [sample.messages[0], { ...answer, verification: { ...answer.verification, imported: true } }],
    });
  });

  it('gives a new id, re-homes to the target wallet and chain, and lists the import as just changed', () => {
    const before = Date.now();
    const a = conversationFromJson(conversationToJson(sample), TARGET);
    const b = conversationFromJson(conversationToJson(sample), TARGET);
    expect(a.id).not.toBe(sample.id);
    expect(a.id).not.toBe(b.id);
    expect([a.chainId, a.owner]).toEqual([31337, '0x70997970c51812dc3a010c7d01b50e0d17dc79c8']);
    expect(a.createdAt).toBe(sample.createdAt);
    expect(a.updatedAt).toBeGreaterThanOrEqual(before);
  });

  it('keeps message ids but replaces duplicate and empty ones', () => {
    const messages = [user('same', 'a'), user('same', 'b'), user('', 'c'), user('other', 'd')];
    const ids = conversationFromJson(doc({ ...sample, messages }), TARGET).messages.map((m) => m.id);
    expect(ids[0]).toBe('same');
    expect(ids[3]).toBe('other');
    expect(new Set(ids).size).toBe(4);
    expect(ids[2]).not.toBe('');
  });

  it('keeps every verification state exactly as it was, never upgrading one', () => {
    for (const state of ['verifying', 'content-mismatch', 'failed', 'not-verifiable', 'unavailable'] as const) {
      const m = conversationFromJson(withMessage({ verification: { state, reason: 'r' } }), TARGET).messages[0];
      expect(m?.verification).toEqual({ state, reason: 'r', imported: true });
    }
    const partial = conversationFromJson(withMessage({ status: 'partial', verification: undefined }), TARGET);
    expect(partial.messages[0]?.status).toBe('partial');
    expect(partial.messages[0]?.verification).toBeUndefined();
  });

  it('drops fields it does not know instead of storing them', () => {
    const back = conversationFromJson(doc({ ...sample, extra: 'x', messages: [{ ...answer, html: '<b>' }] }), TARGET);
    expect(back).not.toHaveProperty('extra');
    expect(back.messages[0]).not.toHaveProperty('html');
  });

  it.each([
    ['not JSON', '{"format":', 'The file is not valid JSON.'],
    ['another format', doc(sample, { format: 'something-else' }), 'not a conversation exported from the 0G Compute'],
    ['an array', '[]', 'not a conversation exported from the 0G Compute'],
    ['a newer version', doc(sample, { version: 2 }), 'exported by a newer version of this app'],
    ['a missing version', doc(sample, { version: undefined }), 'The file has an unknown format version.'],
    ['no conversation', doc(null), 'The file holds no conversation.'],
    ['a numeric title', doc({ ...sample, title: 5 }), `The conversation's "title" must be text.`],
    ['a bad provider', doc({ ...sample, provider: '0x12' }), `The conversation's "provider" must be an address.`],
    [
      'a string temperature',
      doc({ ...sample, temperature: '1' }),
      `The conversation's "temperature" must be a number.`,
    ],
    [
      'a missing max tokens',
      doc({ ...sample, maxTokens: undefined }),
      `The conversation's "maxTokens" must be a number.`,
    ],
    ['a missing owner', doc({ ...sample, owner: undefined }), `The conversation's "owner" must be text.`],
    ['messages not a list', doc({ ...sample, messages: {} }), `The conversation's "messages" must be a list.`],
    ['a bad updatedAt', doc({ ...sample, updatedAt: -1 }), `"updatedAt" must be a time in milliseconds.`],
    ['a message that is text', doc({ ...sample, messages: ['hi'] }), 'Message 1 must be an object.'],
    ['an unknown role', withMessage({ role: 'system' }), `Message 1's "role" must be "user" or "assistant".`],
    ['an unknown status', withMessage({ status: 'done' }), `Message 1's "status" must be "complete", "partial" or`],
    ['numeric content', withMessage({ content: 1 }), `Message 1's "content" must be text.`],
    ['a numeric cost', withMessage({ cost: 5 }), `Message 1's "cost" must be a whole number of neuron as text.`],
    ['a decimal cost', withMessage({ cost: '1.5' }), `Message 1's "cost" must be a whole number of neuron as text.`],
    ['a numeric chat ID', withMessage({ chatId: 7 }), `Message 1's "chatId" must be text or null.`],
    ['bad usage', withMessage({ usage: { prompt_tokens: -1 } }), `Message 1's usage "prompt_tokens" must be a whole`],
    ['a null reasoning', withMessage({ reasoning: null }), `Message 1's "reasoning" must be text.`],
    ['a bad latency', withMessage({ latencyMs: 'fast' }), `Message 1's "latencyMs" must be a number of milliseconds.`],
    ['a verification that is text', withMessage({ verification: 'ok' }), `"verification" must be an object.`],
    ['an unknown badge', withMessage({ verification: { state: 'trusted', reason: '' } }), 'verification "state"'],
    ['a missing reason', withMessage({ verification: { state: 'verified' } }), 'verification "reason" must be text.'],
  ])('rejects %s', (_name, text, message) => {
    expect(() => conversationFromJson(text, TARGET)).toThrow(message);
  });

  it.each([
    [3, 0.5, 2, 1],
    [-1, 0, 0, 1],
    [2.0001, 8193, 2, 8192],
    [1, 99.9, 1, 99],
  ])('brings temperature %s and max tokens %s within range: %s and %s', (temperature, maxTokens, t, n) => {
    const back = conversationFromJson(doc({ ...sample, temperature, maxTokens }), TARGET);
    expect([back.temperature, back.maxTokens]).toEqual([t, n]);
  });

  it('rejects files over 5 MB and conversations over 2000 messages', () => {
    const big = doc({ ...sample, systemPrompt: 'é'.repeat(2.7 * 1024 * 1024) }); // under 5 M characters, over 5 MB
    expect(() => conversationFromJson(big, TARGET)).toThrow('The file is larger than 5 MB');
    const many = Array.from({ length: MAX_IMPORT_MESSAGES + 1 }, (_, i) => user(`m${i}`, 'x'));
    expect(() => conversationFromJson(doc({ ...sample, messages: many }), TARGET)).toThrow(
      'The conversation has more than 2000 messages, the most an import accepts.',
    );
    const enough = Array.from({ length: MAX_IMPORT_MESSAGES }, (_, i) => user(`m${i}`, 'x'));
    expect(conversationFromJson(doc({ ...sample, messages: enough }), TARGET).messages).toHaveLength(2000);
  });
});

const tricky = [
  'Here is code:\n```ts\nconst a = 1;\n```\nand a longer fence:\n`````\nnested\n`````',
  '<script>alert("x")</script> & <b>bold</b>',
  '# Not a title\n### You\n### Assistant (fake)\n## System prompt\n- Model: injected\nReasoning:\nError: no',
  '',
  'trailing newline\n\n',
  '\\*not emphasis\\* and a backtick ` alone',
];

describe('conversationToMarkdown', () => {
  it('writes the header, headings, fenced text, badge, chat ID and cost in 0G', () => {
    const md = conversationToMarkdown(sample);
    expect(md).toMatch(
      /^# Capitals\n\n- Model: llama-3\n- Provider: 0x0{38}aA\n- Temperature: 0\.7\n- Max tokens: 256\n/,
    );
    expect(md).toContain('## System prompt\n\n```text\nAnswer briefly.\n```');
    expect(md).toContain('### You\n\n```text\nCapital of France?\n```');
    expect(md).toContain(
      '### Assistant (llama-3)\n\nReasoning:\n\n```text\nThe capital of France.\n```\n\n```text\nParis.\n```',
    );
    expect(md).toContain('Verified · Chat ID: chat-42 · Cost: 1234.567890123456789012 0G');
  });

  it('names each badge, marks partial and failed answers, and escapes text outside fences', () => {
    const md = conversationToMarkdown({
      ...sample,
      title: '<img src=x> # *Hi*\nthere',
      messages: [
        { ...answer, verification: { state: 'content-mismatch', reason: '' }, status: 'partial' },
        { ...answer, verification: undefined, cost: undefined, chatId: null, status: 'error', error: 'HTTP 500' },
        { ...answer, verification: { state: 'verifying', reason: '' }, cost: undefined },
      ],
    });
    expect(md.split('\n')[0]).toBe('# \\<img src=x\\> \\# \\*Hi\\* there');
    expect(md).toContain('_Partial answer: stopped before the end._\n\nContent mismatch · Chat ID: chat-42 · Cost: ');
    expect(md).toContain('Error: HTTP 500\n\nNo verification · Estimated cost: up to 2000 0G');
    expect(md).toContain('Verification not finished · Chat ID: chat-42 · Estimated cost');
  });
});

describe('conversationFromMarkdown', () => {
  it('round-trips title, settings, system prompt, roles, models, reasoning and contents', () => {
    const c: Conversation = {
      ...sample,
      title: 'Tricky `title` with <tags> & #hash \\ back\\slash',
      systemPrompt: tricky[0] ?? '',
      messages: tricky.flatMap((content, i) => [
        user(`u${i}`, content),
        { ...answer, id: `a${i}`, content, reasoning: i % 2 ? content || undefined : undefined },
      ]),
    };
    const back = conversationFromMarkdown(conversationToMarkdown(c), TARGET);
    expect(back.title).toBe(c.title);
    expect([back.model, back.provider, back.temperature, back.maxTokens]).toEqual(['llama-3', PROVIDER, 0.7, 256]);
    expect(back.systemPrompt).toBe(c.systemPrompt);
    expect(back.messages.map((m) => [m.role, m.content, m.reasoning, m.model])).toEqual(
      c.messages.map((m) => [m.role, m.content, m.reasoning, m.model]),
    );
  });

  it('imports no verification, chat ID, cost or provider claims, only text, status and new ids', () => {
    const failed = { ...answer, id: 'm3', status: 'error' as const, error: 'Provider said *no*' };
    const md = conversationToMarkdown({
      ...sample,
      messages: [...sample.messages, failed, { ...answer, status: 'partial' }],
    });
    const back = conversationFromMarkdown(md, TARGET);
    for (const m of back.messages) {
      expect(m).not.toHaveProperty('verification');
      expect(m).not.toHaveProperty('chatId');
      expect(m).not.toHaveProperty('cost');
      expect(m).not.toHaveProperty('usage');
      expect(m).not.toHaveProperty('provider');
    }
    expect(back.messages.map((m) => [m.status, m.error])).toEqual([
      ['complete', undefined],
      ['complete', undefined],
      ['error', 'Provider said *no*'],
      ['partial', undefined],
    ]);
    expect(back.id).not.toBe(sample.id);
    expect(back.messages.map((m) => m.id)).not.toContain('m2');
    expect([back.chainId, back.owner]).toEqual([31337, TARGET.owner.toLowerCase()]);
  });

  it('reads a file saved with Windows line endings and an empty conversation', () => {
    const md = conversationToMarkdown({ ...sample, systemPrompt: '', messages: [user('u', 'a\nb')] });
    const back = conversationFromMarkdown(md.replace(/\n/g, '\r\n'), TARGET);
    expect(back.messages[0]?.content).toBe('a\nb');
    expect(back.systemPrompt).toBe('');
    expect(conversationFromMarkdown(conversationToMarkdown({ ...sample, messages: [] }), TARGET).messages).toEqual([]);
  });

  it.each([
    ['no title heading', 'Just some notes', 'does not start with a "# title" heading'],
    ['an unknown role', '# T\n\n### System\n\n```text\nx\n```', 'a message heading other than "### You" or'],
    ['an unclosed fence', '# T\n\n### You\n\n````text\nx\n```', 'The Markdown ends inside message 1'],
    ['a message without text', '# T\n\n### You\n\n### You\n\n```text\nx\n```', 'Message 1 has no text block.'],
    ['two text blocks', '# T\n\n### You\n\n```text\nx\n```\n\n```text\ny\n```', 'a text block where none belongs'],
    ['a stray block', '# T\n\n```text\nx\n```', 'a text block where none belongs'],
    ['a bad provider', '# T\n\n- Provider: 0x1', 'The provider in the Markdown is not an address.'],
    ['a bad temperature', '# T\n\n- Temperature: hot', 'The temperature in the Markdown must be a number'],
    ['bad max tokens', '# T\n\n- Max tokens: many', 'The max tokens in the Markdown must be a number.'],
  ])('rejects %s', (_name, text, message) => {
    expect(() => conversationFromMarkdown(text, TARGET)).toThrow(message);
  });

  it('brings out-of-range settings within range, and fills missing ones with the defaults', () => {
    const clamped = conversationFromMarkdown('# T\n\n- Temperature: 3\n- Max tokens: 100000\n', TARGET);
    expect([clamped.temperature, clamped.maxTokens]).toEqual([2, 8192]);
    const low = conversationFromMarkdown('# T\n\n- Temperature: -0.5\n- Max tokens: 0\n', TARGET);
    expect([low.temperature, low.maxTokens]).toEqual([0, 1]);
    const bare = conversationFromMarkdown('# T\n', TARGET);
    expect([bare.temperature, bare.maxTokens, bare.systemPrompt]).toEqual([0.7, 1024, '']);
  });

  it('rejects files over 5 MB and more than 2000 messages', () => {
    expect(() => conversationFromMarkdown(`# T\n${'x'.repeat(5 * 1024 * 1024)}`, TARGET)).toThrow('larger than 5 MB');
    const many = Array.from({ length: MAX_IMPORT_MESSAGES + 1 }, (_, i) => user(`m${i}`, 'x'));
    expect(() => conversationFromMarkdown(conversationToMarkdown({ ...sample, messages: many }), TARGET)).toThrow(
      'more than 2000 messages',
    );
  });
});
