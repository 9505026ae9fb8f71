import { describe, expect, it } from 'vitest';
import { problemFromResponse, problemSentence, stopReason } from './errors';

const json = (status: number, body: object, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

describe('provider problems', () => {
  it('reads status codes and the body’s code into problems', async () => {
    expect(await problemFromResponse(json(429, {}, { 'Retry-After': '2.5' }))).toEqual({
      kind: 'rate-limited',
      retryAfterS: 3,
    });
    expect(await problemFromResponse(json(401, {}))).toEqual({ kind: 'unauthorized' });
    expect(await problemFromResponse(json(402, { error: { code: 'insufficient_balance' } }))).toEqual({
      kind: 'unfunded',
      code: 'insufficient_balance',
    });
    expect(await problemFromResponse(new Response('oops', { status: 500 }))).toEqual({
      kind: 'http',
      status: 500,
      message: '',
    });
  });

  it('says "in a moment" for a 429 without a usable Retry-After, never "in 0 s"', async () => {
    for (const headers of [{}, { 'Retry-After': '' }, { 'Retry-After': 'soon' }] as Record<string, string>[]) {
      const p = await problemFromResponse(json(429, {}, headers));
      expect(p).toEqual({ kind: 'rate-limited', retryAfterS: null });
      expect(problemSentence(p)).toBe('The provider is limiting your requests. Try again in a moment.');
    }
    expect(problemSentence(await problemFromResponse(json(429, {}, { 'Retry-After': '0' })))).toContain('in a moment');
  });

  it('says why the app stopped an answer, and only for the reasons it gives itself', () => {
    const aborted = (reason?: unknown) => {
      const c = new AbortController();
      c.abort(reason);
      return c.signal;
    };
    expect(stopReason(aborted('network-changed'))).toBe('network-changed');
    expect(stopReason(aborted())).toBeUndefined();
    expect(stopReason(aborted('something else'))).toBeUndefined();
    expect(problemSentence({ kind: 'stopped' })).toBe('Stopped. What arrived is kept.');
    expect(problemSentence({ kind: 'stopped', because: 'network-changed' })).toMatch(/^The network changed/);
    expect(problemSentence({ kind: 'stopped', because: 'account-changed' })).toMatch(/^The wallet account changed/);
    expect(problemSentence({ kind: 'stopped', because: 'conversation-changed' })).toMatch(/another conversation/);
  });
});
