import { describe, expect, it, vi } from 'vitest';
import type { Service } from '../chain/services';
import { InferenceError } from './errors';
import type { Exchange } from './exchange';
import { runInference } from './run';

const service = {
  provider: '0x00000000000000000000000000000000000000aa',
  inputPrice: 2n,
  outputPrice: 3n,
} as unknown as Service;
const exchange: Exchange = {
  requestBytes: new Uint8Array([1]),
  responseBytes: new Uint8Array([2]),
  chatId: 'c1',
  usage: { prompt_tokens: 10, completion_tokens: 5 },
  problem: null,
};
const signal = () => new AbortController().signal;

describe('runInference', () => {
  it('signs again once after a 401, then answers, with the cost from usage', async () => {
    const authorize = vi.fn(async (forceNew: boolean) => (forceNew ? 'new' : 'cached'));
    const send = vi.fn(async (auth: string) => {
      if (auth === 'cached') throw new InferenceError({ kind: 'unauthorized' });
      return exchange;
    });
    const out = await runInference({ service, signal: signal(), send }, authorize);
    expect(authorize.mock.calls).toEqual([[false], [true]]);
    expect(out).toMatchObject({ kind: 'answered', exchange, cost: 10n * 2n + 5n * 3n });
  });

  it('reports a second 401 instead of signing forever', async () => {
    const authorize = vi.fn(async () => 'h');
    const out = await runInference(
      {
        service,
        signal: signal(),
        send: async () => {
          throw new InferenceError({ kind: 'unauthorized' });
        },
      },
      authorize,
    );
    expect(authorize).toHaveBeenCalledTimes(2);
    expect(out).toMatchObject({ kind: 'refused', problem: { kind: 'unauthorized' }, declined: false });
  });

  it('a declined signature sends nothing and is the user’s choice', async () => {
    const send = vi.fn();
    const out = await runInference({ service, signal: signal(), send }, async () => {
      throw Object.assign(new Error('User rejected the request.'), { code: 4001 });
    });
    expect(send).not.toHaveBeenCalled();
    expect(out).toEqual({
      kind: 'refused',
      problem: null,
      message: 'You declined the signature the provider needs. Nothing was sent.',
      declined: true,
    });
  });

  it('a request stopped before it leaves is not sent', async () => {
    const c = new AbortController();
    c.abort('network-changed');
    const send = vi.fn();
    const out = await runInference({ service, signal: c.signal, send }, async () => 'h');
    expect(send).not.toHaveBeenCalled();
    expect(out).toMatchObject({ kind: 'refused', problem: { kind: 'stopped', because: 'network-changed' } });
  });

  it('takes the task’s own cost rule (images are priced per picture)', async () => {
    const out = await runInference(
      { service, signal: signal(), send: async () => ({ ...exchange, usage: null }), cost: () => 7n },
      async () => 'h',
    );
    expect(out).toMatchObject({ kind: 'answered', cost: 7n });
  });
});
