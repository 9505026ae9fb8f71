import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getAddress, getBytes, keccak256, toUtf8Bytes, verifyMessage } from 'ethers';
import { afterAll, afterEach, beforeAll, describe, expect, inject, test } from 'vitest';
import { makeWav } from '../sim/audio.js';
import { drawPicture } from '../sim/picture.js';
import { decodePng, encodePng } from '../sim/png.js';
import * as h from './helpers.js';

const manifest = inject('manifest');
const p = (name: string) => h.providerNamed(manifest, name);
const NAMES = ['chat-a', 'chat-b', 'chat-tls', 'image', 'image-edit', 'speech', 'rogue-signer', 'tamper'];
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47];

let user: h.User;
const verify = (name: string, chatId: string | null, usage?: unknown) =>
  user.broker.inference.processResponse(
    p(name).address,
    chatId ?? undefined,
    usage ? JSON.stringify(usage) : undefined,
  );
const chat = (name: string, stream: boolean, content = 'Hello 0G') =>
  h.infer(user, p(name), 'chat/completions', h.chatBody(content, stream));
/** `sha256(request):sha256(response)`, the text an honest TeeML provider signs. */
const bound = (ex: h.Exchange) => `${h.sha256(ex.request)}:${h.sha256(ex.response)}`;

beforeAll(async () => {
  user = await h.connectUser(manifest, manifest.accounts[0]);
  // 3 0G per sub-account: the SDK's inline checkAndFund (unsettled fee + 2 0G) never tops these up.
  await h.fundUser(user, 30, NAMES.map(p), 3n * h.OG);
});

describe('services and ledger', () => {
  test('listService shows every provider as registered, acknowledged', async () => {
    for (const list of [
      await user.broker.inference.listService(),
      await user.broker.inference.listService(0, 50, true),
    ]) {
      for (const mp of manifest.providers) {
        const s = list.find((x) => getAddress(x.provider) === getAddress(mp.address));
        expect(s, mp.name).toBeDefined();
        expect(s?.serviceType).toBe(mp.serviceType);
        expect(s?.verifiability).toBe(mp.verifiability);
        expect(s?.model).toBe(mp.model);
        expect(s?.url).toBe(mp.url);
        expect(s?.inputPrice).toBe(BigInt(mp.inputPrice));
        expect(s?.outputPrice).toBe(BigInt(mp.outputPrice));
        expect(s?.teeSignerAcknowledged).toBe(true);
        expect(getAddress(s?.teeSignerAddress ?? '')).toBe(getAddress(mp.teeSigner));
      }
    }
  });

  test('ledger: create, deposit, transfer to each provider; balances exact', async () => {
    const other = await h.connectUser(manifest, manifest.accounts[1]);
    await other.broker.ledger.addLedger(10);
    let ledger = await other.broker.ledger.getLedger();
    expect([ledger.totalBalance, ledger.availableBalance]).toEqual([10n * h.OG, 10n * h.OG]);
    await other.broker.ledger.depositFund(2);
    ledger = await other.broker.ledger.getLedger();
    expect([ledger.totalBalance, ledger.availableBalance]).toEqual([12n * h.OG, 12n * h.OG]);
    const amounts = NAMES.map((name, i) => [p(name).address, h.OG + (BigInt(i) * h.OG) / 10n] as const);
    for (const [address, amount] of amounts) await other.broker.ledger.transferFund(address, 'inference', amount);
    const sent = amounts.reduce((sum, [, a]) => sum + a, 0n);
    ledger = await other.broker.ledger.getLedger();
    expect(ledger.totalBalance).toBe(12n * h.OG);
    expect(ledger.availableBalance).toBe(12n * h.OG - sent);
    expect(ledger.totalBalance - ledger.availableBalance).toBe(sent);
    for (const [address, amount] of amounts) {
      const account = await other.broker.inference.getAccount(address);
      expect([account.balance, account.pendingRefund, account.acknowledged]).toEqual([amount, 0n, true]);
    }
  });

  test('getRequestHeaders: an app-sk token of this user for this provider, signed by the user', async () => {
    const { Authorization } = await user.broker.inference.getRequestHeaders(p('chat-a').address);
    const { fields, message, signature } = h.decodeHeader(Authorization);
    expect(getAddress(fields.address)).toBe(user.address);
    expect(getAddress(fields.provider)).toBe(getAddress(p('chat-a').address));
    expect(fields.expiresAt).toBeGreaterThan(Date.now());
    expect(verifyMessage(getBytes(keccak256(toUtf8Bytes(message))), signature)).toBe(user.address);
  });
});

describe('honest TeeML chat', () => {
  test('non-streamed: ZG-Res-Key, usage, verified and bound to the bytes', async () => {
    const ex = await chat('chat-a', false);
    expect(ex.status).toBe(200);
    const body = JSON.parse(ex.response.toString('utf8')) as h.Completion;
    expect(ex.chatId).toBe(body.id);
    expect(body.choices[0]?.message.content).toContain('Hello 0G');
    expect(body.usage.prompt_tokens).toBeGreaterThan(0);
    expect(body.usage.completion_tokens).toBeGreaterThan(0);
    expect(await verify('chat-a', ex.chatId, body.usage)).toBe(true);
    expect((await h.fetchSignature(p('chat-a'), body.id)).text).toBe(bound(ex));
  });

  test('streamed: content, usage in the final chunk, [DONE], verified and bound', async () => {
    const plain = JSON.parse((await chat('chat-a', false, 'Stream me')).response.toString()) as h.Completion;
    const ex = await chat('chat-a', true, 'Stream me');
    expect(ex.status).toBe(200);
    expect(ex.headers.get('content-type')).toContain('text/event-stream');
    const { content, usage, done } = h.readStream(ex.response);
    expect(done).toBe(true);
    expect(content).toBe(plain.choices[0]?.message.content);
    expect(usage).toEqual(plain.usage);
    expect(await verify('chat-a', ex.chatId, usage)).toBe(true);
    expect((await h.fetchSignature(p('chat-a'), ex.chatId ?? '')).text).toBe(bound(ex));
  });
});

describe('media', () => {
  test('image generation: b64_json PNG of the requested size, verified; url form serves a PNG', async () => {
    const ex = await h.infer(user, p('image'), 'images/generations', { prompt: 'a lighthouse', n: 1, size: '256x256' });
    expect(ex.status).toBe(200);
    const png = Buffer.from(
      (JSON.parse(ex.response.toString()) as { data: { b64_json: string }[] }).data[0]!.b64_json,
      'base64',
    );
    expect([...png.subarray(0, 4)]).toEqual(PNG_MAGIC);
    expect(decodePng(png)).toMatchObject({ width: 256, height: 256 });
    expect(await verify('image', ex.chatId, { n: 1 })).toBe(true);
    expect((await h.fetchSignature(p('image'), ex.chatId ?? '')).text).toBe(bound(ex));

    const byUrl = await h.infer(user, p('image'), 'images/generations', {
      prompt: 'a lighthouse',
      size: '512x512',
      response_format: 'url',
    });
    const url = (JSON.parse(byUrl.response.toString()) as { data: { url: string }[] }).data[0]?.url ?? '';
    const file = Buffer.from(await (await fetch(url)).arrayBuffer());
    expect(decodePng(file)).toMatchObject({ width: 512, height: 512 });
  });

  test('image edit: multipart PNG in, a different PNG of the same size out, verified', async () => {
    const input = encodePng(drawPicture('a red square', 256), 256, 256);
    const form = new FormData();
    form.set('image', new Blob([input], { type: 'image/png' }), 'input.png');
    form.set('prompt', 'make it blue');
    form.set('n', '1');
    const ex = await h.infer(user, p('image-edit'), 'images/edits', form);
    expect(ex.status).toBe(200);
    const out = Buffer.from(
      (JSON.parse(ex.response.toString()) as { data: { b64_json: string }[] }).data[0]!.b64_json,
      'base64',
    );
    const decoded = decodePng(out);
    expect([decoded.width, decoded.height]).toEqual([256, 256]);
    expect(Buffer.from(decoded.rgba).equals(Buffer.from(decodePng(input).rgba))).toBe(false);
    expect(await verify('image-edit', ex.chatId)).toBe(true);
    expect((await h.fetchSignature(p('image-edit'), ex.chatId ?? '')).text).toBe(bound(ex));
  });

  test('speech: transcript states the duration, usage has output tokens, verified', async () => {
    const form = new FormData();
    form.set('file', new Blob([makeWav(2)], { type: 'audio/wav' }), 'clip.wav');
    form.set('response_format', 'json');
    const ex = await h.infer(user, p('speech'), 'audio/transcriptions', form);
    expect(ex.status).toBe(200);
    const body = JSON.parse(ex.response.toString()) as { text: string; usage: { output_tokens: number } };
    expect(body.text).toContain('2.0 seconds');
    expect(body.usage.output_tokens).toBeGreaterThan(0);
    expect(await verify('speech', ex.chatId, body.usage)).toBe(true);
    expect((await h.fetchSignature(p('speech'), ex.chatId ?? '')).text).toBe(bound(ex));
  });
});

describe('dishonest providers and TeeTLS', () => {
  test('rogue-signer: the signature does not recover to the registered TEE signer', async () => {
    const ex = await chat('rogue-signer', false);
    expect(ex.status).toBe(200);
    expect(await verify('rogue-signer', ex.chatId)).toBe(false);
  });

  test.each([false, true])('tamper (stream %s): signature valid, but it signs other bytes', async (stream) => {
    const ex = await chat('tamper', stream);
    expect(ex.status).toBe(200);
    expect(await verify('tamper', ex.chatId)).toBe(true);
    const [requestHash, responseHash] = (await h.fetchSignature(p('tamper'), ex.chatId ?? '')).text.split(':');
    expect(requestHash).toBe(h.sha256(ex.request));
    expect(responseHash).toMatch(/^[0-9a-f]{64}$/);
    expect(responseHash).not.toBe(h.sha256(ex.response));
  });

  test.each([false, true])('chat-tls (stream %s): SDK says false, routing proof checks out', async (stream) => {
    const tls = p('chat-tls');
    const ex = await chat('chat-tls', stream);
    expect(ex.status).toBe(200);
    // Documented SDK 0.7.4 behaviour: only OpML/TeeML/ZKML count as verifiable.
    expect(await verify('chat-tls', ex.chatId)).toBe(false);
    const sig = await h.fetchSignature(tls, ex.chatId ?? '');
    const proof = JSON.parse(sig.text) as Record<string, unknown>;
    expect(proof.type).toBe('teetls-routing-proof');
    expect(proof.requestHash).toBe(h.sha256(ex.request));
    expect(proof.responseHash).toBe(h.sha256(ex.response));
    expect(proof.tlsCertFingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(proof.providerIdentity).toEqual(expect.any(String));
    expect(proof.providerIdentity).not.toBe('');
    expect(verifyMessage(sig.text, sig.signature)).toBe(getAddress(tls.teeSigner));
  });
});

test('CORS: preflight allows Authorization, responses expose ZG-Res-Key', async () => {
  const { endpoint } = await user.broker.inference.getServiceMetadata(p('chat-a').address);
  const pre = await fetch(`${endpoint}/chat/completions`, {
    method: 'OPTIONS',
    headers: {
      Origin: 'http://localhost:5173',
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'authorization,content-type',
    },
  });
  expect(pre.status).toBe(204);
  expect(
    pre.headers
      .get('access-control-allow-headers')
      ?.toLowerCase()
      .split(/\s*,\s*/),
  ).toContain('authorization');
  expect(pre.headers.get('access-control-allow-origin')).toBeTruthy();
  const ex = await chat('chat-a', false, 'CORS');
  expect(ex.status).toBe(200);
  expect(ex.headers.get('access-control-expose-headers')?.toLowerCase()).toContain('zg-res-key');
});

describe('verifyService (quote faults on chat-b only)', () => {
  const outDir = mkdtempSync(path.join(tmpdir(), 'verify-service-'));
  const run = async () => {
    const result = await user.broker.inference.verifyService(p('chat-b').address, outDir, () => undefined);
    return { signers: result?.signerVerification?.allMatch, compose: result?.composeVerification?.passed };
  };
  afterEach(() => h.clearFaults(manifest, 'chat-b'));
  afterAll(() => h.clearFaults(manifest, 'chat-b'));

  test('good report passes both checks', async () => {
    expect(await run()).toEqual({ signers: true, compose: true });
  });

  test('a report naming another signer fails the signer check', async () => {
    await h.setFaults(manifest, 'chat-b', { quote: 'bad-signer' });
    expect((await run()).signers).toBe(false);
  });

  test('a compose hash mismatch fails the compose check', async () => {
    await h.setFaults(manifest, 'chat-b', { quote: 'bad-compose' });
    expect(await run()).toEqual({ signers: true, compose: false });
  });
});
