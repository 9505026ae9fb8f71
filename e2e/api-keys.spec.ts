import type { Locator, Page } from '@playwright/test';
import { getAddress, type Address } from 'viem';
import type { ManifestProvider } from '../devnet/manifest';
import { inferenceAbi } from '../src/lib/chain/abi';
import { answers, ask, clients, expectFunded, fundAccount, openFundedChat, signatures } from './chat-helpers';
import { expect, test } from './fixtures';

// API keys made in the browser (the Build page's "API keys" panel) against the real contracts and a
// simulated provider that checks generation, bitmap and expiry like a real one. Account 31 makes keys,
// calls chat-a with them from Node as the Build snippets do, revokes one and then all; account 32 declines
// a signature and meets the all-255-ids-used state. Both get a ledger and a chat-a sub-account in beforeAll.

const USER = 31;
const FULL = 32;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ manifest }) => {
  const chatA = manifest.providers.find((p) => p.name === 'chat-a')!;
  await fundAccount(manifest, USER, [chatA]);
  await fundAccount(manifest, FULL, [chatA]);
});

const keysPanel = (page: Page) => page.getByRole('region', { name: 'API keys' });
const keyRow = (page: Page, label: string) => keysPanel(page).getByRole('listitem', { name: `API key ${label}` });

async function openBuild(page: Page, provider: ManifestProvider, connect: boolean) {
  await page.goto(`/build/${provider.address}`);
  if (connect) {
    await page.getByRole('button', { name: 'Connect wallet' }).first().click();
    await page.getByRole('dialog', { name: 'Connect a wallet' }).getByRole('button', { name: 'E2E Wallet' }).click();
  }
  await expect(
    keysPanel(page)
      .getByRole('button', { name: /Create API key|Revoke all/ })
      .first(),
  ).toBeVisible({
    timeout: 15_000,
  });
}

/** Makes a key through the panel and returns the secret it shows once (and the env line beside it). */
async function createKey(page: Page, label: string, expiry: string) {
  const panel = keysPanel(page);
  await panel.getByRole('textbox', { name: 'Label' }).fill(label);
  await panel.getByRole('combobox', { name: 'Expires after' }).selectOption({ label: expiry });
  await panel.getByRole('button', { name: 'Create API key' }).click();
  const notice = panel.getByRole('region', { name: 'New API key' });
  const secret = (await notice.getByRole('group', { name: 'API key', exact: true }).locator('code').innerText()).trim();
  expect(secret).toMatch(/^app-sk-[A-Za-z0-9+/=]+$/);
  await expect(notice.getByRole('group', { name: 'ZG_API_KEY line' }).locator('code')).toHaveText(
    `export ZG_API_KEY=${secret}`,
  );
  return { secret, notice };
}

/** POSTs a chat completion to the provider with the key, exactly as the Build page's cURL/OpenAI code does. */
async function callWithKey(provider: ManifestProvider, secret: string) {
  const res = await fetch(`${provider.url}/v1/proxy/chat/completions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${secret}` },
    body: JSON.stringify({ model: provider.model, messages: [{ role: 'user', content: 'Hello from Node' }] }),
  });
  const body = await res.text();
  return { status: res.status, body };
}

// Everything the page keeps: localStorage, sessionStorage and every record of every IndexedDB store,
// Blobs and byte arrays read as text. A string, because the node-side tsconfig has no DOM types.
const DUMP_STORAGE = `(async () => {
  const out = [];
  for (const s of [localStorage, sessionStorage])
    for (let i = 0; i < s.length; i++) { const k = s.key(i); out.push(k + '=' + s.getItem(k)); }
  const text = async (v) => {
    if (v instanceof Blob) return await v.text();
    if (v instanceof ArrayBuffer) return new TextDecoder().decode(v);
    if (ArrayBuffer.isView(v)) return new TextDecoder().decode(v);
    if (Array.isArray(v)) return (await Promise.all(v.map(text))).join(',');
    if (v && typeof v === 'object') return (await Promise.all(Object.entries(v).map(async ([k, x]) => k + ':' + (await text(x))))).join(',');
    return String(v);
  };
  for (const info of await indexedDB.databases()) {
    const db = await new Promise((ok, no) => { const r = indexedDB.open(info.name); r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); });
    for (const name of db.objectStoreNames) {
      const rows = await new Promise((ok, no) => { const r = db.transaction(name).objectStore(name).getAll(); r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); });
      out.push('idb:' + info.name + '/' + name + '=' + (await text(rows)));
    }
    db.close();
  }
  return out.join('\\n');
})()`;

/** Fails when any piece of the secret (itself, its base64 body, its signature) is in the page's storage. */
async function expectNotStored(page: Page, secret: string, label: string) {
  const dump = await page.evaluate<string>(DUMP_STORAGE);
  const body = secret.slice('app-sk-'.length);
  const decoded = Buffer.from(body, 'base64').toString('utf8');
  const signature = decoded.slice(decoded.lastIndexOf('|') + 1);
  // The scan does read storage: the key's label is there.
  expect(dump).toContain(label);
  for (const piece of [secret, body, signature]) expect(dump.includes(piece), `storage holds ${piece}`).toBe(false);
}

const badgeOf = (row: Locator, text: string) => row.getByText(text, { exact: true });

test('a key made in the browser answers from Node, is never stored, dies when revoked; revoke all ends the session too', async ({
  page,
  wallet,
  devnet,
}) => {
  test.setTimeout(120_000);
  const chatA = devnet.provider('chat-a');
  // The app's own session token first, so revoke-all has one to end.
  await openFundedChat(page, wallet, chatA, USER);
  await ask(page, 'Before any key');
  const sessionSignatures = signatures(wallet.requests);
  expect(sessionSignatures).toBe(1);

  await openBuild(page, chatA, false);
  await expect(keysPanel(page).getByRole('combobox', { name: 'Expires after' })).toBeVisible();
  await expect(keysPanel(page)).toContainText('It will take token id 0.');
  const first = await createKey(page, 'node script', '7 days');
  expect(signatures(wallet.requests)).toBe(sessionSignatures + 1);
  expect(wallet.requests.filter((r) => r.method === 'eth_sendTransaction')).toHaveLength(0);
  await expectNotStored(page, first.secret, 'node script');

  // Node, as the snippet does: an answer with the new key.
  const ok = await callWithKey(chatA, first.secret);
  expect(ok.status, ok.body).toBe(200);
  expect(
    (JSON.parse(ok.body) as { choices: { message: { content: string } }[] }).choices[0]?.message.content,
  ).toBeTruthy();

  // Hidden: the secret leaves the page; the list keeps only its metadata.
  await first.notice.getByRole('button', { name: 'I have copied it: hide the key' }).click();
  await expect(first.notice).toBeHidden();
  expect(await page.content()).not.toContain(first.secret);
  const row = keyRow(page, 'node script');
  await expect(badgeOf(row, 'Active')).toBeVisible();
  await expect(row).toContainText('id 0');
  await expect(keysPanel(page)).toContainText('Ids in use here: 0.');
  await expect(keysPanel(page)).toContainText('It will take token id 1.');

  // Revoke it: its bit is set on chain and the provider answers 401.
  await row.getByRole('button', { name: 'Revoke' }).click();
  await expect(badgeOf(row, 'Revoked')).toBeVisible({ timeout: 20_000 });
  const revoked = await callWithKey(chatA, first.secret);
  expect(revoked.status, revoked.body).toBe(401);
  await expect(keysPanel(page)).toContainText('1 revoked on chain');

  // A second key takes id 1 (0 is revoked), and works.
  const second = await createKey(page, 'second', 'No expiry');
  await second.notice.getByRole('button', { name: 'I have copied it: hide the key' }).click();
  await expect(badgeOf(keyRow(page, 'second'), 'Active')).toBeVisible();
  await expect(keyRow(page, 'second')).toContainText('id 1 · made');
  expect((await callWithKey(chatA, second.secret)).status).toBe(200);

  // Revoke all, after the explanation: both keys void, the second refused too.
  await keysPanel(page).getByRole('button', { name: 'Revoke all…' }).click();
  const confirm = keysPanel(page).getByRole('group', { name: 'Revoke all tokens' });
  await expect(confirm).toContainText('also ends this app’s own session token');
  await confirm.getByRole('button', { name: 'Revoke all tokens' }).click();
  await expect(badgeOf(keyRow(page, 'second'), 'Void (all revoked)')).toBeVisible({ timeout: 20_000 });
  await expect(badgeOf(keyRow(page, 'node script'), 'Void (all revoked)')).toBeVisible();
  expect((await callWithKey(chatA, second.secret)).status).toBe(401);
  await expect(keysPanel(page)).toContainText('It will take token id 0.');

  // The Account page lists the provider with its keys' states.
  await page.goto('/account');
  const listed = page.getByRole('region', { name: 'API keys' }).getByRole('listitem', {
    name: `API keys with ${getAddress(chatA.address)}`,
  });
  await expect(listed).toContainText('2 void');

  // The app's next chat asks for exactly one signature, and answers.
  const before = signatures(wallet.requests);
  await page.goto(`/chat?provider=${chatA.address}`);
  // The conversation from the start comes back first; the new answer is the one after it.
  await expect(answers(page)).toHaveCount(1);
  await expectFunded(page);
  await ask(page, 'After revoking all');
  expect(signatures(wallet.requests)).toBe(before + 1);
});

test('a declined signature stores nothing; all 255 ids used offers revoke all', async ({ page, wallet, devnet }) => {
  test.setTimeout(90_000);
  const chatA = devnet.provider('chat-a');
  await wallet.install(page, { account: FULL });
  await openBuild(page, chatA, true);

  wallet.rejectNext('personal_sign');
  await keysPanel(page).getByRole('textbox', { name: 'Label' }).fill('declined');
  await keysPanel(page).getByRole('button', { name: 'Create API key' }).click();
  await expect(keysPanel(page)).toContainText('Cancelled in the wallet: no key was made and nothing was stored.');
  await expect(keysPanel(page).getByRole('region', { name: 'New API key' })).toHaveCount(0);
  await expect(keysPanel(page)).toContainText('No API keys made in this browser for it yet.');
  expect(await page.evaluate<string>(DUMP_STORAGE)).not.toContain('declined');

  // Every id revoked on chain (one revokeTokens call from outside the page): no key can be made.
  const { wallet: signer, mined } = clients(devnet.manifest, FULL);
  await mined(
    await signer.writeContract({
      address: devnet.manifest.contracts.inference as Address,
      abi: inferenceAbi,
      functionName: 'revokeTokens',
      args: [getAddress(chatA.address), Array.from({ length: 255 }, (_, i) => i)],
    }),
  );
  await page.reload();
  const full = keysPanel(page).getByRole('alert');
  await expect(full).toContainText('All 255 key ids with this provider are used or revoked', { timeout: 15_000 });
  await expect(keysPanel(page).getByRole('button', { name: 'Create API key' })).toHaveCount(0);
  await full.getByRole('button', { name: 'Revoke all…' }).click();
  await keysPanel(page)
    .getByRole('group', { name: 'Revoke all tokens' })
    .getByRole('button', { name: 'Revoke all tokens' })
    .click();
  await expect(keysPanel(page)).toContainText('It will take token id 0.', { timeout: 20_000 });
});
