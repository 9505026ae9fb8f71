import type { Locator, Page } from '@playwright/test';
import { getAddress } from 'viem';
import type { ManifestProvider } from '../devnet/manifest';
import { cardName, chatCost } from './expected';
import { expect, test } from './fixtures';

// Filters, sorting, the model view and compare: all without a wallet, and all kept in the URL.

const cards = (page: Page) => page.getByRole('main').getByRole('article');
/** The elements' accessible names, in order. */
async function expectNames(locator: Locator, names: readonly string[]) {
  await expect(locator).toHaveCount(names.length);
  for (const [i, name] of names.entries()) await expect(locator.nth(i)).toHaveAccessibleName(name);
}
const byName = (a: ManifestProvider, b: ManifestProvider) =>
  a.model.localeCompare(b.model) || getAddress(a.address).localeCompare(getAddress(b.address));

test('search finds providers by model and by address; type and mode narrow the list', async ({ page, devnet }) => {
  const all = devnet.manifest.providers;
  await page.goto('/');
  await expect(cards(page)).toHaveCount(all.length);
  const search = page.getByRole('searchbox', { name: 'Search' });

  // Case-insensitive, anywhere in the model name.
  await search.fill('QWEN');
  const qwen = all.filter((p) => p.model.includes('qwen')).sort(byName);
  expect(qwen.length).toBe(2);
  await expectNames(cards(page), qwen.map(cardName));
  await expect(page.getByText(`${qwen.length} of ${all.length} services`)).toBeVisible();
  await expect(page).toHaveURL('/?q=QWEN');

  // Part of an address, in lower case although the chain gives it checksummed.
  const chatB = devnet.provider('chat-b');
  const fragment = chatB.address.slice(8, 20).toLowerCase();
  await search.fill(fragment);
  await expectNames(cards(page), [cardName(chatB)]);

  await search.fill('no such model');
  await expect(cards(page)).toHaveCount(0);
  await expect(page.getByText('No provider matches these filters.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(cards(page)).toHaveCount(all.length);
  await expect(search).toHaveValue('');
  await expect(page).toHaveURL('/');

  const type = page.getByRole('combobox', { name: 'Service type' });
  await type.selectOption({ label: 'Text to image' });
  const pictures = all.filter((p) => p.serviceType === 'text-to-image').sort(byName);
  expect(pictures.length).toBe(2);
  await expectNames(cards(page), pictures.map(cardName));
  await type.selectOption({ label: 'Chat' });
  const chat = all.filter((p) => p.serviceType === 'chatbot').sort(byName);
  await expectNames(cards(page), chat.map(cardName));
  await expect(page).toHaveURL('/?type=chatbot');

  await type.selectOption({ label: 'All types' });
  await page.getByRole('combobox', { name: 'Verification' }).selectOption({ label: 'TeeTLS' });
  await expectNames(cards(page), [cardName(devnet.provider('chat-tls'))]);
  await expect(cards(page).first()).toContainText('openai/gpt-4o-mini');
  await expect(page).toHaveURL('/?mode=TeeTLS');
  await page.getByRole('combobox', { name: 'Verification' }).selectOption({ label: 'No TEE' });
  await expect(page.getByText('No provider matches these filters.')).toBeVisible();
});

test('sorting by price orders chat providers by what a typical request costs', async ({ page, devnet }) => {
  const chat = devnet.manifest.providers.filter((p) => p.serviceType === 'chatbot');
  const cheapFirst = [...chat].sort((a, b) => (chatCost(a) < chatCost(b) ? -1 : chatCost(a) > chatCost(b) ? 1 : 0));
  // The price order differs from the default (model name) order, or this test would prove nothing.
  expect(cheapFirst.map((p) => p.name)).not.toEqual([...chat].sort(byName).map((p) => p.name));

  await page.goto('/');
  await page.getByRole('combobox', { name: 'Service type' }).selectOption({ label: 'Chat' });
  await page.getByRole('combobox', { name: 'Sort' }).selectOption({ label: 'Price: low to high' });
  await expectNames(cards(page), cheapFirst.map(cardName));
  await expect(page).toHaveURL('/?type=chatbot&sort=price-asc');
  await page.getByRole('combobox', { name: 'Sort' }).selectOption({ label: 'Price: high to low' });
  await expectNames(cards(page), [...cheapFirst].reverse().map(cardName));
});

test('"By model" groups providers under their model; the URL restores every filter', async ({ page, devnet }) => {
  const chat = devnet.manifest.providers.filter((p) => p.serviceType === 'chatbot');
  await page.goto('/');
  const view = page.getByRole('group', { name: 'View' });
  await expect(view.getByRole('button', { name: 'By provider' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('combobox', { name: 'Service type' }).selectOption({ label: 'Chat' });
  await view.getByRole('button', { name: 'By model' }).click();
  await expect(view.getByRole('button', { name: 'By model' })).toHaveAttribute('aria-pressed', 'true');
  await expect(view.getByRole('button', { name: 'By provider' })).toHaveAttribute('aria-pressed', 'false');

  const groups = page.getByRole('region', { name: /^Model / });
  const models = chat.map((p) => p.model).sort((a, b) => a.localeCompare(b));
  await expectNames(
    groups,
    models.map((m) => `Model ${m}`),
  );
  for (const p of chat) {
    const group = page.getByRole('region', { name: `Model ${p.model}`, exact: true });
    await expect(group.getByRole('heading')).toHaveText(`${p.model} 1 provider`);
    await expectNames(group.getByRole('article'), [cardName(p)]);
  }

  await page.getByRole('searchbox', { name: 'Search' }).fill('llama');
  await page.getByRole('combobox', { name: 'Verification' }).selectOption({ label: 'TeeML' });
  await page.getByRole('combobox', { name: 'Sort' }).selectOption({ label: 'Recently updated' });
  const url = '/?q=llama&type=chatbot&mode=TeeML&sort=updated&view=models';
  await expect(page).toHaveURL(url);
  const shown = chat.filter((p) => p.model.includes('llama') && p.verifiability === 'TeeML');
  expect(shown.length).toBe(2);
  await expect(page.getByRole('article')).toHaveCount(shown.length);

  // A reload, and the same link opened in a fresh page, show the same view.
  const check = async (p: Page) => {
    await expect(p.getByRole('searchbox', { name: 'Search' })).toHaveValue('llama');
    await expect(p.getByRole('combobox', { name: 'Service type' })).toHaveValue('chatbot');
    await expect(p.getByRole('combobox', { name: 'Verification' })).toHaveValue('TeeML');
    await expect(p.getByRole('combobox', { name: 'Sort' })).toHaveValue('updated');
    await expect(p.getByRole('button', { name: 'By model' })).toHaveAttribute('aria-pressed', 'true');
    await expect(p.getByRole('article')).toHaveCount(shown.length);
    await expect(p.getByRole('region', { name: /^Model / })).toHaveCount(shown.length);
  };
  await page.reload();
  await check(page);
  const fresh = await page.context().newPage();
  await fresh.goto(url);
  await check(fresh);
});

test('compare puts providers of one type side by side and checks an attestation there', async ({ page, devnet }) => {
  const chatA = devnet.provider('chat-a');
  const chatTls = devnet.provider('chat-tls');
  const image = devnet.provider('image');
  // Clicked and then awaited, not check(): the box follows the URL, which the router updates a moment later.
  const tick = async (p: ManifestProvider, on = true) => {
    const box = page.getByRole('checkbox', { name: `Compare ${cardName(p)}` });
    await box.click();
    await expect(box).toBeChecked({ checked: on });
  };
  await page.goto('/');
  await tick(chatA);
  const panel = page.getByRole('region', { name: /^Compare providers/ });
  await expect(panel.getByRole('heading')).toHaveText('Compare providers (1)');
  await expect(panel).toContainText('Pick at least two providers to compare.');

  await tick(chatTls);
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Compare providers (2)');
  const compare = [chatA, chatTls].map((p) => p.address.toLowerCase()).join(',');
  await expect(page).toHaveURL(`/?compare=${compare.replace(',', '%2C')}`);
  const table = panel.getByRole('table');
  await expect(table.getByRole('columnheader')).toContainText(['Field', chatA.model, chatTls.model]);
  await expect(table.getByRole('row', { name: /^Type/ }).getByRole('cell')).toHaveText(['Chat', 'Chat']);
  await expect(table.getByRole('row', { name: /^Input price/ }).getByRole('cell')).toHaveText([
    '0.05 0G per 1M tokens',
    '0.15 0G per 1M tokens',
  ]);
  await expect(table.getByRole('row', { name: /^Output price/ }).getByRole('cell')).toHaveText([
    '0.1 0G per 1M tokens',
    '0.6 0G per 1M tokens',
  ]);
  await expect(table.getByRole('row', { name: /^Verification/ }).getByRole('cell')).toHaveText(['TeeML', 'TeeTLS']);

  // The comparison is part of the link: a reload keeps it.
  await page.reload();
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Compare providers (2)');
  await expect(page.getByRole('checkbox', { name: `Compare ${cardName(chatA)}` })).toBeChecked();

  // The attestation check runs the SDK in the browser against chat-a's quote (first column).
  const attestation = table.getByRole('row', { name: /^Attestation/ }).getByRole('cell');
  await attestation.first().getByRole('button', { name: 'Check attestation' }).click();
  await expect(attestation.first()).toHaveText('Attestation passed', { timeout: 20_000 });
  await expect(attestation.nth(1).getByRole('button', { name: 'Check attestation' })).toBeVisible();

  await tick(image);
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Compare providers (3)');
  await expect(panel).toContainText('Compare providers of the same service type.');
  await expect(panel.getByRole('table')).toHaveCount(0);
  await tick(image, false);
  await expect(panel.getByRole('table')).toBeVisible();
  // The outcome is remembered for this visit.
  await expect(attestation.first()).toHaveText('Attestation passed');

  await panel.getByRole('button', { name: 'Clear comparison' }).click();
  await expect(panel).toHaveCount(0);
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('checkbox', { name: /^Compare / }).first()).not.toBeChecked();
});
