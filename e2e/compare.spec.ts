import type { Page } from '@playwright/test';
import type { ManifestProvider } from '../devnet/manifest';
import { badge, countChatRequests, fundAccount, signatures } from './chat-helpers';
import { expect, test } from './fixtures';

// Compare links and the provider chat opens with. Account 16 has a sub-account with chat-a and
// chat-tls; account 17 only with chat-b (the devnet's first chat model alphabetically is tamper's).

const BOTH = 16;
const ONE = 17;

test.beforeAll(async ({ manifest }) => {
  const named = (name: string) => manifest.providers.find((p) => p.name === name)!;
  await fundAccount(manifest, BOTH, [named('chat-a'), named('chat-tls')]);
  await fundAccount(manifest, ONE, [named('chat-b')]);
});

async function connect(page: Page) {
  await page.getByRole('button', { name: 'Connect wallet' }).first().click();
  await page.getByRole('dialog', { name: 'Connect a wallet' }).getByRole('button', { name: 'E2E Wallet' }).click();
}

const compareLink = (a: ManifestProvider, b: ManifestProvider) =>
  `/chat?view=compare&provider=${a.address}&with=${b.address}`;

test('a compare link opens exactly its two providers and answers both with badges', async ({
  page,
  wallet,
  devnet,
}) => {
  const [a, tls] = [devnet.provider('chat-a'), devnet.provider('chat-tls')];
  await wallet.install(page, { account: BOTH });
  const signedTextFetches: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/v1/proxy/signature/')) signedTextFetches.push(`${r.method()} ${r.url()}`);
  });
  await page.goto(compareLink(a, tls));
  await connect(page);
  const compare = page.getByRole('region', { name: 'Compare two providers' });
  await expect(compare.getByRole('combobox', { name: 'Left provider' })).toHaveValue(a.address);
  await expect(compare.getByRole('combobox', { name: 'Right provider' })).toHaveValue(tls.address);
  // Each side shows its own funding before anything is sent.
  await expect(compare.getByLabel('Sub-account')).toHaveCount(2);
  for (const side of await compare.getByLabel('Sub-account').all())
    await expect(side).toContainText(/Sub-account [\d.]+ 0G/, { timeout: 15_000 });

  await compare.getByRole('textbox', { name: 'Prompt' }).fill('Say something true.');
  await compare.getByRole('button', { name: 'Compare', exact: true }).click();
  const left = compare.getByRole('article', { name: `Answer from ${a.model} (left)` });
  const right = compare.getByRole('article', { name: `Answer from ${tls.model} (right)` });
  await expect(badge(left, 'Verified')).toBeVisible({ timeout: 15_000 });
  await expect(badge(right, 'Verified')).toBeVisible({ timeout: 15_000 });
  for (const side of [left, right]) {
    await expect(side).toContainText('Say something true.');
    await expect(side).toContainText(/Cost [\d.]+ 0G/);
  }
  // Each answer's signed text is fetched once (the SDK's processResponse used to fetch it again).
  expect(signedTextFetches.filter((f) => f.includes(a.url))).toHaveLength(1);
  expect(signedTextFetches.filter((f) => f.includes(tls.url))).toHaveLength(1);
  // Picking another side keeps the link shareable.
  await compare.getByRole('combobox', { name: 'Right provider' }).selectOption(devnet.provider('tamper').address);
  await expect(page).toHaveURL(new RegExp(`with=${devnet.provider('tamper').address}`));
});

test('with one side unfunded, Compare sends no request at all and names that side', async ({
  page,
  wallet,
  devnet,
}) => {
  const [funded, unfunded] = [devnet.provider('chat-b'), devnet.provider('chat-a')];
  await wallet.install(page, { account: ONE });
  const sent = [countChatRequests(page, funded), countChatRequests(page, unfunded)];
  await page.goto(compareLink(funded, unfunded));
  await connect(page);
  const compare = page.getByRole('region', { name: 'Compare two providers' });
  await expect(compare.getByLabel('Sub-account').first()).toContainText(/Sub-account [\d.]+ 0G/, {
    timeout: 15_000,
  });
  await expect(compare.getByText('No sub-account with this provider yet')).toBeVisible();
  await compare.getByRole('textbox', { name: 'Prompt' }).fill('Which one answers?');
  await compare.getByRole('button', { name: 'Compare', exact: true }).click();

  const alert = compare.getByRole('alert');
  await expect(alert).toContainText('Nothing was sent: both sides must be able to pay before either is asked.');
  await expect(alert).toContainText(
    `The right side (${unfunded.model}): You have no sub-account with ${unfunded.model} yet.`,
  );
  await expect(alert).not.toContainText('The left side');
  await expect(alert.getByRole('button', { name: `Fund ${unfunded.model}` })).toBeVisible();
  // Neither provider was asked, and the wallet was not asked to sign a token for either.
  expect(sent.map((n) => n())).toEqual([0, 0]);
  expect(signatures(wallet.requests)).toBe(0);
});

test('Chat from the navigation opens the provider the user has money with', async ({ page, wallet, devnet }) => {
  await wallet.install(page, { account: ONE });
  await page.goto('/');
  await connect(page);
  await page.getByRole('navigation').first().getByRole('link', { name: 'Chat' }).click();
  await expect(page).toHaveURL(/\/chat$/);
  const picker = page.getByRole('combobox', { name: 'Provider' });
  await expect(picker).toHaveValue(devnet.provider('chat-b').address, { timeout: 15_000 });
  await expect(page.getByLabel('Sub-account')).toContainText(/Sub-account [\d.]+ 0G/);
});
