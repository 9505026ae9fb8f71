import { afterEach, describe, expect, it, vi } from 'vitest';
import { runInWorker, type WorkerStep } from './worker-run';

type Reply = { type: 'progress'; n: number } | { type: 'done'; value: string } | { type: 'error'; message: string };

// A stand-in the test drives by hand: what the worker would post, it "replies" when told to.
class FakeWorker {
  onmessage: ((event: MessageEvent<Reply>) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onmessageerror: ((event: Event) => void) | null = null;
  posted: unknown[] = [];
  terminated = false;
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  reply(data: Reply) {
    this.onmessage?.({ data } as MessageEvent<Reply>);
  }
  fail(kind: 'onerror' | 'onmessageerror') {
    const event = new Event(kind === 'onerror' ? 'error' : 'messageerror', { cancelable: true });
    this[kind]?.(event);
    return event;
  }
}

const read = (reply: Reply): WorkerStep<string> => {
  if (reply.type === 'progress') return undefined;
  return reply.type === 'done' ? { done: reply.value } : { failed: new Error(reply.message) };
};

function setup(options: { signal?: AbortSignal; fallback?: () => Promise<string> } = {}) {
  const worker = new FakeWorker();
  const create = vi.fn(() => worker as unknown as Worker);
  const fallback = vi.fn(options.fallback ?? (() => Promise.resolve('main thread')));
  const result = runInWorker({ create, request: { n: 1 }, read, fallback, signal: options.signal });
  return { worker, create, fallback, result };
}

afterEach(() => vi.unstubAllGlobals());

describe('runInWorker', () => {
  it('runs the fallback, and makes no worker, where there is no Worker', async () => {
    expect(typeof Worker).toBe('undefined');
    const { create, fallback, result } = setup();
    await expect(result).resolves.toBe('main thread');
    expect(create).not.toHaveBeenCalled();
    expect(fallback).toHaveBeenCalledOnce();
  });

  it('posts the request, skips progress, resolves with the result and ends the worker', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const { worker, fallback, result } = setup();
    expect(worker.posted).toEqual([{ n: 1 }]);
    worker.reply({ type: 'progress', n: 1 });
    expect(worker.terminated).toBe(false);
    worker.reply({ type: 'done', value: 'from the worker' });
    await expect(result).resolves.toBe('from the worker');
    expect(worker.terminated).toBe(true);
    expect(fallback).not.toHaveBeenCalled();
  });

  it("rejects with the worker's failure, without a fallback", async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const { worker, fallback, result } = setup();
    worker.reply({ type: 'error', message: 'unreadable' });
    await expect(result).rejects.toThrow('unreadable');
    expect(worker.terminated).toBe(true);
    expect(fallback).not.toHaveBeenCalled();
  });

  it('falls back to the main thread when the worker fails to load', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const { worker, fallback, result } = setup();
    const event = worker.fail('onerror');
    await expect(result).resolves.toBe('main thread');
    expect(event.defaultPrevented).toBe(true);
    expect(worker.terminated).toBe(true);
    expect(fallback).toHaveBeenCalledOnce();
  });

  it('falls back when a reply cannot be read', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const { worker, result } = setup();
    worker.fail('onmessageerror');
    await expect(result).resolves.toBe('main thread');
    expect(worker.terminated).toBe(true);
  });

  it('falls back when the worker cannot be made', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const fallback = vi.fn(() => Promise.resolve('main thread'));
    const create = () => {
      throw new SyntaxError('module workers are not supported');
    };
    await expect(runInWorker({ create, request: {}, read, fallback })).resolves.toBe('main thread');
  });

  it("ends the worker and rejects with the signal's reason when aborted", async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const controller = new AbortController();
    const { worker, result } = setup({ signal: controller.signal });
    controller.abort(new Error('cancelled by the user'));
    await expect(result).rejects.toThrow('cancelled by the user');
    expect(worker.terminated).toBe(true);
    // A reply after the abort changes nothing.
    worker.reply({ type: 'done', value: 'late' });
    await expect(result).rejects.toThrow('cancelled by the user');
  });

  it('rejects at once, making no worker, when the signal has already aborted', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const { create, fallback, result } = setup({ signal: AbortSignal.abort(new Error('too late')) });
    await expect(result).rejects.toThrow('too late');
    expect(create).not.toHaveBeenCalled();
    expect(fallback).not.toHaveBeenCalled();
  });

  it('rejects when aborted while the main thread works, even if the work never looks at the signal', async () => {
    const controller = new AbortController();
    const { result } = setup({ signal: controller.signal, fallback: () => new Promise<string>(() => undefined) });
    controller.abort(new Error('cancelled while hashing'));
    await expect(result).rejects.toThrow('cancelled while hashing');
  });

  it('rejects when aborted during the fallback after a failed worker', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const controller = new AbortController();
    const { worker, result } = setup({
      signal: controller.signal,
      fallback: () => new Promise<string>(() => undefined),
    });
    worker.fail('onerror');
    controller.abort(new Error('cancelled'));
    await expect(result).rejects.toThrow('cancelled');
  });
});
