import { getAddress } from 'ethers';
import { afterEach, beforeAll, describe, expect, inject, test } from 'vitest';
import * as h from './helpers.js';

const manifest = inject('manifest');
const p = (name: string) => h.providerNamed(manifest, name);
// Faults go on rogue-signer only: its transport is like any provider's, and no other file depends on it.
const FAULTY = 'rogue-signer';

// The rate limiter allows bursts of 5 per user and provider, so the requests are spread:
// u2 → chat-a (auth, revocation) and rogue-signer (4 faults, 4 requests: the 429 fault takes no slot);
// u3 → chat-a (settlement), image (402) and rogue-signer (3 faults); u4 → rogue-signer (rate limit only).
let u2: h.User;
let u3: h.User;
let u4: h.User;

beforeAll(async () => {
  [u2, u3, u4] = (await Promise.all([2, 3, 4].map((i) => h.connectUser(manifest, manifest.accounts[i])))) as [
    h.User,
    h.User,
    h.User,
  ];
  // 3 0G per sub-account: the SDK's inline checkAndFund (unsettled fee + 2 0G) never tops these up.
  await Promise.all([
    h.fundUser(u2, 10, [p('chat-a'), p(FAULTY)], 3n * h.OG),
    h.fundUser(u3, 10, [p('chat-a'), p(FAULTY)], 3n * h.OG),
    h.fundUser(u4, 5, [p(FAULTY)], 3n * h.OG),
  ]);
  // A 1 0G sub-account (the contract's minimum) for the 402 case; no SDK headers there, so no auto top-up.
  await u3.broker.ledger.transferFund(p('image').address, 'inference', h.OG);
});

/** POSTs a chat completion with raw headers and reports the status, error code and body. */
async function rawChat(name: string, authorization: string, stream = false) {
  const res = await fetch(`${p(name).url}/v1/proxy/chat/completions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: authorization },
    body: JSON.stringify({ model: p(name).model, ...h.chatBody('Hi', stream) }),
  });
  const text = await res.text();
  const code = res.ok ? null : (JSON.parse(text) as { error: { code: string } }).error.code;
  return { status: res.status, code, text, headers: res.headers };
}

const headerOf = async (user: h.User, name: string) => (await h.prepare(user, p(name))).authorization;

describe('authentication and balance', () => {
  test('401 for a malformed token', async () => {
    expect((await rawChat('chat-a', 'Bearer app-sk-bm90IGEgdG9rZW4=')).status).toBe(401);
    expect((await rawChat('chat-a', 'Bearer sk-openai-style')).code).toBe('invalid_token');
  });

  test('401 for a token signed by someone else; the same token signed by its user works', async () => {
    const fields = h.tokenFields(u2.address, p('chat-a').address);
    expect(await rawChat('chat-a', await h.handMadeHeader(u3.wallet, fields))).toMatchObject({ status: 401 });
    expect((await rawChat('chat-a', await h.handMadeHeader(u2.wallet, fields))).status).toBe(200);
  });

  test('401 token_expired for a correctly signed token past expiresAt', async () => {
    const fields = h.tokenFields(u2.address, p('chat-a').address, { expiresAt: Date.now() - 1000 });
    expect(await rawChat('chat-a', await h.handMadeHeader(u2.wallet, fields))).toMatchObject({
      status: 401,
      code: 'token_expired',
    });
  });

  test('revokeAllTokens: the old header gets 401, new headers work', async () => {
    const old = await headerOf(u2, 'chat-a');
    expect((await rawChat('chat-a', old)).status).toBe(200);
    await u2.broker.inference.revokeAllTokens(p('chat-a').address);
    expect(await rawChat('chat-a', old)).toMatchObject({ status: 401, code: 'token_revoked' });
    const fresh = await headerOf(u2, 'chat-a');
    expect(h.decodeHeader(fresh).fields.generation).toBe(h.decodeHeader(old).fields.generation + 1);
    expect((await rawChat('chat-a', fresh)).status).toBe(200);
  });

  test('403 account_not_found: a ledger but no sub-account for this provider', async () => {
    const fields = h.tokenFields(u2.address, p('tamper').address);
    expect(await rawChat('tamper', await h.handMadeHeader(u2.wallet, fields))).toMatchObject({
      status: 403,
      code: 'account_not_found',
    });
  });

  test('402 insufficient_balance when the whole sub-account is pending refund', async () => {
    // Deterministic: retrieveFund marks the full balance as pending refund, so the provider sees
    // balance - pendingRefund = 0, which cannot cover anything. Nothing is owed (no request was made).
    const image = p('image');
    await u3.broker.ledger.retrieveFundFromProvider('inference', image.address);
    const account = await u3.broker.inference.getAccount(image.address);
    expect(account.pendingRefund).toBe(account.balance);
    const header = await h.handMadeHeader(u3.wallet, h.tokenFields(u3.address, image.address));
    const res = await fetch(`${image.url}/v1/proxy/images/generations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: header },
      body: JSON.stringify({ model: image.model, prompt: 'a boat' }),
    });
    expect(res.status).toBe(402);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('insufficient_balance');
  });
});

test('rate limit: 5 quick requests pass, the 6th gets 429 with Retry-After', async () => {
  const header = await headerOf(u4, FAULTY);
  for (let i = 0; i < 5; i++) expect((await rawChat(FAULTY, header)).status).toBe(200);
  const limited = await rawChat(FAULTY, header);
  expect(limited).toMatchObject({ status: 429, code: 'rate_limited' });
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
});

describe(`faults (on ${FAULTY})`, () => {
  afterEach(() => h.clearFaults(manifest, FAULTY));

  test('http500 answers 500', async () => {
    await h.setFaults(manifest, FAULTY, { http500: true });
    expect(await rawChat(FAULTY, await headerOf(u2, FAULTY))).toMatchObject({ status: 500, code: 'internal_error' });
  });

  test('http429NoRetryAfter answers 429 rate_limited without a Retry-After header', async () => {
    const header = await headerOf(u2, FAULTY);
    await h.setFaults(manifest, FAULTY, { http429NoRetryAfter: true });
    const limited = await rawChat(FAULTY, header);
    expect(limited).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(limited.headers.get('retry-after')).toBeNull();
    await h.clearFaults(manifest, FAULTY);
    expect((await rawChat(FAULTY, header)).status).toBe(200);
  });

  test('latencyMs delays the answer', async () => {
    const header = await headerOf(u2, FAULTY);
    await h.setFaults(manifest, FAULTY, { latencyMs: 400 });
    const t0 = performance.now();
    expect((await rawChat(FAULTY, header)).status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(400);
  });

  test('firstTokenDelayMs delays the first event after the headers', async () => {
    const { endpoint, model, authorization } = await h.prepare(u2, p(FAULTY));
    await h.setFaults(manifest, FAULTY, { firstTokenDelayMs: 400 });
    const res = await fetch(`${endpoint}/chat/completions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: authorization },
      body: JSON.stringify({ model, ...h.chatBody('Hi', true) }),
    });
    expect(res.status).toBe(200);
    const t0 = performance.now();
    const reader = res.body?.getReader();
    const first = await reader?.read();
    // The server starts waiting as it flushes the headers, a moment before they reach us: 10 ms of slack.
    expect(performance.now() - t0).toBeGreaterThanOrEqual(390);
    expect(Buffer.from(first?.value ?? []).toString()).toMatch(/^data: /);
    await reader?.cancel();
  });

  test('cutStreamAfter ends the stream early and leaves no signature', async () => {
    const { endpoint, model, authorization } = await h.prepare(u3, p(FAULTY));
    await h.setFaults(manifest, FAULTY, { cutStreamAfter: 3 });
    const res = await fetch(`${endpoint}/chat/completions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: authorization },
      body: JSON.stringify({ model, ...h.chatBody('Hi', true) }),
    });
    const chatId = res.headers.get('ZG-Res-Key') ?? '';
    // The body ends cleanly (reading it does not reject) after exactly the first 3 events: no finish
    // chunk, no usage, no [DONE].
    const events = h.sseData(Buffer.from(await res.arrayBuffer()));
    expect(events).toHaveLength(3);
    expect(events).not.toContain('[DONE]');
    expect(
      events.map((e) => (JSON.parse(e) as { choices: { finish_reason: unknown }[] }).choices[0]?.finish_reason),
    ).toEqual([null, null, null]);
    expect(chatId).not.toBe('');
    expect((await h.fetchSignature(p(FAULTY), chatId)).status).toBe(404);
  });

  test('malformedEvent puts exactly one non-JSON event in the stream', async () => {
    await h.setFaults(manifest, FAULTY, { malformedEvent: true });
    const ex = await h.infer(u3, p(FAULTY), 'chat/completions', h.chatBody('Hi', true));
    const events = h.sseData(ex.response).filter((e) => e !== '[DONE]');
    const broken = events.filter((e) => {
      try {
        JSON.parse(e);
        return false;
      } catch {
        return true;
      }
    });
    expect(broken).toHaveLength(1);
    expect(() => h.readStream(ex.response)).toThrow(SyntaxError);
  });

  test('signatureDown: endpoint 503 and processResponse throws', async () => {
    await h.setFaults(manifest, FAULTY, { signatureDown: true });
    const ex = await h.infer(u3, p(FAULTY), 'chat/completions', h.chatBody('Hi'));
    expect(ex.status).toBe(200);
    expect((await h.fetchSignature(p(FAULTY), ex.chatId ?? '')).status).toBe(503);
    // SDK 0.7.4: a non-OK signature response throws "getting signature error" (it does not return false).
    await expect(u3.broker.inference.processResponse(p(FAULTY).address, ex.chatId ?? '')).rejects.toThrow(/signature/);
  });
});

test('fee settlement: the sub-account drops by exactly the fees of the usage reported', async () => {
  const chatA = p('chat-a');
  expect(await h.unsettledFee(chatA, u3.address)).toBe(0n);
  const before = (await u3.broker.inference.getAccount(chatA.address)).balance;
  let fees = 0n;
  for (const content of ['one', 'two words', 'three words here']) {
    const ex = await h.infer(u3, chatA, 'chat/completions', h.chatBody(content));
    expect(ex.status).toBe(200);
    const { usage } = JSON.parse(ex.response.toString()) as h.Completion;
    fees +=
      BigInt(usage.prompt_tokens) * BigInt(chatA.inputPrice) +
      BigInt(usage.completion_tokens) * BigInt(chatA.outputPrice);
  }
  expect(fees).toBeGreaterThan(0n);
  // The devnet also settles on a timer; whichever run settles these fees, the end state is the same.
  await h.control(manifest, 'settle');
  await h.waitFor(
    () => h.unsettledFee(chatA, u3.address),
    (fee) => fee === 0n,
  );
  const account = await u3.broker.inference.getAccount(chatA.address);
  expect(getAddress(account.user)).toBe(u3.address);
  expect(before - account.balance).toBe(fees);
});
