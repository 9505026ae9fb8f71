import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { InferenceError, type InferenceProblem } from './errors';
import { postBytes } from './post-bytes';

type Handler = (req: IncomingMessage, body: Buffer, res: ServerResponse) => void;
let handler: Handler = (_req, _body, res) => res.end();
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    // No keep-alive: a socket a previous test left stalled must not be reused by the next request.
    res.setHeader('Connection', 'close');
    req.on('end', () => handler(req, Buffer.concat(parts), res));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((r) => server.close(() => r()));
});
afterEach(async () => {
  vi.unstubAllGlobals();
  server.closeAllConnections();
  // Node's fetch drops a closed socket from its pool a moment later; without the wait, a socket a
  // stalled test left would be reused by the next one and fail as "other side closed".
  await new Promise((r) => setTimeout(r, 20));
});

const bytes = Uint8Array.from([0x00, 0xff, 0x0d, 0x0a, 0x80, 0x7b]);
const post = (over: Partial<Parameters<typeof postBytes>[0]> = {}) =>
  postBytes({
    url: `${base}/v1/proxy/images/generations`,
    bytes,
    contentType: 'application/octet-stream',
    authorization: 'Bearer app-sk-x',
    signal: new AbortController().signal,
    ...over,
  });

async function problemOf(p: Promise<unknown>): Promise<InferenceProblem> {
  const err: unknown = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InferenceError);
  return (err as InferenceError).problem;
}

describe('postBytes', () => {
  it('sends the bytes and headers as given and returns the body byte for byte with the chat ID', async () => {
    const answer = Buffer.from([0x7b, 0x00, 0xfe, 0xc3, 0x28, 0x7d]); // not valid UTF-8 on purpose
    let seen: { body: Buffer; type?: string; auth?: string; method?: string } | undefined;
    handler = (req, body, res) => {
      seen = { body, type: req.headers['content-type'], auth: req.headers.authorization, method: req.method };
      res.writeHead(200, { 'ZG-Res-Key': 'img-1', 'Content-Type': 'application/json' });
      res.end(answer);
    };
    const out = await post();
    expect(seen).toEqual({
      body: Buffer.from(bytes),
      type: 'application/octet-stream',
      auth: 'Bearer app-sk-x',
      method: 'POST',
    });
    expect(Buffer.from(out.responseBytes).equals(answer)).toBe(true);
    expect(out).toMatchObject({ chatId: 'img-1', status: 200 });
    expect(out.headers.get('content-type')).toBe('application/json');
    expect(out.msTotal).toBeGreaterThanOrEqual(0);
  });

  it('gives a null chat ID when the header is missing', async () => {
    handler = (_req, _body, res) => res.end('{}');
    expect((await post()).chatId).toBeNull();
  });

  it('turns HTTP errors into the provider problem', async () => {
    handler = (_req, _body, res) => {
      res.writeHead(429, { 'Retry-After': '7' }).end('{}');
    };
    expect(await problemOf(post())).toEqual({ kind: 'rate-limited', retryAfterS: 7 });
    handler = (_req, _body, res) => {
      res.writeHead(402).end(JSON.stringify({ error: { code: 'account_not_acknowledged' } }));
    };
    expect(await problemOf(post())).toEqual({ kind: 'unfunded', code: 'account_not_acknowledged' });
    handler = (_req, _body, res) => {
      res.writeHead(413).end(JSON.stringify({ error: { message: 'The image is larger than 4 MiB' } }));
    };
    expect(await problemOf(post())).toEqual({ kind: 'http', status: 413, message: 'The image is larger than 4 MiB' });
  });

  it('reports a provider that cannot be reached as a network problem', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    expect(await problemOf(post({ url: `http://127.0.0.1:${port}/x` }))).toMatchObject({ kind: 'network' });
  });

  it('times out when the body stops arriving, even after the headers came', async () => {
    handler = (_req, _body, res) => {
      res.writeHead(200, { 'Content-Length': '100' });
      res.write('{"data":');
    };
    expect(await problemOf(post({ timeoutMs: 150 }))).toEqual({ kind: 'timeout' });
  });

  it('times out when no answer comes at all', async () => {
    handler = () => undefined;
    expect(await problemOf(post({ timeoutMs: 100 }))).toEqual({ kind: 'timeout' });
  });

  it('stops on Stop, with the reason it was stopped for', async () => {
    handler = (_req, _body, res) => {
      res.writeHead(200);
      res.write('{');
    };
    const user = new AbortController();
    setTimeout(() => user.abort(), 50);
    expect(await problemOf(post({ signal: user.signal }))).toEqual({ kind: 'stopped', because: undefined });

    const app = new AbortController();
    setTimeout(() => app.abort('account-changed'), 50);
    expect(await problemOf(post({ signal: app.signal }))).toEqual({ kind: 'stopped', because: 'account-changed' });
  });

  it('sends nothing when already stopped', async () => {
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    const c = new AbortController();
    c.abort('network-changed');
    expect(await problemOf(post({ signal: c.signal }))).toEqual({ kind: 'stopped', because: 'network-changed' });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('does not wait for a body that ignores the abort', async () => {
    const stuck = {
      ok: true,
      status: 200,
      headers: new Headers(),
      arrayBuffer: () => new Promise<ArrayBuffer>(() => undefined),
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => stuck),
    );
    expect(await problemOf(post({ timeoutMs: 50 }))).toEqual({ kind: 'timeout' });
  });
});
