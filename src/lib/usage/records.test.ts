import { describe, expect, it } from 'vitest';
import type { ChatMessage, Conversation } from '../chat/types';
import type { MediaItem } from '../media/types';
import { chatRecords, mediaRecords, verdictBucket } from './records';

const A = '0x00000000000000000000000000000000000000aA';
const B = '0x00000000000000000000000000000000000000bB';

const answer = (extra: Partial<ChatMessage> = {}): ChatMessage => ({
  id: Math.random().toString(36),
  role: 'assistant',
  content: 'An answer.',
  provider: A,
  status: 'complete',
  createdAt: 1000,
  verification: { state: 'verified', reason: 'Signed.' },
  ...extra,
});

const conversation = (messages: ChatMessage[]): Conversation => ({
  id: 'c1',
  chainId: 31337,
  owner: '0xowner',
  title: 't',
  systemPrompt: '',
  temperature: 1,
  maxTokens: 100,
  messages,
  createdAt: 0,
  updatedAt: 0,
});

describe('verdictBucket', () => {
  it('groups the stored states and counts an imported or unsettled verdict as unchecked', () => {
    expect(verdictBucket({ state: 'verified', reason: '' })).toBe('verified');
    expect(verdictBucket({ state: 'content-mismatch', reason: '' })).toBe('mismatch');
    expect(verdictBucket({ state: 'failed', reason: '' })).toBe('failed');
    expect(verdictBucket({ state: 'not-verifiable', reason: '' })).toBe('not-verifiable');
    expect(verdictBucket({ state: 'unavailable', reason: '' })).toBe('unchecked');
    expect(verdictBucket({ state: 'verifying', reason: '' })).toBe('unchecked');
    expect(verdictBucket({ state: 'verified', reason: '', imported: true })).toBe('unchecked');
    expect(verdictBucket(undefined)).toBe('unchecked');
  });
});

describe('chatRecords', () => {
  it('keeps assistant turns with a provider, lowercased, with their time, tokens and cost', () => {
    const records = chatRecords([
      conversation([
        { id: 'u', role: 'user', content: 'Hi', status: 'complete', createdAt: 1 },
        answer({
          latencyMs: 2000,
          firstTokenMs: 300,
          streamMs: 1500,
          usage: { prompt_tokens: 5, completion_tokens: 40 },
          cost: '1200',
        }),
        answer({ provider: B, verification: { state: 'content-mismatch', reason: 'x' } }),
        answer({ provider: undefined }),
      ]),
    ]);
    expect(records).toEqual([
      {
        provider: A.toLowerCase(),
        kind: 'chat',
        createdAt: 1000,
        answered: true,
        verdict: 'verified',
        latencyMs: 2000,
        firstTokenMs: 300,
        streamMs: 1500,
        outputTokens: 40,
        cost: 1200n,
      },
      expect.objectContaining({ provider: B.toLowerCase(), verdict: 'mismatch', latencyMs: null, cost: null }),
    ]);
  });

  it('tells a request with no answer from an interrupted one, and drops malformed figures', () => {
    const [refused, cut, odd] = chatRecords([
      conversation([
        answer({ status: 'error', content: '', latencyMs: 50 }),
        answer({ status: 'error', content: 'Half an ans' }),
        answer({ latencyMs: -3, cost: '12.5', usage: { prompt_tokens: 1, completion_tokens: 1.5 } }),
      ]),
    ]);
    expect(refused).toMatchObject({ answered: false, latencyMs: null });
    expect(cut).toMatchObject({ answered: true });
    expect(odd).toMatchObject({ latencyMs: null, cost: null, outputTokens: null });
  });
});

describe('mediaRecords', () => {
  it('keeps pictures and transcripts with their verdict, time and cost, and no token counts', () => {
    const item: MediaItem = {
      id: 'i1',
      kind: 'image',
      chainId: 31337,
      owner: '0xowner',
      createdAt: 5,
      provider: B,
      model: 'flux',
      serviceUrl: 'https://p.example',
      chatId: null,
      prompt: 'a cat',
      settings: {},
      verification: { state: 'failed', reason: '' },
      latencyMs: 900,
      cost: '7',
      requestSha256: 'aa',
      responseSha256: 'bb',
      mediaSha256: 'cc',
      mediaType: 'image/png',
      bytes: 3,
    };
    expect(mediaRecords([item, { ...item, kind: 'transcript', provider: '0xnope' }])).toEqual([
      {
        provider: B.toLowerCase(),
        kind: 'image',
        createdAt: 5,
        answered: true,
        verdict: 'failed',
        latencyMs: 900,
        firstTokenMs: null,
        streamMs: null,
        outputTokens: null,
        cost: 7n,
      },
    ]);
  });
});
