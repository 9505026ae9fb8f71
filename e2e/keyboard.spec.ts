import type { Locator, Page } from '@playwright/test';
import { answers, badge, composer, expectFunded } from './chat-helpers';
import { expect, test } from './fixtures';
import type { TestWallet } from './test-wallet';

// The main flows with the keyboard only: Tab, Shift+Tab, Enter, Space, Escape, arrows and typed text;
// no clicks, fills or programmatic focus. Account 19 connects and changes networks; account 22
// creates its ledger and funds chat-a in the Fund dialog, then chats and opens the badge detail.

const DEVNET = '0G Local Devnet';
const GALILEO = '0G Galileo Testnet';

/** True when `target` has focus. */
const isFocused = (target: Locator) => target.evaluate((el) => el === el.ownerDocument.activeElement);

/** Presses Tab (Shift+Tab with `back`) until `target` has focus; fails if it is not reached in `max` presses. */
async function tabTo(page: Page, target: Locator, { back = false, max = 60 } = {}) {
  await expect(target).toBeVisible();
  for (let i = 0; i < max && !(await isFocused(target)); i++) await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  await expect(target, `${back ? 'Shift+Tab' : 'Tab'} should reach it within ${max} presses`).toBeFocused({
    timeout: 1,
  });
}

/** Waits until focus is somewhere inside `scope` (a dialog that just opened). */
const expectFocusWithin = (scope: Locator) =>
  expect.poll(() => scope.evaluate((el) => el.contains(el.ownerDocument.activeElement))).toBe(true);

const switchRequests = (wallet: TestWallet) =>
  wallet.requests.filter((r) => r.method === 'wallet_switchEthereumChain' || r.method === 'wallet_addEthereumChain');

/** Connects the E2E Wallet from the header with the keyboard; focus lands on the account button. */
async function connectByKeyboard(page: Page, wallet: TestWallet) {
  await tabTo(page, page.getByRole('banner').getByRole('button', { name: 'Connect wallet' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Connect a wallet' });
  await expectFocusWithin(dialog);
  await tabTo(page, dialog.getByRole('button', { name: 'E2E Wallet' }), { max: 5 });
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  const account = page.getByRole('button', { name: `account ${wallet.address}` });
  await expect(account).toBeFocused();
  return account;
}

test('connect, the account menu and the network selector with the keyboard only', async ({ page, wallet }) => {
  await wallet.install(page, { account: 19 });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Providers on ${DEVNET}`);
  const account = await connectByKeyboard(page, wallet);

  // The account popover takes focus, Tab walks it, and Tab past its last item closes it.
  const menu = page.getByRole('dialog', { name: 'Account' });
  await page.keyboard.press('Enter');
  await expect(menu).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(menu.getByRole('button', { name: 'Copy address' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(menu.getByRole('button', { name: 'Disconnect' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(menu).toHaveCount(0);
  await expect(account).toHaveAttribute('aria-expanded', 'false');
  // Escape closes it and gives focus back to the account button.
  await tabTo(page, account, { back: true, max: 5 });
  await page.keyboard.press('Space');
  await expect(menu).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(account).toBeFocused();

  // Arrows only move the highlight in the network list: nothing switches, the wallet is not asked.
  const network = page.getByRole('combobox', { name: 'Network' });
  const list = page.getByRole('listbox', { name: 'Network' });
  const highlighted = async () => {
    const id = await network.getAttribute('aria-activedescendant');
    return id ? list.locator(`[id="${id}"]`).textContent() : null;
  };
  await tabTo(page, network, { back: true, max: 5 });
  await page.keyboard.press('ArrowDown');
  await expect(list).toBeVisible();
  await expect.poll(highlighted).toBe('Local devnet');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect.poll(highlighted).toBe('0G Mainnet');
  await page.keyboard.press('ArrowDown');
  await expect.poll(highlighted).toBe('Galileo Testnet');
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await expect(network).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Escape');
  await expect(network).toHaveText('Local devnet');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Providers on ${DEVNET}`);
  expect(switchRequests(wallet)).toEqual([]);

  // Enter commits the highlighted network: now the wallet is asked, and the page follows.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect.poll(highlighted).toBe('Galileo Testnet');
  await page.keyboard.press('Enter');
  await expect(list).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Providers on ${GALILEO}`);
  await expect(network).toHaveText('Galileo Testnet');
  expect(switchRequests(wallet).map((r) => r.method)).toEqual([
    'wallet_switchEthereumChain',
    'wallet_addEthereumChain',
  ]);
  expect(wallet.chainId).toBe(16602);
  await expect(network).toBeFocused();

  // End, then Space, commits too.
  await page.keyboard.press('End');
  await expect.poll(highlighted).toBe('Local devnet');
  await page.keyboard.press('Space');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Providers on ${DEVNET}`);
  expect(switchRequests(wallet).at(-1)).toEqual({
    method: 'wallet_switchEthereumChain',
    params: [{ chainId: '0x7a69' }],
  });
  expect(wallet.chainId).toBe(31337);
});

test('create a ledger and fund a provider in the Fund dialog, chat and open the badge detail, by keyboard', async ({
  page,
  wallet,
  devnet,
}) => {
  test.setTimeout(120_000);
  const chatA = devnet.provider('chat-a');
  await wallet.install(page, { account: 22 });
  await page.goto(`/chat?provider=${chatA.address}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chat');
  await connectByKeyboard(page, wallet);

  // A fresh account: the Fund dialog creates the ledger and funds chat-a, two transactions.
  const sub = page.getByLabel('Sub-account');
  await expect(sub).toContainText('No sub-account with this provider yet');
  const fund = sub.getByRole('button', { name: 'Fund' });
  await tabTo(page, fund);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Fund a provider' });
  await expect(dialog).toContainText('You have no ledger on 0G Local Devnet yet');
  await expectFocusWithin(dialog);
  await tabTo(page, dialog.getByRole('textbox', { name: 'Deposit into the new ledger' }), { max: 10 });
  await page.keyboard.type('3');
  await tabTo(page, dialog.getByRole('textbox', { name: 'Transfer to this provider' }), { max: 5 });
  await page.keyboard.type('1');
  await expect(dialog.getByRole('button', { name: /^Create ledger/ })).toHaveText(
    'Create ledger with 3 0G and fund this provider with 1 0G',
  );
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  expect(wallet.requests.filter((r) => r.method === 'eth_sendTransaction')).toHaveLength(2);
  // Focus comes back to the button that opened the dialog.
  await expect(fund).toBeFocused();
  await expectFunded(page);

  // Chat: type, Enter sends; the answer is verified.
  await tabTo(page, composer(page));
  await page.keyboard.type('Hello from the keyboard');
  await page.keyboard.press('Enter');
  const answer = answers(page).first();
  const verified = badge(answer, 'Verified');
  await expect(verified).toBeVisible({ timeout: 20_000 });

  // The badge detail opens with Enter and closes with Escape, focus back on the badge.
  await tabTo(page, verified, { back: true });
  await page.keyboard.press('Enter');
  const detail = page.getByRole('dialog', { name: 'Verification: Verified' });
  await expect(detail).toBeVisible();
  await expectFocusWithin(detail);
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  await expect(verified).toBeFocused();
});
