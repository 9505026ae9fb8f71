import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Service } from '../chain/services';
import { InferenceError } from './errors';
import { imageCost, imageGenerationBody, sendImageEdit, sendImageGeneration } from './image-request';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x2d, 0x2d, 0x0d, 0x0a]);
const answer = new TextEncoder().encode('{"created":1,"data":[{"b64_json":"iVBORw0KGgo="}]}');
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

interface Sent {
  url: string;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer>;
}

/** A stand-in provider that records what was sent, byte for byte. */
function provider(status = 200, headers: Record<string, string> = { 'ZG-Res-Key': 'img-7' }) {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      sent.push({
        url,
        headers: init.headers as Record<string, string>,
        body: new Uint8Array(await new Response(init.body).arrayBuffer()),
      });
      return new Response(status === 200 ? answer : '{"error":{"message":"bad size"}}', { status, headers });
    }),
  );
  return sent;
}

const common = {
  endpoint: 'https://provider.example/v1/proxy',
  authorization: 'Bearer app-sk-abc',
  signal: new AbortController().signal,
};

afterEach(() => vi.unstubAllGlobals());

describe('imageGenerationBody', () => {
  it('always asks for the pictures inline as b64_json', () => {
    expect(imageGenerationBody({ model: 'flux', prompt: 'a fox', size: '512x512', n: 2 })).toEqual({
      model: 'flux',
      prompt: 'a fox',
      size: '512x512',
      n: 2,
      response_format: 'b64_json',
    });
  });
});

describe('sendImageGeneration', () => {
  it('posts the JSON bytes it keeps and keeps the answer whole, with the chat ID', async () => {
    const sent = provider();
    const body = imageGenerationBody({ model: 'flux', prompt: 'un renard «roux»\n', size: '256x256', n: 1 });
    const ex = await sendImageGeneration({ ...common, body });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe('https://provider.example/v1/proxy/images/generations');
    expect(sent[0]!.headers).toEqual({ 'Content-Type': 'application/json', Authorization: 'Bearer app-sk-abc' });
    expect(b64(sent[0]!.body)).toBe(b64(ex.requestBytes));
    expect(JSON.parse(new TextDecoder().decode(ex.requestBytes))).toMatchObject({ response_format: 'b64_json' });
    expect(b64(ex.responseBytes)).toBe(b64(answer));
    expect(ex).toMatchObject({ chatId: 'img-7', usage: null, problem: null });
    expect(ex.msTotal).toBeGreaterThanOrEqual(0);
  });

  it('throws the provider problem for an HTTP error', async () => {
    provider(400);
    const err = await sendImageGeneration({
      ...common,
      body: imageGenerationBody({ model: 'm', prompt: 'p', size: 'x', n: 1 }),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InferenceError);
    expect((err as InferenceError).problem).toEqual({ kind: 'http', status: 400, message: 'bad size' });
  });
});

describe('sendImageEdit', () => {
  it('sends exactly the multipart bytes it keeps: fields in order, the file raw', async () => {
    const sent = provider();
    const ex = await sendImageEdit({
      ...common,
      image: { bytes: PNG, mime: 'image/png', name: 'fox.png' },
      prompt: 'make it blue',
      model: 'qwen/qwen-image-edit',
      n: 2,
      size: '512x512',
    });
    const req = sent[0]!;
    expect(req.url).toBe('https://provider.example/v1/proxy/images/edits');
    expect(b64(req.body)).toBe(b64(ex.requestBytes));
    const type = req.headers['Content-Type']!;
    expect(type).toMatch(/^multipart\/form-data; boundary=\S+$/);
    const form = await new Response(req.body, { headers: { 'content-type': type } }).formData();
    expect([...form.keys()]).toEqual(['model', 'prompt', 'n', 'size', 'response_format', 'image']);
    expect(form.get('response_format')).toBe('b64_json');
    expect(form.get('n')).toBe('2');
    const file = form.get('image') as File;
    expect(file.name).toBe('fox.png');
    expect(file.type).toBe('image/png');
    expect(b64(new Uint8Array(await file.arrayBuffer()))).toBe(b64(PNG));
    expect(ex.chatId).toBe('img-7');
  });

  it('leaves out the size when none is given', async () => {
    const sent = provider();
    await sendImageEdit({
      ...common,
      image: { bytes: PNG, mime: 'image/png', name: 'a.png' },
      prompt: 'p',
      model: 'm',
      n: 1,
    });
    const type = sent[0]!.headers['Content-Type']!;
    const form = await new Response(sent[0]!.body, { headers: { 'content-type': type } }).formData();
    expect([...form.keys()]).toEqual(['model', 'prompt', 'n', 'response_format', 'image']);
  });
});

describe('imageCost', () => {
  const service = { inputPrice: 2n, outputPrice: 3_000_000_000_000_000n } as Service;
  it('is pictures times input plus output price, in neuron', () => {
    expect(imageCost(service, 1)).toBe(3_000_000_000_000_002n);
    expect(imageCost(service, 4)).toBe(12_000_000_000_000_008n);
    expect(imageCost(service, 0)).toBe(0n);
  });
  it('refuses a count that is not a whole number', () => {
    expect(() => imageCost(service, 1.5)).toThrow('whole number');
    expect(() => imageCost(service, -1)).toThrow('whole number');
  });
});
