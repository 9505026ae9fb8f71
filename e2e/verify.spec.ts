import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Download, Locator, Page } from '@playwright/test';
import { createPublicClient, createWalletClient, getAddress, http, type Address, type Hex } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { hardhat } from 'viem/chains';
import { FIRST_PROVIDER_INDEX, hardhatAccount } from '../devnet/keys';
import type { Manifest } from '../devnet/manifest';
import { inferenceAbi } from '../src/lib/chain/abi';
import { zipStore } from '../src/lib/zip';
import { expectNoAxeViolations } from './a11y';
import { ask, badge, fundAccount, openChat, pickProvider } from './chat-helpers';
import { expect, test } from './fixtures';
import { APP_URL } from './paths';
import { checks, content, drop, expectVerified, paste, row, stranger, verdict, type Dom } from './verify-page';

// /verify, as a stranger uses it: proofs exported by account 36 (ledger, chat-a, chat-b and image sub-accounts)
// are opened in a fresh browser context with no wallet, as they are, edited, and as a share link.

const USER = 36;
// The fields the edits below touch; the rest is passed along as it came.
type Bundle = Record<'network' | 'service' | 'verdict', object> & {
  signed: { text: string };
  response: { bytes: string };
};

test.beforeAll(async ({ manifest }) => {
  const named = (name: string) => manifest.providers.find((p) => p.name === name)!;
  await fundAccount(manifest, USER, [named('chat-a'), named('chat-b'), named('image')]);
});

const saved = async (download: Promise<Download>) => readFile((await (await download).path())!);

/** Opens an answer's badge detail and downloads its proof. */
async function downloadProof(page: Page, answer: Locator): Promise<Bundle> {
  await badge(answer, 'Verified').click();
  const dialog = page.getByRole('dialog', { name: 'Verification: Verified' });
  const file = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download proof' }).click();
  const bundle = JSON.parse((await saved(file)).toString('utf8')) as Bundle;
  expect(bundle.response.bytes, 'a fresh answer’s proof carries its exact bytes').toBeTruthy();
  return bundle;
}

const flipOneByte = (b64: string) =>
  Buffer.from(Buffer.from(b64, 'base64').map((x, i, all) => (i === all.length >> 1 ? x ^ 1 : x))).toString('base64');

// A chat proof with no wallet; one flipped byte, another key, another network, a gone provider and hostile text.
test('a chat proof checks, its edits do not', async ({ page, wallet, browser, devnet }) => {
  await wallet.install(page, { account: USER });
  await openChat(page, devnet.provider('chat-a'));
  const prompt = 'Proofs anyone can check';
  const bundle = await downloadProof(page, await ask(page, prompt));

  const other = await stranger(browser);
  await drop(other, 'proof.json', Buffer.from(JSON.stringify(bundle, null, 2)), 'application/json');
  await expectVerified(other);
  await expect(content(other)).toContainText(`You wrote: "${prompt}"`);
  await expect(other.getByRole('region', { name: 'TEE attestation' })).toBeVisible();
  await expectNoAxeViolations(other, '/verify with a checked proof');
  const edit = (over: object) => paste(other, JSON.stringify({ ...bundle, ...over }));

  // One byte of the response flipped: the response is no longer the one signed.
  await edit({ response: { ...bundle.response, bytes: flipOneByte(bundle.response.bytes) } });
  await expect(verdict(other)).toHaveText(/^Not verified/, { timeout: 15_000 });
  await expect(row(other, 'Response bound')).toContainText('Failed');

  // The same text signed by a key that is not the provider's.
  const signature = await privateKeyToAccount(generatePrivateKey()).signMessage({ message: bundle.signed.text });
  await edit({ signed: { ...bundle.signed, signature } });
  await expect(verdict(other)).toHaveText(/^Not verified/, { timeout: 15_000 });
  await expect(row(other, "Signed by the provider's TEE key")).toContainText('Failed');

  // A network the app does not know, and a provider with no service on chain: said, never green.
  await edit({ network: { ...bundle.network, chainId: 4242 } });
  await expect(verdict(other)).toHaveText(/^Not verified/, { timeout: 15_000 });
  await expect(other.getByText(/network is not one this app knows/)).toBeVisible();
  const gone = privateKeyToAccount(generatePrivateKey()).address;
  await edit({ service: { ...bundle.service, provider: gone } });
  await expect(row(other, "Signed by the provider's TEE key")).toContainText('has no service', { timeout: 15_000 });
  await expect(verdict(other)).toHaveText(/^Not verified/);

  // Hostile text in the fields a person reads: shown as text, nothing run.
  const hostile = '<img src=x onerror="window.__pwned=1">';
  const service = { ...bundle.service, model: hostile, url: `javascript:${hostile}` };
  await edit({ chatId: hostile, service, verdict: { ...bundle.verdict, reason: hostile } });
  await expect(verdict(other)).toBeVisible({ timeout: 15_000 });
  await expect(other.getByText(hostile).first()).toBeVisible();
  await expect(other.locator('img[src="x"]')).toHaveCount(0);
  expect(await other.evaluate(() => (globalThis as unknown as Dom).__pwned)).toBeUndefined();
  await other.context().close();
});

test('bad files get a sentence, never a result', async ({ browser }, info) => {
  const page = await stranger(browser);
  await paste(page, '{"format":"0g-compute-proof",');
  await expect(page.getByText(/JSON/).first()).toBeVisible();
  await paste(page, JSON.stringify({ format: '0g-compute-proof', version: 99 }));
  await expect(page.getByText(/version/i).first()).toBeVisible();
  await drop(page, 'proof.zip', Buffer.from(zipStore([{ name: 'notes.txt', data: 'hi' }])), 'application/zip');
  await expect(page.getByText(/proof\.json/).first()).toBeVisible();
  // Over 50 MB: refused before it is read (a file on disk: Playwright sends large buffers no other way).
  const big = info.outputPath('big-proof.json');
  await mkdir(path.dirname(big), { recursive: true });
  await writeFile(big, Buffer.alloc(50 * 1024 * 1024 + 1, 0x20));
  await page.locator('input[type="file"]').setInputFiles(big);
  await expect(page.getByText(/larger than 50 MB/)).toBeVisible();
  await expect(checks(page)).toHaveCount(0);
  await page.context().close();
});

test('a picture bundle verifies and shows the picture', async ({ page, wallet, browser, devnet }) => {
  await wallet.install(page, { account: USER });
  await page.goto(`/image?provider=${devnet.provider('image').address}`);
  await page.getByRole('button', { name: 'Connect wallet' }).first().click();
  await page.getByRole('dialog', { name: 'Connect a wallet' }).getByRole('button', { name: 'E2E Wallet' }).click();
  await expect(page.getByLabel('Sub-account')).toContainText(/Sub-account [\d.]+ 0G/, { timeout: 15_000 });
  await page.getByRole('textbox', { name: 'Prompt' }).fill('A lighthouse at night');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  const run = page.getByRole('region', { name: "This visit's results" }).getByRole('article').first();
  await expect(badge(run, 'Verified').first()).toBeVisible({ timeout: 20_000 });
  const zip = page.waitForEvent('download');
  await run.getByRole('button', { name: 'Download with proof' }).first().click();
  const bytes = await saved(zip);

  const other = await stranger(browser);
  await drop(other, (await zip).suggestedFilename(), bytes, 'application/zip');
  await expectVerified(other);
  const picture = content(other).getByRole('img', { name: 'The picture in the proof' });
  await expect(picture).toBeVisible();
  expect(await picture.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
  await other.context().close();
});

// A hashes-only share link opens its check; a proof whose provider changed its TEE signer since says so.
test('a share link, then a signer changed', async ({ page, wallet, browser, devnet }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: APP_URL });
  await wallet.install(page, { account: USER });
  await openChat(page, devnet.provider('chat-a'));
  await pickProvider(page, devnet.provider('chat-b'));
  const bundle = await downloadProof(page, await ask(page, 'Before the key changed'));
  const dialog = page.getByRole('dialog', { name: 'Verification: Verified' });
  await dialog.getByRole('checkbox', { name: 'Hashes only' }).check();
  await dialog.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.evaluate(() => (globalThis as unknown as Dom).navigator.clipboard.readText());
  expect(link).toMatch(new RegExp(`^${APP_URL}/verify#p=[A-Za-z0-9_-]+$`));

  // The link alone: the signature and signer check, the content is said to be missing, and nothing is green.
  const other = await stranger(browser);
  await other.goto(link);
  await expect(verdict(other)).toHaveText(/^Not verified/, { timeout: 15_000 });
  await expect(row(other, "Signed by the provider's TEE key")).toContainText('Passed');
  await expect(content(other)).toContainText('Content is not included in this proof');
  await expect(content(other)).not.toContainText('Before the key changed');

  // The whole proof dropped after the link: verified; then the provider moves to another key on chain.
  await drop(other, 'proof.json', Buffer.from(JSON.stringify(bundle)), 'application/json');
  await expectVerified(other);
  await expect(content(other)).toContainText('Before the key changed');
  const restore = await changeSigner(devnet.manifest, 'chat-b', privateKeyToAccount(generatePrivateKey()).address);
  try {
    await other.getByRole('button', { name: 'Check again' }).click();
    await expect(verdict(other)).toHaveText(/^Not verified/, { timeout: 15_000 });
    await expect(row(other, "Signed by the provider's TEE key")).toContainText('Failed');
    await expect(other.getByText(/TEE signer on chain has changed since this proof was made/)).toBeVisible();
  } finally {
    await restore();
  }
  await other.context().close();
});

/** Gives a provider's service another TEE signer, sent from its own key; the undo restores and re-acknowledges it. */
async function changeSigner(manifest: Manifest, name: string, signer: Address): Promise<() => Promise<void>> {
  const provider = getAddress(manifest.providers.find((x) => x.name === name)!.address);
  const keys = Array.from({ length: 10 }, (_, i) => hardhatAccount(FIRST_PROVIDER_INDEX + i));
  const key = keys.find((w) => getAddress(w.address) === provider)!.privateKey as Hex;
  const address = manifest.contracts.inference as Address;
  const transport = http(manifest.rpcUrl);
  const rpc = createPublicClient({ transport });
  // The simulator settles fees from the same provider key in the background, so a nonce read just before its
  // transaction lands can be stale: such a send is tried again with a fresh nonce (any other failure is not).
  const send = async (from: Hex, call: { functionName: string; args: unknown[] }, tries = 3): Promise<void> => {
    const wallet = createWalletClient({ account: privateKeyToAccount(from), chain: hardhat, transport });
    let hash: Hex;
    try {
      hash = await wallet.writeContract({ address, abi: inferenceAbi, ...call } as never);
    } catch (err) {
      if (tries > 1 && /nonce/i.test(String(err))) return send(from, call, tries - 1);
      throw err;
    }
    expect((await rpc.waitForTransactionReceipt({ hash })).status).toBe('success');
  };
  const read = () => rpc.readContract({ address, abi: inferenceAbi, functionName: 'getService', args: [provider] });
  const before = await read();
  const { serviceType, url, model, verifiability, inputPrice, outputPrice, additionalInfo } = before;
  const update = (teeSignerAddress: Address) =>
    send(key, {
      functionName: 'addOrUpdateService',
      args: [{ serviceType, url, model, verifiability, inputPrice, outputPrice, additionalInfo, teeSignerAddress }],
    });
  await update(signer);
  return async () => {
    await update(before.teeSignerAddress);
    if (!(await read()).teeSignerAcknowledged)
      await send(manifest.owner.privateKey as Hex, { functionName: 'acknowledgeTEESignerByOwner', args: [provider] });
    expect(await read()).toMatchObject({ teeSignerAddress: before.teeSignerAddress, teeSignerAcknowledged: true });
  };
}
