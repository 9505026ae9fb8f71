import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { APP_URL } from './paths';
import {
  answers,
  ask,
  badge,
  badgeTexts,
  composer,
  countChatRequests,
  drainRateLimit,
  expectFunded,
  fundAccount,
  messages,
  openChat,
  openFundedChat,
  pickProvider,
  questions,
  refundAll,
  revokeAllTokens,
  send,
  settled,
  signatures,
  slowStream,
} from './chat-helpers';
import { expect, test } from './fixtures';

// The chat playground on the devnet: real contracts, the real SDK in the page, simulated providers
// and the E2E Wallet. Account 1 chats (ledger and a sub-account with every chat provider, made on
// chain in beforeAll); account 2 has a ledger and no sub-account with chat-a (one with chat-b is
// made and emptied by the test of a sub-account that ran out). harness.spec.ts only signs
// messages with them, so the chain state here is this file's.

const USER = 1;
const NO_SUB = 2;
const CHAT = ['chat-a', 'chat-b', 'chat-tls', 'rogue-signer', 'tamper'];

test.beforeAll(async ({ manifest }) => {
  const named = (name: string) => manifest.providers.find((p) => p.name === name)!;
  await fundAccount(manifest, USER, CHAT.map(named));
  await fundAccount(manifest, NO_SUB, [], '3');
});

// Providers allow a burst of 5 requests, then one every 2 s, per user: every test starts with full buckets,
// so how fast the tests before it ran never decides whether it meets the rate limit.
test.beforeEach(async ({ devnet }) => {
  await devnet.reset();
});

test('answers stream and carry their badge: Verified, Verification failed, Content mismatch, TeeTLS proof', async ({
  page,
  wallet,
  devnet,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: APP_URL });
  await wallet.install(page, { account: USER });
  const chatA = devnet.provider('chat-a');
  await openChat(page, chatA);
  await expectFunded(page);

  // A slow connection shows the answer arriving word by word before it is checked.
  const fast = await slowStream(page, chatA, 8000);
  await send(page, 'Hello there');
  await expect(questions(page)).toHaveCount(1);
  await expect(questions(page)).toContainText('Hello there');
  const first = answers(page).first();
  await expect(first).toContainText('This is');
  await expect(page.getByRole('button', { name: 'Stop', exact: true })).toBeVisible();
  expect(await first.textContent()).not.toContain('conversation: 1 message(s)');
  await expect(badge(first, 'Verified')).toBeVisible({ timeout: 15_000 });
  await expect(first).toContainText(`This is ${chatA.model}, simulated on the 0G devnet. You wrote: "Hello there"`);
  await expect(first).toContainText('conversation: 1 message(s)');
  await fast();

  await pickProvider(page, devnet.provider('rogue-signer'));
  await ask(page, 'Who signed this?', 'Verification failed');
  await pickProvider(page, devnet.provider('tamper'));
  await ask(page, 'Is this untouched?', 'Content mismatch');

  const tls = devnet.provider('chat-tls');
  await pickProvider(page, tls);
  const answer = await ask(page, 'Through TLS please', 'Verified');
  await badge(answer, 'Verified').click();
  const dialog = page.getByRole('dialog', { name: 'Verification: Verified' });
  const row = (label: string) => dialog.locator(`dt:text-is("${label}") + dd`);
  const fingerprint = (
    createHash('sha256').update('devnet-certificate:api.openai.com').digest('hex').toUpperCase().match(/../g) ?? []
  ).join(':');
  await expect(row('Mode')).toHaveText('TeeTLS');
  await expect(row('TLS certificate fingerprint')).toHaveText(fingerprint);
  await expect(row('Provider identity (TeeTLS)')).toHaveText('api.openai.com');
  await expect(row('Signer expected')).toHaveText(new RegExp(`^${tls.teeSigner}$`, 'i'));
  await expect(row('Signer recovered')).toHaveText(new RegExp(`^${tls.teeSigner}$`, 'i'));
  await dialog.getByRole('button', { name: 'Copy proof (JSON)' }).click();
  await expect(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
  const copied = await page.evaluate(() =>
    (
      globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
    ).navigator.clipboard.readText(),
  );
  const bundle = JSON.parse(copied) as { signed: { text: string } };
  expect(bundle).toMatchObject({
    format: '0g-compute-proof',
    version: 1,
    kind: 'chat',
    service: { verifiability: 'TeeTLS' },
    verdict: { state: 'verified' },
  });
  expect(JSON.parse(bundle.signed.text)).toMatchObject({
    providerIdentity: 'api.openai.com',
    tlsCertFingerprint: fingerprint,
  });
  expect(await badgeTexts(page)).toEqual(['Verified', 'Verification failed', 'Content mismatch', 'Verified']);
});

test('one wallet signature per provider, none for further messages', async ({ page, wallet, devnet }) => {
  await openFundedChat(page, wallet, devnet.provider('chat-a'), USER);
  const before = wallet.requests.length;
  await ask(page, 'first');
  expect(signatures(wallet.requests.slice(before))).toBe(1);
  const afterFirst = wallet.requests.length;
  await ask(page, 'second');
  await ask(page, 'third');
  expect(wallet.requests.slice(afterFirst)).toEqual([]);
  expect(signatures(wallet.requests)).toBe(1);
});

test('history survives a reload with its badges', async ({ page, wallet, devnet }) => {
  await openFundedChat(page, wallet, devnet.provider('chat-a'), USER);
  await ask(page, 'Remember me');
  await pickProvider(page, devnet.provider('tamper'));
  await ask(page, 'And me', 'Content mismatch');
  await page.reload();
  await expect(questions(page)).toHaveCount(2);
  await expect(questions(page).first()).toContainText('Remember me');
  await expect(questions(page).last()).toContainText('And me');
  await expect(answers(page).first()).toContainText('You wrote: "Remember me"');
  await expect(badge(answers(page).last(), 'Content mismatch')).toBeVisible();
  expect(await badgeTexts(page)).toEqual(['Verified', 'Content mismatch']);
  await expect(
    page.getByRole('complementary', { name: 'Conversations' }).getByRole('button', { name: 'Remember me' }),
  ).toHaveAttribute('aria-current', 'true');
});

test('a reload mid-stream keeps the question and what arrived, marked incomplete and never Verified', async ({
  page,
  wallet,
  devnet,
}) => {
  const chatA = devnet.provider('chat-a');
  await openFundedChat(page, wallet, chatA, USER);
  await slowStream(page, chatA, 2000);
  await send(page, 'Reload me halfway');
  await expect(answers(page).first()).toContainText('simulated on the 0G devnet');
  // The stream saves at most every 250 ms: give it one save with the text above.
  await page.waitForTimeout(500);
  await page.reload();
  await expect(questions(page)).toContainText('Reload me halfway');
  const answer = answers(page).first();
  await expect(answer).toContainText('simulated on the 0G devnet');
  await expect(answer).not.toContainText('conversation: 1 message(s)');
  await expect(badge(answer, 'Verified')).toHaveCount(0);
  await expect(answer).toContainText('Incomplete', { timeout: 1000 });
});

test('Stop during a slow stream keeps the partial text, marked incomplete', async ({ page, wallet, devnet }) => {
  const chatA = devnet.provider('chat-a');
  await openFundedChat(page, wallet, chatA, USER);
  await slowStream(page, chatA, 2000);
  await send(page, 'Stop me halfway');
  const answer = answers(page).first();
  await expect(answer).toContainText('simulated on the 0G devnet');
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(answer.getByRole('alert')).toHaveText('Incomplete: Stopped. What arrived is kept.');
  await expect(badge(answer, 'Not verifiable')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
  // What arrived stays, and nothing more arrives after Stop.
  const kept = await answer.getByText(/^This is/).innerText();
  expect(kept).toContain('simulated on the 0G devnet');
  await page.waitForTimeout(500);
  expect(await answer.getByText(/^This is/).innerText()).toBe(kept);
  await expect(answer).not.toContainText('conversation: 1 message(s)');
});

test('a token revoked on chain is signed again once, then the answer comes; a refusal is said', async ({
  page,
  wallet,
  devnet,
}) => {
  const chatA = devnet.provider('chat-a');
  await openFundedChat(page, wallet, chatA, USER);
  await ask(page, 'before the revocation');
  expect(signatures(wallet.requests)).toBe(1);

  await revokeAllTokens(devnet.manifest, USER, chatA);
  await send(page, 'after the revocation');
  await settled(answers(page).nth(1));
  expect(signatures(wallet.requests)).toBe(2);
  expect(await badgeTexts(page)).toEqual(['Verified', 'Verified']);

  await revokeAllTokens(devnet.manifest, USER, chatA);
  wallet.rejectNext('personal_sign');
  await send(page, 'refused this time');
  const last = answers(page).last();
  await expect(last.getByRole('alert')).toHaveText('You declined the signature the provider needs. Nothing was sent.');
  await expect(questions(page).last()).toContainText('refused this time');
  expect(signatures(wallet.requests)).toBe(3);
});

test('the rate limit says when to retry', async ({ page, wallet, devnet }) => {
  const chatA = devnet.provider('chat-a');
  await openFundedChat(page, wallet, chatA, USER);
  // Signed first, so the next request leaves at once, before the bucket refills (1 request per 2 s).
  await ask(page, 'A first one');
  await drainRateLimit(devnet, USER, chatA);
  await send(page, 'One more please');
  const answer = answers(page).nth(1);
  await expect(answer.getByRole('alert')).toHaveText(
    /^The provider is limiting your requests\. Try again in [1-9]\d* s\.$/,
  );
  await expect(questions(page).nth(1)).toContainText('One more please');
  await expect(badge(answer, 'Verified')).toHaveCount(0);
});

test('a 429 without Retry-After says to try again in a moment', async ({ page, wallet, devnet }) => {
  const chatA = devnet.provider('chat-a');
  await openFundedChat(page, wallet, chatA, USER);
  // A verified answer first: the 429 below is the fault's, with the header signed and the account funded.
  await ask(page, 'A first one');
  await devnet.setFaults('chat-a', { http429NoRetryAfter: true });
  await send(page, 'One more please');
  const answer = answers(page).nth(1);
  await expect(answer.getByRole('alert')).toHaveText('The provider is limiting your requests. Try again in a moment.');
  await expect(answer).not.toContainText('0 s');
  await expect(questions(page).nth(1)).toContainText('One more please');
  await expect(badge(answer, 'Verified')).toHaveCount(0);
});

test('without a sub-account the Fund dialog opens and nothing is sent', async ({ page, wallet, devnet }) => {
  const chatA = devnet.provider('chat-a');
  const chats = countChatRequests(page, chatA);
  await wallet.install(page, { account: NO_SUB });
  await openChat(page, chatA);
  await expect(page.getByLabel('Sub-account')).toContainText('No sub-account with this provider yet');
  await send(page, 'Am I funded?');
  const dialog = page.getByRole('dialog', { name: 'Fund a provider' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Provider' })).toHaveValue(new RegExp(chatA.address, 'i'));
  await expect(
    page.getByRole('alert').filter({ hasText: 'You have no sub-account with this provider yet' }),
  ).toBeVisible();
  await expect(composer(page)).toHaveValue('Am I funded?');
  await expect(questions(page)).toHaveCount(0);
  expect(signatures(wallet.requests)).toBe(0);
  expect(chats()).toBe(0);
});

test('a sub-account that ran out: the provider’s refusal opens the Fund dialog, then the app says so before sending', async ({
  page,
  wallet,
  devnet,
}) => {
  const chatB = devnet.provider('chat-b');
  await fundAccount(devnet.manifest, NO_SUB, [chatB], '3');
  const chats = countChatRequests(page, chatB);
  await openFundedChat(page, wallet, chatB, NO_SUB);
  // The money leaves outside this page: its copy of the sub-account still says 1 0G.
  await refundAll(devnet.manifest, NO_SUB, chatB);
  await send(page, 'Am I still funded?');
  const refused = answers(page).first();
  await expect(refused.getByRole('alert')).toHaveText(
    'Your sub-account with this provider is missing or too low. Fund it, then resend.',
  );
  await expect(badge(refused, 'Not verifiable')).toBeVisible();
  await expect(questions(page)).toContainText('Am I still funded?');
  expect(chats()).toBe(1);
  const dialog = page.getByRole('dialog', { name: 'Fund a provider' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Provider' })).toHaveValue(new RegExp(chatB.address, 'i'));
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Re-read after the refusal: the next message is stopped before it leaves, with the figures.
  await expect(page.getByLabel('Sub-account')).toContainText(
    'Sub-account 0 0G · about 0 requests · 1 0G being refunded',
  );
  await send(page, 'And now?');
  await expect(
    page.getByRole('alert').filter({ hasText: 'The sub-account holds 0 0G; this message may cost up to' }),
  ).toBeVisible();
  await expect(dialog).toBeVisible();
  await expect(composer(page)).toHaveValue('And now?');
  await expect(questions(page)).toHaveCount(1);
  expect(chats()).toBe(1);
});

test('a network switch in the wallet mid-answer stops it with a sentence, keeps it, and never verifies it', async ({
  page,
  wallet,
  devnet,
}) => {
  const chatA = devnet.provider('chat-a');
  await openFundedChat(page, wallet, chatA, USER);
  const slow = await slowStream(page, chatA, 400);
  await send(page, 'Take your time');
  const answer = answers(page).first();
  await expect(answer).toContainText('This is');

  // The user picks Galileo in the wallet: the app follows, and the answer stops where it was.
  await wallet.emit('chainChanged', '0x40da');
  await expect(page.getByRole('combobox', { name: 'Network' })).toHaveText('Galileo Testnet');
  await expect(questions(page)).toHaveCount(0);
  await slow();

  await wallet.emit('chainChanged', '0x7a69');
  await expect(page.getByRole('combobox', { name: 'Network' })).toHaveText('Local devnet');
  await expect(questions(page)).toContainText('Take your time');
  await expect(answer.getByRole('alert')).toHaveText(
    'Incomplete: The network changed while the answer was arriving, so it was stopped. What arrived is kept.',
  );
  await expect(answer).toContainText('This is');
  await expect(answer).not.toContainText('conversation:');
  expect(await badgeTexts(page)).toEqual(['Not verifiable']);

  // Saved that way: a reload shows the same.
  await page.reload();
  await expect(answers(page).first().getByRole('alert')).toContainText('The network changed while the answer');
  expect(await badgeTexts(page)).toEqual(['Not verifiable']);

  // Opening another conversation mid-answer stops it too, and the answer stays in its own conversation.
  const list = page.getByRole('complementary', { name: 'Conversations' });
  const slower = await slowStream(page, chatA, 400);
  await send(page, 'A second slow one');
  await expect(answers(page).nth(1)).toContainText('This is');
  await list.getByRole('button', { name: 'New chat' }).click();
  await expect(questions(page)).toHaveCount(0);
  await slower();
  await list.getByRole('button', { name: /^Take your time/ }).click();
  await expect(answers(page).nth(1).getByRole('alert')).toHaveText(
    'Incomplete: Stopped when another conversation was opened. What arrived is kept.',
  );
  expect(await badgeTexts(page)).toEqual(['Not verifiable', 'Not verifiable']);
});

test('HTTP 500, a cut stream and a malformed event keep what arrived and are never Verified', async ({
  page,
  wallet,
  devnet,
}) => {
  const chatA = devnet.provider('chat-a');
  await openFundedChat(page, wallet, chatA, USER);

  await devnet.setFaults('chat-a', { http500: true });
  const failed = await ask(page, 'Server, are you there?', 'Not verifiable');
  await expect(failed.getByRole('alert')).toHaveText(
    'The provider answered with an error (HTTP 500: Simulated internal error).',
  );
  await expect(questions(page).first()).toContainText('Server, are you there?');

  // 12 events: the role chunk and the answer's first 11 words, up to `You wrote: "Cut`. Then the stream ends
  // without the rest, the finish chunk or [DONE]. Exactly those words arrive, every time.
  await devnet.setFaults('chat-a', { http500: false, cutStreamAfter: 12 });
  const cut = await ask(page, 'Cut me short', 'Not verifiable');
  await expect(cut.getByRole('alert')).toHaveText(
    'Incomplete: The answer stopped before it was complete (the stream was cut). What arrived is kept.',
  );
  await expect(cut).toContainText(`This is ${chatA.model}, simulated on the 0G devnet. You wrote: "Cut`);
  await expect(cut).not.toContainText('Cut me');
  await expect(cut).not.toContainText('conversation:');

  await devnet.setFaults('chat-a', { cutStreamAfter: null, malformedEvent: true });
  const malformed = await ask(page, 'Say something odd', 'Not verifiable');
  await expect(malformed.getByRole('alert')).toHaveText(
    'Incomplete: The provider sent something that is not a valid answer chunk. What arrived before it is kept.',
  );
  await expect(malformed).toContainText('This is');
  await expect(malformed).not.toContainText('conversation:');
  expect(await badgeTexts(page)).toEqual(['Not verifiable', 'Not verifiable', 'Not verifiable']);
});

test('with the signature endpoint down the answer is unverified until a retry verifies it', async ({
  page,
  wallet,
  devnet,
}) => {
  await openFundedChat(page, wallet, devnet.provider('chat-a'), USER);
  await devnet.setFaults('chat-a', { signatureDown: true });
  const answer = await ask(page, 'Sign this later', 'Verification unavailable');
  await expect(answer).toContainText('conversation: 1 message(s)');
  await devnet.setFaults('chat-a', { signatureDown: false });
  await answer.getByRole('button', { name: 'Retry verification' }).click();
  await expect(badge(answer, 'Verified')).toBeVisible();
  await expect(answer.getByRole('button', { name: 'Retry verification' })).toHaveCount(0);
});

test('refusing the header signature is said plainly and keeps the question', async ({ page, wallet, devnet }) => {
  const chatA = devnet.provider('chat-a');
  const chats = countChatRequests(page, chatA);
  await wallet.install(page, { account: USER });
  await openChat(page, chatA);
  await expectFunded(page);
  wallet.rejectNext('personal_sign');
  await send(page, 'Not signing that');
  const answer = answers(page).first();
  await expect(answer.getByRole('alert')).toHaveText(
    'You declined the signature the provider needs. Nothing was sent.',
  );
  await expect(questions(page)).toContainText('Not signing that');
  expect(signatures(wallet.requests)).toBe(1);
  expect(chats()).toBe(0);
});

test('a provider that goes silent times out with a plain sentence', async ({ page, wallet, devnet }) => {
  // The idle limit is 60 s of no bytes: the page's clock is moved on rather than waited for.
  await page.clock.install();
  const chatA = devnet.provider('chat-a');
  await openFundedChat(page, wallet, chatA, USER);
  await devnet.setFaults('chat-a', { firstTokenDelayMs: 120_000 });
  const headers = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.url() === `${chatA.url}/v1/proxy/chat/completions`,
  );
  await send(page, 'Anyone there?');
  await headers;
  const answer = answers(page).first();
  // Jumped again until the reader's idle timer (set right after the headers) has fired.
  await expect(async () => {
    await page.clock.fastForward('01:01');
    await expect(answer.getByRole('alert')).toHaveText(
      'Incomplete: The provider did not answer in time. Resend, or try another provider.',
      { timeout: 500 },
    );
  }).toPass({ timeout: 10_000 });
  await expect(badge(answer, 'Not verifiable')).toBeVisible();
});

test('the reasoning of chat-b is shown collapsed under "Reasoning"', async ({ page, wallet, devnet }) => {
  await openFundedChat(page, wallet, devnet.provider('chat-b'), USER);
  const answer = await ask(page, 'Think first');
  const reasoning = 'The user wrote 2 tokens. I will restate the message';
  const summary = answer.getByText('Reasoning', { exact: true });
  await expect(summary).toBeVisible();
  await expect(answer.getByText(reasoning)).toBeHidden();
  await expect(answer).toContainText('You wrote: "Think first"');
  await summary.click();
  await expect(answer.getByText(reasoning)).toBeVisible();
});

test('model output with HTML or a javascript: link renders as text', async ({ page, wallet, devnet }) => {
  await openFundedChat(page, wallet, devnet.provider('chat-a'), USER);
  const img = '<img src=x onerror="window.__pwned=1">';
  const link = '[x](javascript:window.__pwned=2)';
  const first = await ask(page, img);
  await expect(first).toContainText(`You wrote: "${img}"`);
  const second = await ask(page, link);
  await expect(second).toContainText('javascript:window.__pwned=2');
  await expect(messages(page).locator('img')).toHaveCount(0);
  await expect(page.locator('a[href^="javascript" i]')).toHaveCount(0);
  await expect(messages(page).getByRole('link')).toHaveCount(0);
  expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
});

test('Enter sends, Shift+Enter adds a line; edit and resend; regenerate', async ({ page, wallet, devnet }) => {
  const chatA = devnet.provider('chat-a');
  const chats = countChatRequests(page, chatA);
  await wallet.install(page, { account: USER });
  await openChat(page, chatA);
  await expectFunded(page);
  const box = composer(page);
  await box.click();
  await page.keyboard.type('line one');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('line two');
  await expect(box).toHaveValue('line one\nline two');
  await expect(questions(page)).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(questions(page)).toHaveCount(1);
  expect(await questions(page).first().getByText('line one').innerText()).toBe('line one\nline two');
  await expect(box).toHaveValue('');
  await expect(badge(answers(page).first(), 'Verified')).toBeVisible({ timeout: 15_000 });

  await questions(page).first().getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('textbox', { name: 'Edit message' }).fill('edited question');
  await page.getByRole('button', { name: 'Resend' }).click();
  await expect(questions(page)).toHaveCount(1);
  await expect(questions(page).first()).toContainText('edited question');
  await expect(answers(page)).toHaveCount(1);
  await expect(answers(page).first()).toContainText('You wrote: "edited question"');
  await expect(badge(answers(page).first(), 'Verified')).toBeVisible({ timeout: 15_000 });
  expect(chats()).toBe(2);

  const chatId = async () => {
    await badge(answers(page).first(), 'Verified').click();
    const dialog = page.getByRole('dialog', { name: 'Verification: Verified' });
    const id = await dialog.locator('dt:text-is("Chat ID") + dd').innerText();
    await dialog.getByRole('button', { name: 'Close' }).click();
    return id;
  };
  const before = await chatId();
  await answers(page).first().getByRole('button', { name: 'Regenerate' }).click();
  await expect.poll(chats).toBe(3);
  await expect(badge(answers(page).first(), 'Verified')).toBeVisible({ timeout: 15_000 });
  await expect(answers(page)).toHaveCount(1);
  await expect(answers(page).first()).toContainText('You wrote: "edited question"');
  expect(await chatId()).not.toBe(before);
});

test('export and import as JSON and Markdown, search, delete', async ({ page, wallet, devnet }) => {
  await openFundedChat(page, wallet, devnet.provider('chat-a'), USER);
  const list = page.getByRole('complementary', { name: 'Conversations' });
  const search = list.getByRole('searchbox', { name: 'Search conversations' });
  await ask(page, 'Other topic');
  await list.getByRole('button', { name: 'New chat' }).click();
  await ask(page, 'Tell me about zebrafish');
  await ask(page, 'And their stripes');

  const save = async (button: string) => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      list.getByRole('button', { name: button }).click(),
    ]);
    const file = await download.path();
    return { name: download.suggestedFilename(), file, text: await readFile(file, 'utf8') };
  };
  const json = await save('Export JSON');
  expect(json.name).toBe('Tell me about zebrafish.json');
  const doc = JSON.parse(json.text) as {
    conversation: { title: string; messages: { role: string; content: string; verification?: { state: string } }[] };
  };
  expect(doc.conversation.title).toBe('Tell me about zebrafish');
  expect(doc.conversation.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
  expect(doc.conversation.messages[2]?.content).toBe('And their stripes');
  expect(doc.conversation.messages[3]?.verification?.state).toBe('verified');
  const md = await save('Export Markdown');
  expect(md.name).toBe('Tell me about zebrafish.md');
  expect(md.text).toMatch(/^# Tell me about zebrafish\n/);
  expect(md.text).toContain('### You\n\n```text\nAnd their stripes\n```');
  expect(md.text).toContain('Verified · Chat ID: chatcmpl-');

  // Search by a word inside a message, not the title.
  await search.fill('STRIPES');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('listitem')).toContainText('Tell me about zebrafish');
  await search.fill('no such words anywhere');
  await expect(list).toContainText('Nothing found.');
  await search.fill('');

  // Delete: the conversation is gone, from the list and from search.
  await list.getByRole('button', { name: /^Tell me about zebrafish/ }).click();
  await list.getByRole('button', { name: 'Delete chat' }).click();
  await expect(list.getByRole('button', { name: /^Tell me about zebrafish/ })).toHaveCount(0);
  await search.fill('stripes');
  await expect(list).toContainText('Nothing found.');
  await search.fill('');

  // Import the JSON: the same conversation comes back and opens; its badges say they were not checked here.
  await list.getByLabel('Import a conversation file').setInputFiles(json.file);
  await expect(page.getByText('Imported "Tell me about zebrafish"')).toBeVisible();
  await expect(questions(page)).toHaveCount(2);
  await expect(questions(page).last()).toContainText('And their stripes');
  expect(await badgeTexts(page)).toEqual([
    'Verified (imported, not checked here)',
    'Verified (imported, not checked here)',
  ]);

  // Import the Markdown: text and roles come back; verification never does.
  await list
    .getByLabel('Import a conversation file')
    .setInputFiles({ name: md.name, mimeType: 'text/markdown', buffer: Buffer.from(md.text) });
  await expect(list.getByRole('button', { name: /^Tell me about zebrafish/ })).toHaveCount(2);
  await expect(questions(page)).toHaveCount(2);
  await expect(answers(page).last()).toContainText('You wrote: "And their stripes"');
  expect(await badgeTexts(page)).toEqual([]);
});

test('compare: one prompt to two providers, both answers with latency, cost and badge', async ({
  page,
  wallet,
  devnet,
}) => {
  await wallet.install(page, { account: USER });
  await openChat(page, devnet.provider('chat-a'));
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Compare two providers' }).click();
  const compare = page.getByRole('region', { name: 'Compare two providers' });
  await compare.getByRole('combobox', { name: 'Left provider' }).selectOption(devnet.provider('chat-a').address);
  await compare.getByRole('combobox', { name: 'Right provider' }).selectOption(devnet.provider('tamper').address);
  await compare.getByRole('textbox', { name: 'Prompt' }).fill('Which of you is honest?');
  await compare.getByRole('button', { name: 'Compare', exact: true }).click();
  const left = compare.getByRole('article', { name: /\(left\)$/ });
  const right = compare.getByRole('article', { name: /\(right\)$/ });
  await expect(left.getByRole('button', { name: 'Verified', exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(right.getByRole('button', { name: 'Content mismatch', exact: true })).toBeVisible({ timeout: 15_000 });
  for (const side of [left, right]) {
    await expect(side).toContainText('Which of you is honest?');
    await expect(side).toContainText(/Latency \d+\.\d\d s/);
    await expect(side).toContainText(/Cost [\d.]+ 0G/);
  }
});
