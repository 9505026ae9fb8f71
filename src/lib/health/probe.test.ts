import { afterEach, describe, expect, it, vi } from 'vitest';
import { latencyText, probeEndpoint, probeUrl, probeVerdict, PROBE_TIMEOUT_MS } from './probe';

afterEach(() => void vi.useRealTimers());

describe('probeUrl', () => {
  it('checks the models route of https URLs, and of local http only on the devnet', () => {
    expect(probeUrl('https://p.example/base/?x=1#y', false)).toBe('https://p.example/base/v1/proxy/models');
    expect(probeUrl('http://127.0.0.1:8600/chat-a', true)).toBe('http://127.0.0.1:8600/chat-a/v1/proxy/models');
    expect(probeUrl('http://127.0.0.1:8600/chat-a', false)).toBeNull();
    expect(probeUrl('javascript:alert(1)', true)).toBeNull();
    expect(probeUrl('http://evil.example', true)).toBeNull();
  });
});

describe('probeEndpoint', () => {
  it('measures an answer to its headers', async () => {
    let t = 1000;
    const fetchImpl = vi.fn(async () => {
      t += 150;
      return new Response('{}', { status: 200 });
    });
    const r = await probeEndpoint('https://p/v1/proxy/models', {
      fetchImpl: fetchImpl as unknown as typeof fetch,
      now: () => t,
    });
    expect(r).toMatchObject({ state: 'answers', latencyMs: 150, status: 200 });
    expect(fetchImpl).toHaveBeenCalledWith(
      'https://p/v1/proxy/models',
      expect.objectContaining({ credentials: 'omit' }),
    );
  });

  it('tells an error status, a dropped connection and a timeout apart', async () => {
    const status = (async () => new Response('', { status: 503 })) as unknown as typeof fetch;
    expect(await probeEndpoint('https://p', { fetchImpl: status })).toMatchObject({ state: 'http-error', status: 503 });
    const dropped = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    expect(await probeEndpoint('https://p', { fetchImpl: dropped })).toMatchObject({
      state: 'unreachable',
      latencyMs: null,
    });

    vi.useFakeTimers();
    const hanging = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      )) as unknown as typeof fetch;
    const pending = probeEndpoint('https://p', { fetchImpl: hanging });
    await vi.advanceTimersByTimeAsync(PROBE_TIMEOUT_MS);
    expect(await pending).toMatchObject({ state: 'timeout', latencyMs: null });
  });
});

describe('probeVerdict', () => {
  const at = 0;
  it('names each outcome', () => {
    expect(probeVerdict(undefined, true).label).toBe('Checking…');
    expect(probeVerdict(undefined).label).toBe('Not checked yet');
    expect(probeVerdict({ state: 'answers', latencyMs: 120, status: 200, at })).toMatchObject({
      tone: 'good',
      label: 'Answers · 120 ms',
    });
    expect(probeVerdict({ state: 'answers', latencyMs: 3100, status: 200, at })).toMatchObject({
      tone: 'warn',
      label: 'Slow · 3.1 s',
    });
    expect(probeVerdict({ state: 'http-error', latencyMs: 5, status: 502, at }).label).toBe('Answers with HTTP 502');
    expect(probeVerdict({ state: 'timeout', latencyMs: null, status: null, at })).toMatchObject({
      tone: 'bad',
      label: 'Not answering',
    });
    expect(probeVerdict({ state: 'unreachable', latencyMs: null, status: null, at }).label).toBe('Unreachable');
    expect(latencyText(999)).toBe('999 ms');
  });
});
