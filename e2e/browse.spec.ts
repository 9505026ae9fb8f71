import { getAddress } from 'viem';
import { cardName, priceTexts, shortAddress, TYPE_TEXT } from './expected';
import { expect, test } from './fixtures';

// The page's window in page.evaluate callbacks (the node-side tsconfig has no DOM lib; see page-provider.ts).
declare const window: Record<string, unknown>;

// Browsing needs no wallet. The E2E Wallet (account 5, never connected) is installed only where a test
// checks that the app asks it for nothing.

test('the marketplace lists every devnet provider with its model, type, prices and mode', async ({
  page,
  wallet,
  devnet,
}) => {
  await wallet.install(page, { account: 5 });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Providers on 0G Local Devnet');
  const providers = devnet.manifest.providers;
  expect(providers).toHaveLength(9);
  const list = page.getByRole('list', { name: 'Providers' });
  await expect(list.getByRole('article')).toHaveCount(providers.length);
  await expect(page.getByText(`${providers.length} of ${providers.length} services`)).toBeVisible();

  for (const p of providers) {
    const card = list.getByRole('article', { name: cardName(p), exact: true });
    await expect(card.getByRole('heading')).toHaveText(p.model);
    await expect(card.getByText(TYPE_TEXT[p.serviceType] ?? '?', { exact: true })).toBeVisible();
    await expect(card.getByText(shortAddress(getAddress(p.address)), { exact: true })).toBeVisible();
    await expect(card.getByRole('term')).toHaveText(['Input', 'Output']);
    await expect(card.getByRole('definition')).toHaveText(priceTexts(p));
    // Every devnet provider declares its mode exactly, so the badge names it.
    await expect(card.getByText(p.verifiability, { exact: true })).toBeVisible();
    await expect(card.getByText(/^Updated /)).toBeVisible();
    await expect(card.getByRole('link', { name: `Details of ${cardName(p)}` })).toHaveAttribute(
      'href',
      `/providers/${getAddress(p.address)}`,
    );
    await expect(card.getByRole('link', { name: `Build with ${cardName(p)}` })).toHaveAttribute(
      'href',
      `/build/${getAddress(p.address)}`,
    );
    await expect(card.getByRole('checkbox', { name: `Compare ${cardName(p)}` })).not.toBeChecked();
  }

  // A visitor is not asked to connect: the wallet is there, the app leaves it alone.
  await expect(page.getByRole('button', { name: 'Connect wallet' })).toBeVisible();
  expect(wallet.requests).toEqual([]);
});

test('the header links navigate inside the app, without reloading it', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('list', { name: 'Providers' }).getByRole('article').first()).toBeVisible();
  await page.evaluate(() => {
    window.e2eSamePage = true;
  });
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link')).toHaveText([
    'Marketplace',
    'Chat',
    'Image',
    'Speech',
    'Fine-tuning',
    'Verify',
    'Account',
  ]);
  const stops = [
    ['Chat', '/chat', 'Chat'],
    ['Image', '/image', 'Image'],
    ['Speech', '/speech', 'Speech'],
    ['Fine-tuning', '/fine-tuning', 'Fine-tuning'],
    ['Verify', '/verify', 'Verify a proof'],
    ['Account', '/account', 'Account'],
    ['Marketplace', '/', 'Providers on 0G Local Devnet'],
  ] as const;
  for (const [link, path, heading] of stops) {
    await nav.getByRole('link', { name: link, exact: true }).click();
    await expect(page).toHaveURL(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(nav.getByRole('link', { name: link, exact: true })).toHaveAttribute('aria-current', 'page');
  }
  expect(await page.evaluate(() => window.e2eSamePage)).toBe(true);
});

test('an unknown page, a provider without a service and a malformed address are "Not found"', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not found');
  await expect(page.getByText('There is no such page here.')).toBeVisible();

  // A well-formed address that registered nothing: the contract is asked and says no.
  const nobody = '0x000000000000000000000000000000000000dEaD';
  await page.goto(`/providers/${nobody}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not found');
  await expect(page.getByText(`There is no such provider ${nobody} on 0G Local Devnet here.`)).toBeVisible();

  await page.goto('/providers/not-an-address');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not found');
  await expect(page.getByText('There is no such provider here.')).toBeVisible();
  await page.getByRole('link', { name: 'Back to the marketplace' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Providers on 0G Local Devnet');
});

test('on a phone the main navigation is a bottom bar with short labels', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  // The app has taken over the static shell (whose links load pages the plain way, and which it replaces).
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Providers on 0G Local Devnet');
  // Only one "Main" navigation is shown at this width: the header one is hidden.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav).toHaveCount(1);
  const box = await nav.boundingBox();
  expect(box && box.y + box.height).toBeCloseTo(844, 0);
  // Short labels to fit, and each link is named by the label it shows.
  const names = ['Market', 'Chat', 'Image', 'Speech', 'Tuning', 'Verify', 'Account'];
  await expect(nav.getByRole('link')).toContainText(names);
  for (const [i, name] of names.entries()) await expect(nav.getByRole('link').nth(i)).toHaveAccessibleName(name);
  await page.evaluate(() => {
    window.e2eSamePage = true;
  });
  await nav.getByRole('link', { name: 'Tuning' }).click();
  await expect(page).toHaveURL('/fine-tuning');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fine-tuning');
  await nav.getByRole('link', { name: 'Market' }).click();
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Providers on 0G Local Devnet');
  expect(await page.evaluate(() => window.e2eSamePage)).toBe(true);
});

test('the theme toggle switches to dark and back, and remembers the choice', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const html = page.locator('html');
  await expect(html).not.toHaveClass(/\bdark\b/);
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(html).toHaveClass(/\bdark\b/);
  await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();

  await page.reload();
  await expect(html).toHaveClass(/\bdark\b/);
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await expect(html).not.toHaveClass(/\bdark\b/);
  await page.reload();
  await expect(html).not.toHaveClass(/\bdark\b/);
  await expect(page.getByRole('button', { name: 'Switch to dark theme' })).toBeVisible();
});
