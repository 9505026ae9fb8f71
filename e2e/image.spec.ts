import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { PNG } from 'pngjs';
import type { ManifestProvider } from '../devnet/manifest';
import { fundAccount, signatures } from './chat-helpers';
import { expect, test } from './fixtures';

// The image studio on the devnet: text-to-image and image editing through the one pipeline, every picture checked
// against the bytes received, the control modes that tamper, sign with another key or answer with links, and
// history in IndexedDB. Account 23 has a ledger and sub-accounts with the three image providers (made in beforeAll).

const USER = 23;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

test.beforeAll(async ({ manifest }) => {
  const named = (name: string) => manifest.providers.find((p) => p.name === name)!;
  await fundAccount(manifest, USER, [named('image'), named('image-b'), named('image-edit')]);
});

test.beforeEach(async ({ devnet }) => {
  await devnet.reset();
});

async function openStudio(page: Page, provider: ManifestProvider, mode: 'generate' | 'edit' = 'generate') {
  await page.goto(`/image?provider=${provider.address}${mode === 'edit' ? '&mode=edit' : ''}`);
  await page.getByRole('button', { name: 'Connect wallet' }).first().click();
  await page.getByRole('dialog', { name: 'Connect a wallet' }).getByRole('button', { name: 'E2E Wallet' }).click();
  await expect(page.getByLabel('Sub-account')).toContainText(/Sub-account [\d.]+ 0G/, { timeout: 15_000 });
}

const results = (page: Page) => page.getByRole('region', { name: "This visit's results" });
const latest = (page: Page) => results(page).getByRole('article').first();
const badge = (where: Locator, text: string) => where.getByRole('button', { name: text, exact: true });

async function generate(page: Page, prompt: string, verdict: string) {
  await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  const run = latest(page);
  await expect(badge(run, verdict).first()).toBeVisible({ timeout: 20_000 });
  return run;
}

/** The pictures the provider's answer carried, decoded from its b64_json fields. */
function answerPictures(page: Page, provider: ManifestProvider): () => Uint8Array[] {
  const seen: Uint8Array[] = [];
  page.on('response', async (res) => {
    if (!res.url().startsWith(`${provider.url}/v1/proxy/images/`)) return;
    const body = (await res.json()) as { data: { b64_json?: string }[] };
    for (const d of body.data) if (d.b64_json) seen.push(Buffer.from(d.b64_json, 'base64'));
  });
  return () => seen;
}

test('a generated picture is Verified, downloads as the bytes received, costs no second signature, and survives a reload', async ({
  page,
  wallet,
  devnet,
}) => {
  const image = devnet.provider('image');
  await wallet.install(page, { account: USER });
  await openStudio(page, image);
  await expect(page.getByText(/Total price: [\d.]+ 0G for 1 picture/)).toBeVisible();
  const received = answerPictures(page, image);

  const run = await generate(page, 'A red fox in the snow', 'Verified');
  await expect(run.getByRole('img', { name: 'A red fox in the snow' })).toBeVisible();
  const signed = signatures(wallet.requests);

  const download = page.waitForEvent('download');
  await run.getByRole('button', { name: 'Download', exact: true }).click();
  const file = await readFile((await (await download).path())!);
  expect(received()).toHaveLength(1);
  expect(sha256(file)).toBe(sha256(received()[0]!));
  expect((await download).suggestedFilename()).toMatch(/^a-red-fox-in-the-snow-img-[a-z0-9-]+\.png$/);

  // Two more pictures from the same provider: the cached header, so no wallet prompt.
  await page.getByRole('combobox', { name: 'Pictures' }).selectOption('2');
  await expect(page.getByText(/Total price: [\d.]+ 0G for 2 pictures/)).toBeVisible();
  const second = await generate(page, 'A blue whale at dawn', 'Verified');
  await expect(second.getByRole('list', { name: 'Pictures' }).getByRole('listitem')).toHaveCount(2);
  expect(signatures(wallet.requests)).toBe(signed);

  // The full-size view by keyboard: arrows move between the pictures, Escape closes it.
  await second.getByRole('button', { name: 'Open full size: A blue whale at dawn' }).first().click();
  await expect(page.getByRole('dialog', { name: 'Picture 1 of 2' })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('dialog', { name: 'Picture 2 of 2' })).toBeVisible();
  await expect(page.getByRole('dialog').getByRole('img', { name: 'A blue whale at dawn' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // "Download with proof": a zip holding the picture and proof.json.
  const proof = page.waitForEvent('download');
  await second.getByRole('button', { name: 'Download with proof' }).first().click();
  expect((await proof).suggestedFilename()).toMatch(/-proof\.zip$/);

  await page.reload();
  const history = page.getByRole('list', { name: 'Saved pictures' });
  await expect(history.getByRole('listitem')).toHaveCount(3, { timeout: 15_000 });
  await expect(badge(history, 'Verified')).toHaveCount(3);
  await page.getByRole('searchbox', { name: 'Search prompts' }).fill('whale');
  await expect(history.getByRole('listitem')).toHaveCount(2);
});

test('an uploaded PNG is edited and Verified, shown beside the original', async ({ page, wallet, devnet }) => {
  const edit = devnet.provider('image-edit');
  await wallet.install(page, { account: USER });
  await openStudio(page, edit, 'edit');
  const png = new PNG({ width: 32, height: 32 });
  png.data.fill(200);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /Choose an image/ }).click();
  await (await chooser).setFiles({ name: 'square.png', mimeType: 'image/png', buffer: PNG.sync.write(png) });
  await expect(page.getByRole('img', { name: 'The picture to edit' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Prompt' }).fill('Make it purple');
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const run = latest(page);
  await expect(badge(run, 'Verified')).toBeVisible({ timeout: 20_000 });
  await expect(run.getByRole('slider', { name: /Before \/ after/ })).toBeVisible();

  // A file that is not a picture, whatever its name, is refused before anything is sent.
  const again = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /Choose an image/ }).click();
  await (
    await again
  ).setFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('<html>not a png</html>') });
  await expect(page.getByText(/is not a PNG, JPEG or WebP picture/)).toBeVisible();
});

test('tampered and wrongly signed pictures are never Verified', async ({ page, wallet, devnet }) => {
  await wallet.install(page, { account: USER });
  await openStudio(page, devnet.provider('image'));
  await devnet.setFaults('image', { tamper: true });
  await generate(page, 'Tampered on the way', 'Content mismatch');
  await devnet.setFaults('image', { tamper: false, rogueSigner: true });
  await generate(page, 'Signed by someone else', 'Verification failed');
});

test('a link instead of bytes is fetched, never navigated to, and never reads as a verified picture; hostile links run nothing', async ({
  page,
  wallet,
  devnet,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await wallet.install(page, { account: USER });
  await openStudio(page, devnet.provider('image'));
  const url = page.url();

  await devnet.setFaults('image', { imageAnswer: 'url' });
  const linked = await generate(page, 'A picture behind a link', 'Link signed, picture not verified');
  await expect(linked.getByRole('img', { name: 'A picture behind a link' })).toBeVisible();
  await expect(badge(linked, 'Verified')).toHaveCount(0);

  for (const [mode, refusal] of [
    ['javascript-url', /javascript:/],
    ['data-html-url', /data:/],
    ['http-url', /http:/],
    ['not-image', /not a PNG, JPEG or WebP picture/],
  ] as const) {
    await devnet.setFaults('image', { imageAnswer: mode });
    await page.getByRole('textbox', { name: 'Prompt' }).fill(`Hostile ${mode}`);
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await expect(latest(page).getByRole('list', { name: 'Pictures refused' })).toContainText(refusal, {
      timeout: 20_000,
    });
    await expect(latest(page).getByRole('img')).toHaveCount(0);
  }
  expect(dialogs).toEqual([]);
  expect(page.url()).toBe(url);
});

test('one prompt to two text-to-image providers side by side, each with its time, cost and badge', async ({
  page,
  wallet,
  devnet,
}) => {
  const [left, right] = [devnet.provider('image'), devnet.provider('image-b')];
  await wallet.install(page, { account: USER });
  await page.goto(`/image?mode=compare&provider=${left.address}&with=${right.address}`);
  await page.getByRole('button', { name: 'Connect wallet' }).first().click();
  await page.getByRole('dialog', { name: 'Connect a wallet' }).getByRole('button', { name: 'E2E Wallet' }).click();
  await page.getByRole('textbox', { name: 'Prompt' }).fill('A lighthouse in a storm');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  for (const p of [left, right]) {
    const side = results(page).getByRole('article', { name: `Generation with ${p.model}` });
    await expect(badge(side, 'Verified')).toBeVisible({ timeout: 20_000 });
    await expect(side).toContainText(/Cost [\d.]+ 0G · pictures in [\d.]+ s · badge in [\d.]+ s/);
  }
});

test('bad input, a declined signature and provider errors each get a sentence, and the prompt is kept', async ({
  page,
  wallet,
  devnet,
}) => {
  const image = devnet.provider('image');
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().startsWith(`${image.url}/v1/proxy/images/`)) sent.push(r.url());
  });
  await wallet.install(page, { account: USER });
  await openStudio(page, image);
  const prompt = page.getByRole('textbox', { name: 'Prompt' });
  const go = page.getByRole('button', { name: 'Generate', exact: true });

  await go.click();
  await expect(page.getByText('Write a prompt first: what the picture should show.')).toBeVisible();
  await prompt.fill('x'.repeat(4001));
  await go.click();
  await expect(page.getByText('The prompt is 4001 characters; providers take at most 4000.')).toBeVisible();
  expect(sent).toEqual([]);

  wallet.rejectNext('personal_sign');
  await prompt.fill('A quiet harbour');
  await go.click();
  await expect(latest(page).getByRole('status')).toHaveText(
    'You declined the signature the provider needs. Nothing was sent.',
  );
  expect(sent).toEqual([]);

  await devnet.setFaults('image', { http500: true });
  await go.click();
  await expect(latest(page).getByRole('alert')).toContainText('The provider answered with an error (HTTP 500');
  await expect(prompt).toHaveValue('A quiet harbour');
  await devnet.setFaults('image', { http500: false });
  await generate(page, 'A quiet harbour', 'Verified');
});

test('without a sub-account the Fund dialog opens and nothing is sent', async ({ page, wallet, devnet }) => {
  const image = devnet.provider('image');
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().startsWith(`${image.url}/v1/proxy/`)) sent.push(r.url());
  });
  await wallet.install(page, { account: 25 });
  await page.goto(`/image?provider=${image.address}`);
  await page.getByRole('button', { name: 'Connect wallet' }).first().click();
  await page.getByRole('dialog', { name: 'Connect a wallet' }).getByRole('button', { name: 'E2E Wallet' }).click();
  await expect(page.getByLabel('Sub-account')).toContainText('No sub-account with this provider yet');
  await page.getByRole('textbox', { name: 'Prompt' }).fill('Am I funded?');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect(page.getByRole('dialog', { name: /Fund|ledger/i })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: /no sub-account|ledger/i })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Prompt' })).toHaveValue('Am I funded?');
  expect(signatures(wallet.requests)).toBe(0);
  expect(sent).toEqual([]);
});
