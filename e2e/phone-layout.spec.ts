import type { Locator, Page } from '@playwright/test';
import { answers, ask, badge, composer, fundAccount, openFundedChat, questions } from './chat-helpers';
import { expect, test } from './fixtures';

// A 390 px phone: chat, compare, the Build tabs and the Account history fit the screen, the chat box
// stays in sight, and the small text actions are at least 24 px. Account 20 chats with chat-a; account
// 21 compares chat-a and chat-tls. Both get their ledger and sub-accounts on chain in beforeAll.

const CHAT = 20;
const COMPARE = 21;
const PHONE = { width: 390, height: 844 };

// The page's window in page.evaluate callbacks (the node-side tsconfig has no DOM lib; see page-provider.ts).
declare const window: {
  innerWidth: number;
  innerHeight: number;
  scrollTo(x: number, y: number): void;
  scrollY: number;
};
declare const document: { documentElement: { scrollWidth: number; scrollHeight: number } };

test.beforeAll(async ({ manifest }) => {
  const named = (name: string) => manifest.providers.find((p) => p.name === name)!;
  await fundAccount(manifest, CHAT, [named('chat-a')]);
  await fundAccount(manifest, COMPARE, [named('chat-a'), named('chat-tls')]);
});

test.beforeEach(async ({ page }) => {
  await page.setViewportSize(PHONE);
});

/** The page is no wider than the screen: nothing to scroll sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `the page is ${scrollWidth} px wide on a ${innerWidth} px screen`).toBeLessThanOrEqual(
    innerWidth,
  );
}

/** The element lies wholly inside the screen's width and above `bottom`. */
async function expectOnScreen(el: Locator, bottom: number) {
  const box = (await el.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(bottom);
}

async function expectTapTarget(el: Locator) {
  const box = (await el.boundingBox())!;
  expect(box.width, 'tap target width').toBeGreaterThanOrEqual(24);
  expect(box.height, 'tap target height').toBeGreaterThanOrEqual(24);
}

test('chat on a phone: the list folds away, the box stays on screen above the nav bar, nothing is too wide', async ({
  page,
  wallet,
  devnet,
}) => {
  test.setTimeout(90_000);
  await openFundedChat(page, wallet, devnet.provider('chat-a'), CHAT);
  const list = page.getByRole('complementary', { name: 'Conversations' });
  for (const text of ['First question', 'Second question', 'Third question', 'Fourth question']) await ask(page, text);
  await expect(answers(page)).toHaveCount(4);

  // Long enough to scroll, so the box being on screen says something.
  const { scrollHeight, innerHeight } = await page.evaluate(() => ({
    scrollHeight: document.documentElement.scrollHeight,
    innerHeight: window.innerHeight,
  }));
  expect(scrollHeight).toBeGreaterThan(innerHeight * 1.5);
  await expectNoSidewaysScroll(page);

  // At the top of the page, without scrolling to it, the message box is on screen and above the nav bar.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  const nav = page.getByRole('navigation', { name: 'Main' });
  const navTop = (await nav.boundingBox())!.y;
  await expectOnScreen(composer(page), navTop);
  await expectOnScreen(page.getByRole('button', { name: 'Send', exact: true }), navTop);
  // Halfway down too.
  await page.evaluate(() => window.scrollTo(0, 400));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(400);
  await expectOnScreen(composer(page), navTop);

  // The conversation list is folded behind a button until asked for, then folds again on a choice.
  const toggle = page.getByRole('button', { name: /^Conversations/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(list).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(list.getByRole('button', { name: 'New chat' })).toBeVisible();
  await list.getByRole('button', { name: /^First question/ }).click();
  await expect(list).toBeHidden();
  await expect(badge(answers(page).first(), 'Verified')).toBeVisible();

  // Copy and Edit are at least 24 x 24 px.
  await expectTapTarget(answers(page).last().getByRole('button', { name: 'Copy message' }));
  await expectTapTarget(questions(page).last().getByRole('button', { name: 'Edit' }));
  await expectTapTarget(answers(page).last().getByRole('button', { name: 'Regenerate' }));
  await expectNoSidewaysScroll(page);
});

test('compare on a phone: the sides stack and the page is no wider than the screen', async ({
  page,
  wallet,
  devnet,
}) => {
  const [a, tls] = [devnet.provider('chat-a'), devnet.provider('chat-tls')];
  await wallet.install(page, { account: COMPARE, connected: true });
  await page.goto(`/chat?view=compare&provider=${a.address}&with=${tls.address}`);
  const compare = page.getByRole('region', { name: 'Compare two providers' });
  await expect(compare.getByRole('combobox', { name: 'Right provider' })).toHaveValue(tls.address);
  for (const side of await compare.getByLabel('Sub-account').all())
    await expect(side).toContainText(/Sub-account [\d.]+ 0G/, { timeout: 15_000 });
  await expectNoSidewaysScroll(page);

  await compare.getByRole('textbox', { name: 'Prompt' }).fill('Say something true, at some length please.');
  await compare.getByRole('button', { name: 'Compare', exact: true }).click();
  const left = compare.getByRole('article', { name: `Answer from ${a.model} (left)` });
  const right = compare.getByRole('article', { name: `Answer from ${tls.model} (right)` });
  await expect(badge(left, 'Verified')).toBeVisible({ timeout: 15_000 });
  await expect(badge(right, 'Verified')).toBeVisible({ timeout: 15_000 });
  // Stacked: the right answer sits under the left one, each as wide as the column.
  const [l, r] = [(await left.boundingBox())!, (await right.boundingBox())!];
  expect(r.y).toBeGreaterThanOrEqual(l.y + l.height);
  expect(r.x + r.width).toBeLessThanOrEqual(PHONE.width);
  await expectNoSidewaysScroll(page);

  // A side's Fund dialog is a form of its own, outside the compare form: a refused amount stays in the
  // dialog, and nothing submits (or reloads) the page.
  let navigations = 0;
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) navigations++;
  });
  await compare.getByRole('group', { name: 'Sub-account' }).first().getByRole('button', { name: 'Fund' }).click();
  const dialog = page.getByRole('dialog', { name: 'Fund a provider' });
  await dialog.getByRole('textbox', { name: 'Amount' }).fill('abc');
  await dialog.getByRole('button', { name: 'Transfer' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Amount' })).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('textbox', { name: 'Amount' })).toHaveAccessibleDescription(/^Enter a number/);
  await expect(left).toContainText('Say something true');
  expect(navigations).toBe(0);
});

test('Build on a phone: every code tab is on screen, and the arrows still move between them', async ({
  page,
  devnet,
}) => {
  await page.goto(`/build/${devnet.provider('chat-a').address}`);
  const tabs = page.getByRole('tablist', { name: 'Code' }).getByRole('tab');
  await expect(tabs).toHaveCount(5);
  // Within the screen's width (the strip wraps); the page above them may push them below the fold.
  for (const tab of await tabs.all()) {
    await tab.scrollIntoViewIfNeeded();
    await expectOnScreen(tab, PHONE.height);
  }
  await expectNoSidewaysScroll(page);
  await tabs.first().focus();
  await page.keyboard.press('End');
  await expect(tabs.last()).toBeFocused();
  await expect(tabs.last()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(tabs.first()).toBeFocused();
});

test('Account on a phone: each transaction is a stacked row with all its fields on screen', async ({
  page,
  wallet,
}) => {
  await wallet.install(page, { account: CHAT, connected: true });
  await page.goto('/account');
  const history = page.getByRole('table', { name: 'Transaction history' });
  // beforeAll made a ledger and a transfer: at least two rows besides the header.
  await expect(history.getByRole('row').nth(2)).toBeVisible({ timeout: 20_000 });
  await expect(history.getByRole('columnheader')).toHaveText([
    'Type',
    'Amount',
    'Provider',
    'Time',
    'Status',
    'Transaction',
  ]);
  const row = history.getByRole('row').nth(1);
  await expect(row.getByRole('cell')).toHaveCount(6);
  // The last column, the transaction and its Copy button, is on screen, not cut off.
  const copy = row.getByRole('button', { name: 'Copy transaction hash' });
  await copy.scrollIntoViewIfNeeded();
  const box = (await copy.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  await expectTapTarget(copy);
  await expectNoSidewaysScroll(page);
});
