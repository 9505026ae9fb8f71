import { describe, expect, it } from 'vitest';
import { repairInterrupted } from './repair';
import type { Conversation } from './types';

const conv = (messages: Conversation['messages']): Conversation => ({
  id: 'c',
  chainId: 1,
  owner: '0xa',
  title: 't',
  systemPrompt: '',
  temperature: 1,
  maxTokens: 10,
  messages,
  createdAt: 0,
  updatedAt: 0,
});

describe('repairInterrupted', () => {
  it('marks an answer cut short by a reload as incomplete and not verifiable', () => {
    const c = conv([{ id: 'a', role: 'assistant', content: 'half', status: 'partial', createdAt: 0 }]);
    const m = repairInterrupted(c).messages[0];
    expect(m).toMatchObject({
      status: 'partial',
      error: expect.stringMatching(/interrupted/),
      verification: { state: 'not-verifiable' },
    });
  });

  it('never leaves a whole answer "Verifying" after a reload', () => {
    const c = conv([
      {
        id: 'a',
        role: 'assistant',
        content: 'all',
        status: 'complete',
        createdAt: 0,
        verification: { state: 'verifying', reason: '' },
      },
    ]);
    expect(repairInterrupted(c).messages[0]?.verification?.state).toBe('not-verifiable');
  });

  it('leaves finished conversations untouched', () => {
    const c = conv([
      { id: 'u', role: 'user', content: 'q', status: 'complete', createdAt: 0 },
      {
        id: 'a',
        role: 'assistant',
        content: 'a',
        status: 'complete',
        createdAt: 0,
        verification: { state: 'verified', reason: '' },
      },
      { id: 'b', role: 'assistant', content: 'x', status: 'partial', error: 'Stopped.', createdAt: 0 },
    ]);
    expect(repairInterrupted(c)).toBe(c);
  });
});
