import { afterEach, describe, expect, it, vi } from 'vitest';
import { FINE_TUNING } from '../../../devnet/catalogue';
import { ProviderHttpError } from '../errors';
import {
  cancelTask,
  createTask,
  getLog,
  getTask,
  listModels,
  listTasks,
  modelUsage,
  pendingCount,
  type FtEndpoint,
} from './provider-api';

// The devnet simulator is the provider's ground truth. It is loaded by a computed path so the
// app's typecheck (DOM lib) does not follow it into its Node-only HTTP helpers.
const sim = (file: string) =>
  import(/* @vite-ignore */ `../../../devnet/sim/${file}`) as Promise<Record<string, unknown>>;
type View = (x: unknown) => Record<string, unknown>;
const customizedModel = (await sim('fine-tuning-requests.ts')).customizedModel as View;
const taskView = (await sim('fine-tuning-runner.ts')).taskView as View;

const ep: FtEndpoint = { url: 'https://provider.example/finetune/', allowLocalHttp: false };
const user = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const id = '3f2b8c1e-9d4a-4b7e-8f00-1a2b3c4d5e6f';

interface Call {
  url: string;
  init: RequestInit;
}

/** Stubs fetch with `answer`; honours an aborted signal the way fetch does. */
function serve(answer: (call: Call) => Response | Promise<Response>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    calls.push({ url, init });
    if (init.signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
    return answer({ url, init });
  });
  return calls;
}

const json = (v: unknown, status = 200) =>
  new Response(JSON.stringify(v), { status, headers: { 'Content-Type': 'application/json' } });

async function failure(p: Promise<unknown>): Promise<ProviderHttpError> {
  const e: unknown = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ProviderHttpError);
  return e as ProviderHttpError;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('provider endpoint', () => {
  it('refuses a service URL that is not https, or local http on the devnet, before any request', async () => {
    const calls = serve(() => json([]));
    for (const url of ['http://provider.example', 'javascript:alert(1)', 'https://u:p@provider.example', 'x']) {
      const e = await failure(listModels({ url, allowLocalHttp: true }));
      expect(e).toMatchObject({ kind: 'malformed', code: 'unsafe-url' });
    }
    await failure(listModels({ url: 'http://127.0.0.1:8600/finetune', allowLocalHttp: false }));
    expect(calls).toHaveLength(0);
    await listModels({ url: 'http://127.0.0.1:8600/finetune', allowLocalHttp: true });
    expect(calls[0]?.url).toBe('http://127.0.0.1:8600/finetune/v1/model');
  });

  it('puts the checksummed user and encoded names in the path', async () => {
    const calls = serve(() => new Response('x'));
    await getLog(ep, user.toLowerCase() as `0x${string}`, id);
    await modelUsage(ep, 'a/b c?d');
    expect(calls.map((c) => c.url)).toEqual([
      `https://provider.example/finetune/v1/user/${user}/task/${id}/log`,
      'https://provider.example/finetune/v1/model/desc/a%2Fb%20c%3Fd',
    ]);
  });
});

describe('listModels', () => {
  it("reads the devnet provider's model list and drops unknown fields", async () => {
    const sent = FINE_TUNING.models.map(customizedModel);
    serve(() => json(sent.map((m) => ({ ...m, extra: { nested: true } }))));
    const models = await listModels(ep);
    expect(models).toEqual(sent);
    expect(models[0]).not.toHaveProperty('extra');
  });

  it('throws malformed on a wrong shape', async () => {
    for (const body of [{ models: [] }, [{ name: 'x' }], [{ name: 'x', hash: 'h', tokenizer: 5 }], [null]]) {
      serve(() => json(body));
      expect(await failure(listModels(ep))).toMatchObject({ kind: 'malformed' });
    }
    serve(() => new Response('<html>oops</html>'));
    expect((await failure(listModels(ep))).message).toMatch(/not valid JSON/);
  });

  it('refuses a JSON answer over 5 MB, declared or streamed', async () => {
    const big = '[' + '"x",'.repeat(1_400_000) + '"x"]';
    serve(() => new Response(big, { headers: { 'Content-Length': String(big.length) } }));
    expect((await failure(listModels(ep))).message).toMatch(/larger than 5 MB/);
    const stream = new Blob([big]).stream();
    serve(() => new Response(stream));
    expect((await failure(listModels(ep))).message).toMatch(/larger than 5 MB/);
  });
});

describe('pendingCount', () => {
  it('reads a bare number, as text or JSON', async () => {
    for (const [body, n] of [
      ['3', 3],
      ['0\n', 0],
      ['"12"', 12],
    ] as const) {
      serve(() => new Response(body));
      expect(await pendingCount(ep)).toBe(n);
    }
    for (const body of ['lots', '-1', '1.5', '', '{"n":1}']) {
      serve(() => new Response(body));
      expect(await failure(pendingCount(ep))).toMatchObject({ kind: 'malformed' });
    }
  });
});

describe('tasks', () => {
  const simTask = {
    id,
    createdAt: new Date('2025-01-01T00:00:00Z'),
    updatedAt: new Date('2025-01-01T00:05:00Z'),
    userAddress: user,
    preTrainedModelHash: FINE_TUNING.models[0]?.hash ?? '',
    datasetHash: '0xdd',
    trainingParams: '{"num_train_epochs":1}',
    nonce: '4',
    signature: '0xsig',
    wait: false,
    fee: 1234n,
    progress: 'Training',
  };

  it('creates a task with the exact JSON body and reads its id', async () => {
    const calls = serve(() => json({ id }));
    const body = {
      userAddress: user as `0x${string}`,
      datasetHash: '0xdd',
      preTrainedModelHash: '0xmm',
      trainingParams: '{}',
      fee: '1234',
      nonce: '4',
      signature: '0xab' as const,
    };
    expect(await createTask(ep, user, body)).toEqual({ id });
    expect(calls[0]?.url).toBe(`https://provider.example/finetune/v1/user/${user}/task`);
    expect(calls[0]?.init.method).toBe('POST');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual(body);
    serve(() => json({ id: '<script>' }));
    expect(await failure(createTask(ep, user, body))).toMatchObject({ kind: 'malformed' });
  });

  it("reads the devnet provider's task view, one or a list", async () => {
    const view = JSON.parse(JSON.stringify(taskView(simTask))) as Record<string, unknown>;
    const calls = serve(({ url }) => json(url.endsWith('/task') || url.includes('?') ? [view] : view));
    const task = await getTask(ep, user, id);
    expect(task).toMatchObject({ id, fee: 1234n, progress: 'Training', nonce: '4' });
    expect(task).not.toHaveProperty('deliverIndex');
    expect(await listTasks(ep, user, undefined, true)).toEqual([task]);
    expect(calls[1]?.url).toBe(`https://provider.example/finetune/v1/user/${user}/task?latest=true`);
    serve(() => json({ tasks: [] }));
    expect(await failure(listTasks(ep, user))).toMatchObject({ kind: 'malformed' });
  });

  it('sends a cancellation with the signature', async () => {
    const calls = serve(() => json({ id, progress: 'Cancelled' }));
    await cancelTask(ep, user, id, '0x1234');
    expect(calls[0]?.url).toBe(`https://provider.example/finetune/v1/user/${user}/task/${id}/cancel`);
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ signature: '0x1234' });
  });

  it('keeps the last 2 MB of a long log, starting on a whole line', async () => {
    const lines = Array.from({ length: 120_000 }, (_, i) => `2025-01-01T00:00:00Z [Training] line ${i}`);
    serve(() => new Response(lines.join('\n') + '\n'));
    const log = await getLog(ep, user, id);
    expect(new TextEncoder().encode(log).length).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(log.endsWith('line 119999\n')).toBe(true);
    expect(log).toMatch(/^2025-01-01T00:00:00Z \[Training\] line \d+\n/);
    serve(() => new Response('short log\n'));
    expect(await getLog(ep, user, id)).toBe('short log\n');
  });
});

describe('provider failures', () => {
  it("keeps the provider's sentence and code when it refuses", async () => {
    const error = 'You already have an unfinished task (abc, Training): wait for it, acknowledge it or cancel it first';
    serve(() => json({ error, code: 'task_active' }, 409));
    const e = await failure(getTask(ep, user, id));
    expect(e).toMatchObject({ kind: 'refused', status: 409, code: 'task_active' });
    expect(e.message).toBe(`The provider refused: ${error}.`);
    expect(e.details).toContain('HTTP 409');
  });

  it('cleans an untrusted sentence, and falls back to the status', async () => {
    serve(() => json({ error: 'bad\u0000\u001b[31m thing\u202e\n' + 'x'.repeat(400) }, 400));
    const e = await failure(getTask(ep, user, id));
    expect(e.message).not.toMatch(/\p{Cc}|\u202e/u);
    expect(e.message.length).toBeLessThan(340);
    serve(() => new Response('<h1>Bad gateway</h1>', { status: 502 }));
    expect((await failure(getTask(ep, user, id))).message).toBe('The provider refused the request (HTTP 502).');
  });

  it('calls a failed fetch unreachable and an aborted one cancelled', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    expect(await failure(listModels(ep))).toMatchObject({ kind: 'unreachable', status: null });
    serve(() => json([]));
    const abort = new AbortController();
    abort.abort();
    expect(await failure(listModels(ep, abort.signal))).toMatchObject({ kind: 'cancelled' });
  });

  it('calls a body cut mid-way unreachable', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('[{"name":'));
        c.error(new TypeError('terminated'));
      },
    });
    serve(() => new Response(body));
    expect(await failure(listModels(ep))).toMatchObject({ kind: 'unreachable' });
  });
});
