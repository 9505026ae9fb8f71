import { getAddress, verifyMessage } from 'ethers';
import { afterEach, beforeAll, describe, expect, inject, test } from 'vitest';
import { makeWav, transcribe } from '../sim/audio.js';
import { NO_FAULTS, type Faults } from '../sim/faults.js';
import { editUpload } from '../sim/image-input.js';
import { drawPicture } from '../sim/picture.js';
import { decodePng, encodePng } from '../sim/png.js';
import type { Segment } from '../sim/segments.js';
import * as h from './helpers.js';

const manifest = inject('manifest');
const p = (name: string) => h.providerNamed(manifest, name);
const NAMES = ['chat-a', 'image', 'image-edit', 'speech'];
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF not decoded by the simulator')]);

// Faults are set for these two wallets only (the `user` field), so files sharing the devnet see
// honest providers. Two wallets because a wallet gets bursts of 5 requests per provider.
let u1: h.User;
let u2: h.User;

beforeAll(async () => {
  [u1, u2] = (await Promise.all([21, 22].map((i) => h.connectUser(manifest, manifest.accounts[i])))) as [
    h.User,
    h.User,
  ];
  await Promise.all([u1, u2].map((u) => h.fundUser(u, 15, NAMES.map(p), 3n * h.OG)));
});

const faultFor = (user: h.User, provider: string, faults: Partial<Faults>) =>
  h.control(manifest, 'faults', { provider, user: user.address, ...faults });

afterEach(async () => {
  for (const u of [u1, u2]) for (const name of NAMES) await faultFor(u, name, NO_FAULTS);
});

/** The signed text split into its hashes, and who signed it. */
async function signed(name: string, ex: h.Exchange) {
  const sig = await h.fetchSignature(p(name), ex.chatId ?? '');
  const [request, response] = sig.text.split(':');
  return { request, response, signer: verifyMessage(sig.text, sig.signature) };
}

/** Tamper: the registered signer signed this request, but other response bytes than these. */
async function expectTampered(name: string, ex: h.Exchange) {
  expect(ex.status).toBe(200);
  const s = await signed(name, ex);
  expect(s.signer).toBe(getAddress(p(name).teeSigner));
  expect(s.request).toBe(h.sha256(ex.request));
  expect(s.response).toMatch(/^[0-9a-f]{64}$/);
  expect(s.response).not.toBe(h.sha256(ex.response));
}

/** Rogue signer: the text binds exactly these bytes, but someone else signed it. */
async function expectForged(user: h.User, name: string, ex: h.Exchange) {
  expect(ex.status).toBe(200);
  const s = await signed(name, ex);
  expect(s.signer).not.toBe(getAddress(p(name).teeSigner));
  expect(`${s.request}:${s.response}`).toBe(`${h.sha256(ex.request)}:${h.sha256(ex.response)}`);
  expect(await user.broker.inference.processResponse(p(name).address, ex.chatId ?? '')).toBe(false);
}

async function expectHonest(name: string, ex: h.Exchange) {
  expect(ex.status).toBe(200);
  const s = await signed(name, ex);
  expect(s.signer).toBe(getAddress(p(name).teeSigner));
  expect(`${s.request}:${s.response}`).toBe(`${h.sha256(ex.request)}:${h.sha256(ex.response)}`);
}

const entries = (ex: h.Exchange) => (JSON.parse(ex.response.toString()) as { data: Record<string, string>[] }).data;
const pixels = (png: Buffer) => Buffer.from(decodePng(png).rgba);
const generate = (user: h.User, body: Record<string, unknown> = {}) =>
  h.infer(user, p('image'), 'images/generations', { prompt: 'a lighthouse', size: '256x256', ...body });
const lighthouse = Buffer.from(drawPicture('a lighthouse', 256));

function editForm(image: Buffer, prompt = 'make it blue'): FormData {
  const form = new FormData();
  form.set('image', new Blob([image]), 'input');
  form.set('prompt', prompt);
  return form;
}

function speechForm(fields: Record<string, string> = {}, seconds = 3.2): FormData {
  const form = new FormData();
  form.set('file', new Blob([makeWav(seconds)], { type: 'audio/wav' }), 'clip.wav');
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}

describe('chat', () => {
  test.each([false, true])('tamper (stream %s) on any provider: signs other bytes', async (stream) => {
    await faultFor(u1, 'chat-a', { tamper: true });
    const ex = await h.infer(u1, p('chat-a'), 'chat/completions', h.chatBody('Hello', stream));
    await expectTampered('chat-a', ex);
  });

  test('rogueSigner on any provider: another key signs', async () => {
    await faultFor(u1, 'chat-a', { rogueSigner: true });
    await expectForged(u1, 'chat-a', await h.infer(u1, p('chat-a'), 'chat/completions', h.chatBody('Hello')));
  });
});

describe('image generation', () => {
  test('honest by default: the drawn picture, bound', async () => {
    const ex = await generate(u1);
    await expectHonest('image', ex);
    expect(pixels(Buffer.from(entries(ex)[0]!.b64_json!, 'base64')).equals(lighthouse)).toBe(true);
  });

  test('tamper: b64_json and url answers are valid PNGs with other pixels', async () => {
    await faultFor(u1, 'image', { tamper: true });
    const ex = await generate(u1);
    await expectTampered('image', ex);
    expect(pixels(Buffer.from(entries(ex)[0]!.b64_json!, 'base64')).equals(lighthouse)).toBe(false);
    const byUrl = await generate(u1, { response_format: 'url' });
    await expectTampered('image', byUrl);
    const file = Buffer.from(await (await fetch(entries(byUrl)[0]!.url!)).arrayBuffer());
    expect(pixels(file).equals(lighthouse)).toBe(false);
  });

  test('rogueSigner: the honest picture, signed by another key', async () => {
    await faultFor(u1, 'image', { rogueSigner: true });
    await expectForged(u1, 'image', await generate(u1));
  });

  test("imageAnswer url: a link to the simulator's file though b64_json was asked", async () => {
    await faultFor(u2, 'image', { imageAnswer: 'url' });
    const ex = await generate(u2, { response_format: 'b64_json' });
    await expectHonest('image', ex);
    const url = entries(ex)[0]!.url!;
    expect(url.startsWith(`${manifest.simulator.url}/files/`)).toBe(true);
    expect(pixels(Buffer.from(await (await fetch(url)).arrayBuffer())).equals(lighthouse)).toBe(true);
  });

  test.each([
    ['javascript-url', 'javascript:alert(document.domain)'],
    ['data-html-url', 'data:text/html,<script>alert(1)</script>'],
    ['http-url', 'http://example.com/x.png'],
  ] as const)('imageAnswer %s: answers that link, honestly signed', async (imageAnswer, url) => {
    await faultFor(u2, 'image', { imageAnswer });
    const ex = await generate(u2);
    await expectHonest('image', ex);
    expect(entries(ex)).toEqual([{ url }]);
  });

  test('imageAnswer not-image: b64_json holding HTML, honestly signed', async () => {
    await faultFor(u2, 'image', { imageAnswer: 'not-image' });
    const ex = await generate(u2);
    await expectHonest('image', ex);
    expect(Buffer.from(entries(ex)[0]!.b64_json!, 'base64').toString()).toBe('<html><script>alert(1)</script></html>');
  });
});

describe('image edit', () => {
  const input = encodePng(drawPicture('a red square', 256), 256, 256);
  const edited = Buffer.from(editUpload(input, 'make it blue').rgba);
  const editOf = (ex: h.Exchange) => pixels(Buffer.from(entries(ex)[0]!.b64_json!, 'base64'));

  test('tamper: a valid PNG other than the edit, signed as the edit', async () => {
    await faultFor(u1, 'image-edit', { tamper: true });
    const ex = await h.infer(u1, p('image-edit'), 'images/edits', editForm(input));
    await expectTampered('image-edit', ex);
    expect(editOf(ex).equals(edited)).toBe(false);
  });

  test('rogueSigner: the edit, signed by another key', async () => {
    await faultFor(u1, 'image-edit', { rogueSigner: true });
    const ex = await h.infer(u1, p('image-edit'), 'images/edits', editForm(input));
    await expectForged(u1, 'image-edit', ex);
    expect(editOf(ex).equals(edited)).toBe(true);
  });

  test('JPEG and WebP inputs: a deterministic 512x512 picture from the prompt and the file', async () => {
    const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 data')]);
    for (const file of [JPEG, webp]) {
      const ex = await h.infer(u1, p('image-edit'), 'images/edits', editForm(file));
      await expectHonest('image-edit', ex);
      expect(decodePng(Buffer.from(entries(ex)[0]!.b64_json!, 'base64'))).toMatchObject({ width: 512, height: 512 });
      expect(editOf(ex).equals(Buffer.from(editUpload(file, 'make it blue').rgba))).toBe(true);
    }
  });

  test('a non-image is 400, an image above 4 MiB is 413', async () => {
    const html = await h.infer(u2, p('image-edit'), 'images/edits', editForm(Buffer.from('<html></html>')));
    expect(html.status).toBe(400);
    expect(html.response.toString()).toContain('The image must be a PNG, JPEG or WebP file');
    const big = Buffer.concat([JPEG, Buffer.alloc(4 * 1024 * 1024)]);
    const large = await h.infer(u2, p('image-edit'), 'images/edits', editForm(big));
    expect(large.status).toBe(413);
    expect(large.response.toString()).toContain('The image is larger than 4 MiB');
  });
});

describe('speech', () => {
  const honest = transcribe(makeWav(3.2), 'clip.wav');
  const transcribeAs = (user: h.User, fields: Record<string, string>) =>
    h.infer(user, p('speech'), 'audio/transcriptions', speechForm(fields));

  test('tamper: valid JSON with a word changed; rogueSigner: the transcript, signed by another key', async () => {
    await faultFor(u1, 'speech', { tamper: true });
    const ex = await transcribeAs(u1, { response_format: 'json' });
    await expectTampered('speech', ex);
    const text = (JSON.parse(ex.response.toString()) as { text: string }).text;
    expect(text).not.toBe(honest.text);
    expect(text.split(' ')).toHaveLength(honest.text.split(' ').length);
    await faultFor(u1, 'speech', { tamper: false, rogueSigner: true });
    const forged = await transcribeAs(u1, { response_format: 'text' });
    await expectForged(u1, 'speech', forged);
    expect(forged.response.toString()).toBe(honest.text);
  });

  test('verbose_json: consecutive segments over the duration, the language echoed', async () => {
    const ex = await transcribeAs(u1, { response_format: 'verbose_json', language: 'fr' });
    await expectHonest('speech', ex);
    const body = JSON.parse(ex.response.toString()) as { text: string; language: string; segments: Segment[] };
    expect(body.language).toBe('fr');
    expect(body.text).toBe(honest.text);
    expect(body.text).toBe(body.segments.map((s) => s.text).join(' '));
    expect(body.segments[0]?.start).toBe(0);
    expect(body.segments.at(-1)?.end).toBe(honest.durationSeconds);
    body.segments.slice(1).forEach((s, i) => expect(s.start).toBe(body.segments[i]?.end));
  });

  test('an unknown language is 400; refuseVerboseJson refuses verbose_json only', async () => {
    const bad = await transcribeAs(u1, { response_format: 'json', language: 'english' });
    expect(bad.status).toBe(400);
    expect(bad.response.toString()).toContain('Unsupported language');
    await faultFor(u1, 'speech', { refuseVerboseJson: true });
    const refused = await transcribeAs(u1, { response_format: 'verbose_json' });
    expect(refused.status).toBe(400);
    expect(refused.response.toString()).toContain('unsupported_response_format');
    await faultFor(u2, 'speech', { refuseVerboseJson: true });
    await expectHonest('speech', await transcribeAs(u2, { response_format: 'json' }));
  });

  test("a wallet's faults leave other wallets alone; provider-wide-only faults refuse a user", async () => {
    await faultFor(u1, 'speech', { tamper: true });
    await expectHonest('speech', await transcribeAs(u2, { response_format: 'verbose_json' }));
    const res = await fetch(`${manifest.simulator.controlUrl}/faults`, {
      method: 'POST',
      body: JSON.stringify({ provider: 'speech', user: u2.address, signatureDown: true }),
    });
    expect(res.status).toBe(400);
    const state = (await (await fetch(manifest.simulator.controlUrl)).json()) as {
      users: Record<string, Record<string, Faults>>;
    };
    expect(state.users.speech?.[u1.address]).toEqual({ ...NO_FAULTS, tamper: true });
  });
});
