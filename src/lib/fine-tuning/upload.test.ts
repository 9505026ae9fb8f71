import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Wallet } from 'ethers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProviderHttpError, toAppError } from '../errors';
import { loraDigest, uploadDigest } from './digests';
import type { FtEndpoint } from './provider-api';
import { downloadModel, uploadDataset } from './upload';

// The devnet simulator is the provider's ground truth. It is loaded by a computed path so the
// app's typecheck (DOM lib) does not follow it into its Node-only HTTP helpers.
const sim = (file: string) =>
  import(/* @vite-ignore */ `../../../devnet/sim/${file}`) as Promise<Record<string, unknown>>;
type Verify = (...args: unknown[]) => void;
const auth = (await sim('fine-tuning-auth.ts')) as Record<'verifyDatasetUpload' | 'verifyLoraDownload', Verify>;
const { verifyDatasetUpload, verifyLoraDownload } = auth;

const wallet = new Wallet('0x' + '11'.repeat(32));
const user = wallet.address as `0x${string}`;
const ep: FtEndpoint = { url: 'https://provider.example/finetune', allowLocalHttp: false };
const id = '3f2b8c1e-9d4a-4b7e-8f00-1a2b3c4d5e6f';
const ts = 1_700_000_000;
const dataset = '{"instruction":"hi","output":"hello"}\n';

/** The part of XMLHttpRequest uploadDataset uses; the test plays the network. */
class FakeXhr {
  static last: FakeXhr | undefined;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: Uint8Array | undefined;
  status = 0;
  responseText = '';
  aborted = false;
  upload: { onprogress: ((e: { loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: Uint8Array) {
    this.body = body;
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  respond(status: number, text: string) {
    this.status = status;
    this.responseText = text;
    this.onload?.();
  }
}

const xhr = () => new FakeXhr() as unknown as XMLHttpRequest;

async function startUpload(extra: { signal?: AbortSignal; onProgress?: (s: number, t: number) => void } = {}) {
  const signature = (await wallet.signMessage(uploadDigest(user, ts))) as `0x${string}`;
  const input = { endpoint: ep, user, file: new Blob([dataset]), fileName: 'my data.jsonl', timestampS: ts };
  const done = uploadDataset({ ...input, signature, xhr, ...extra });
  const caught = done.catch((e: unknown) => e);
  await vi.waitUntil(() => FakeXhr.last?.body !== undefined);
  return { done, caught, fake: FakeXhr.last! };
}

afterEach(() => {
  FakeXhr.last = undefined;
  vi.unstubAllGlobals();
});

describe('uploadDataset', () => {
  it('sends a multipart body the provider parses and whose signature it accepts', async () => {
    const progress: [number, number][] = [];
    const { done, fake } = await startUpload({ onProgress: (s, t) => progress.push([s, t]) });
    expect(fake.method).toBe('POST');
    expect(fake.url).toBe(`https://provider.example/finetune/v1/user/${user}/dataset`);
    // The platform's own multipart parser, as the simulated provider uses.
    const form = await new Request('http://x/', {
      method: 'POST',
      headers: { 'content-type': fake.headers['Content-Type'] ?? '' },
      body: fake.body! as Uint8Array<ArrayBuffer>,
    }).formData();
    const file = form.get('file') as File;
    expect(file.name).toBe('my data.jsonl');
    expect(await file.text()).toBe(dataset);
    verifyDatasetUpload(user, form.get('timestamp'), form.get('signature'), ts);
    // The SDK's part order.
    expect([...form.keys()]).toEqual(['file', 'signature', 'timestamp']);
    const total = fake.body!.length;
    fake.upload.onprogress?.({ loaded: 100, total });
    fake.respond(200, JSON.stringify({ datasetHash: '0xfeed', message: 'ok' }));
    expect(await done).toEqual({ datasetHash: '0xfeed' });
    expect(progress).toEqual([
      [100, total],
      [total, total],
    ]);
  });

  it("says the provider's sentence when it refuses", async () => {
    const { caught, fake } = await startUpload();
    fake.respond(
      401,
      JSON.stringify({ error: 'The signed timestamp is more than 5 minutes away from now: sign again' }),
    );
    const e = (await caught) as ProviderHttpError;
    expect(e).toMatchObject({ kind: 'refused', status: 401 });
    expect(toAppError(e).message).toBe(
      'The provider refused: The signed timestamp is more than 5 minutes away from now: sign again.',
    );
  });

  it('calls a network error unreachable and a missing hash malformed', async () => {
    const first = await startUpload();
    first.fake.onerror?.();
    expect(await first.caught).toMatchObject({ kind: 'unreachable' });
    FakeXhr.last = undefined;
    const second = await startUpload();
    second.fake.respond(200, '{"message":"ok"}');
    expect(await second.caught).toMatchObject({ kind: 'malformed' });
  });

  it('aborts the request when the signal fires, and never starts on an aborted one', async () => {
    const abort = new AbortController();
    const { caught, fake } = await startUpload({ signal: abort.signal });
    abort.abort();
    expect(fake.aborted).toBe(true);
    expect(await caught).toMatchObject({ kind: 'cancelled' });
    FakeXhr.last = undefined;
    const signature = '0x00' as const;
    const pre = uploadDataset({
      endpoint: ep,
      user,
      file: new Blob(['x']),
      fileName: 'a',
      timestampS: ts,
      signature,
      xhr,
      signal: abort.signal,
    });
    await expect(pre).rejects.toMatchObject({ kind: 'cancelled' });
    expect(FakeXhr.last).toBeUndefined();
  });
});

describe('downloadModel', () => {
  it('asks with a signed JSON body the provider accepts, and reports progress', async () => {
    const model = new Uint8Array(3000).map((_, i) => i % 251);
    let sent: { url: string; body: unknown } | undefined;
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      sent = { url, body: JSON.parse(String(init.body)) };
      return new Response(model, { headers: { 'Content-Length': '3000' } });
    });
    const signature = (await wallet.signMessage(loraDigest(id, ts))) as `0x${string}`;
    const progress: [number, number | null][] = [];
    const got = await downloadModel({
      endpoint: ep,
      user,
      taskId: id,
      timestampS: ts,
      signature,
      onProgress: (r, t) => progress.push([r, t]),
    });
    expect(got).toEqual(model);
    expect(sent?.url).toBe(`https://provider.example/finetune/v1/user/${user}/task/${id}/lora`);
    const body = sent?.body as { signature: string; timestamp: unknown };
    expect(body.timestamp).toBe(ts);
    verifyLoraDownload(user, id, body.timestamp, body.signature, ts);
    expect(progress.at(-1)).toEqual([3000, 3000]);
  });

  it("says the provider's sentence when the model is not delivered", async () => {
    vi.stubGlobal('fetch', async () =>
      Response.json({ error: 'The model is not delivered yet: the task is Training' }, { status: 409 }),
    );
    const e = downloadModel({ endpoint: ep, user, taskId: id, timestampS: ts, signature: '0x00' });
    await expect(e).rejects.toMatchObject({
      kind: 'refused',
      status: 409,
      message: expect.stringMatching(/not delivered yet/),
    });
  });

  it('cancels on the signal', async () => {
    vi.stubGlobal('fetch', async (_u: string, init: RequestInit) => {
      const signal = init.signal!;
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(new Uint8Array(10));
          signal.addEventListener('abort', () => c.error(new DOMException('aborted', 'AbortError')));
        },
      });
      return new Response(body);
    });
    const abort = new AbortController();
    const p = downloadModel({
      endpoint: ep,
      user,
      taskId: id,
      timestampS: ts,
      signature: '0x00',
      signal: abort.signal,
      onProgress: () => abort.abort(),
    });
    await expect(p).rejects.toMatchObject({ kind: 'cancelled' });
  });

  describe('over a real connection that is cut', () => {
    let server: Server | undefined;
    afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

    it('says the download stopped and can be retried', async () => {
      server = createServer((req, res) => {
        req.resume();
        res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(4 * 1024 * 1024) });
        res.write(Buffer.alloc(1024 * 1024), () => res.destroy());
      });
      await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
      const port = (server.address() as AddressInfo).port;
      const local = { url: `http://127.0.0.1:${port}/finetune`, allowLocalHttp: true };
      const e = await downloadModel({ endpoint: local, user, taskId: id, timestampS: ts, signature: '0x00' }).catch(
        (x: unknown) => x,
      );
      expect(e).toMatchObject({ kind: 'unreachable', code: 'cut' });
      const app = toAppError(e);
      expect(app.kind).toBe('network');
      expect(app.message).toMatch(/^The download stopped after \d\.\d MB of 4\.0 MB: .*Download again to retry\.$/);
    });

    it('notices a body shorter than its declared length', async () => {
      vi.stubGlobal('fetch', async () => new Response(new Uint8Array(50), { headers: { 'Content-Length': '100' } }));
      const e = downloadModel({ endpoint: ep, user, taskId: id, timestampS: ts, signature: '0x00' });
      await expect(e).rejects.toMatchObject({ kind: 'unreachable', code: 'cut' });
    });
  });
});
