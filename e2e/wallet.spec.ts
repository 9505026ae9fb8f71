import type { Page } from '@playwright/test';
import { createTestClient, formatEther, http, parseEther, publicActions, type Address } from 'viem';
import { expect, test } from './fixtures';

// Connecting, the account menu, rejections and networks, through the injected E2E Wallet exactly as
// with MetaMask. Accounts 3 and 4 are this file's; account 0 is the app's own Dev wallet.

const DEVNET = '0G Local Devnet';
const GALILEO = '0G Galileo Testnet';

/** The header's network selector (a select-only combobox: its name carries the network it shows). */
const networkSelect = (page: Page) => page.getByRole('combobox', { name: 'Network' });

/** Picks a network the way a mouse user does: open the list, click the option. */
async function chooseNetwork(page: Page, label: string) {
  await networkSelect(page).click();
  await page.getByRole('listbox', { name: 'Network' }).getByRole('option', { name: label, exact: true }).click();
}

/** Opens the wallet list and connects the named wallet. */
async function connect(page: Page, walletName: string | RegExp) {
  await page.getByRole('button', { name: 'Connect wallet' }).click();
  const dialog = page.getByRole('dialog', { name: 'Connect a wallet' });
  await dialog.getByRole('button', { name: walletName }).click();
  return dialog;
}

test('connects the E2E Wallet and shows the account with its balance on the chain', async ({
  page,
  wallet,
  devnet,
}) => {
  // A balance no other account has, so the menu can only be showing this account's.
  const client = createTestClient({ mode: 'hardhat', transport: http(devnet.manifest.rpcUrl) }).extend(publicActions);
  const address = devnet.manifest.accounts[3]?.address as Address;
  await client.setBalance({ address, value: parseEther('1234.56789') });
  const onChain = await client.getBalance({ address });

  await wallet.install(page, { account: 3 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Connect wallet' }).click();
  const dialog = page.getByRole('dialog', { name: 'Connect a wallet' });
  await expect(dialog.getByRole('button')).toHaveText(['✕', 'E2E Wallet', /^Dev wallet/]);
  await dialog.getByRole('button', { name: 'E2E Wallet' }).click();
  await expect(dialog).toBeHidden();

  const account = page.getByRole('button', { name: `Account ${wallet.address}` });
  // It shows the short address and is named with it first, then the full one (label in name).
  const short = `${wallet.address.slice(0, 6)}…${wallet.address.slice(-4)}`;
  await expect(account).toHaveAccessibleName(`${short} account ${wallet.address}`);
  await expect(account).toContainText(short);
  // Focus moves from the wallet list that went away to the account button.
  await expect(account).toBeFocused();
  expect(wallet.requests.map((r) => r.method)).toEqual(['wallet_requestPermissions']);
  await account.click();
  await expect(account).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('dialog', { name: 'Account' })).toBeFocused();
  await expect(page.getByText(wallet.address, { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy address' })).toBeVisible();
  await expect(page.getByText(`Balance on ${DEVNET}`)).toBeVisible();
  expect(formatEther(onChain)).toBe('1234.56789');
  await expect(page.getByText('1234.5679 0G', { exact: true })).toBeVisible();
  await expect(page.getByText('Wallet network').locator('xpath=following-sibling::dd[1]')).toHaveText(DEVNET);
  await expect(page.getByText('Wallet', { exact: true }).locator('xpath=following-sibling::dd[1]')).toHaveText(
    'E2E Wallet',
  );

  // A click outside closes it.
  await page.getByRole('heading', { level: 1 }).click();
  await expect(page.getByRole('dialog', { name: 'Account' })).toHaveCount(0);
  await expect(account).toHaveAttribute('aria-expanded', 'false');

  await account.click();
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(page.getByRole('button', { name: 'Connect wallet' })).toBeFocused();
  await expect(account).toHaveCount(0);
  // Disconnecting is not remembered as connected: a reload stays disconnected.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Providers on ${DEVNET}`);
  await expect(page.getByRole('button', { name: 'Connect wallet' })).toBeEnabled();
});

test('a rejected connection says so quietly and stays disconnected', async ({ page, wallet }) => {
  await wallet.install(page, { account: 3 });
  wallet.rejectNext('wallet_requestPermissions');
  wallet.rejectNext('eth_requestAccounts');
  await page.goto('/');
  const dialog = await connect(page, 'E2E Wallet');
  const toasts = page.getByRole('status').filter({ hasText: 'Connection dismissed' });
  await expect(toasts).toBeVisible();
  await expect(toasts).not.toContainText('Could not connect');
  expect(wallet.requests.map((r) => r.method)).toContain('wallet_requestPermissions');
  // The wallet list stays open for another try; nothing is connected.
  await expect(dialog.getByRole('button', { name: 'E2E Wallet' })).toBeEnabled();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: 'Connect wallet' })).toBeVisible();
  await expect(page.getByRole('button', { name: /account 0x/i })).toHaveCount(0);
});

test('choosing another network asks the wallet to switch, adding the chain first', async ({ page, wallet }) => {
  await wallet.install(page, { account: 4 });
  await page.goto('/');
  await connect(page, 'E2E Wallet');
  await expect(page.getByRole('button', { name: `Account ${wallet.address}` })).toBeVisible();
  const network = networkSelect(page);
  await expect(network).toHaveAccessibleName('Network Local devnet');
  await network.click();
  const list = page.getByRole('listbox', { name: 'Network' });
  await expect(list.getByRole('option')).toHaveText(['0G Mainnet', 'Galileo Testnet', 'Local devnet']);
  await expect(list.getByRole('option', { selected: true })).toHaveText('Local devnet');
  await network.click();
  await expect(list).toBeHidden();

  await chooseNetwork(page, 'Galileo Testnet');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Providers on ${GALILEO}`);
  const prompts = wallet.requests.filter(
    (r) => r.method.startsWith('wallet_') && r.method !== 'wallet_requestPermissions',
  );
  expect(prompts.map((r) => r.method)).toEqual(['wallet_switchEthereumChain', 'wallet_addEthereumChain']);
  expect(prompts[0]?.params).toEqual([{ chainId: '0x40da' }]);
  expect(prompts[1]?.params).toEqual([
    expect.objectContaining({
      chainId: '0x40da',
      chainName: GALILEO,
      nativeCurrency: { name: '0G', symbol: '0G', decimals: 18 },
      rpcUrls: ['https://evmrpc-testnet.0g.ai'],
      blockExplorerUrls: ['https://chainscan-galileo.0g.ai'],
    }),
  ]);
  expect(wallet.chainId).toBe(16602);
  await expect(network).toHaveText('Galileo Testnet');
  // No internet here: the testnet's RPC is unreachable, which is an error to retry, not an empty list.
  const error = page.getByRole('alert').filter({ hasText: `Could not load providers from ${GALILEO}` });
  await expect(error).toBeVisible({ timeout: 20_000 });
  await expect(error.getByRole('button', { name: 'Retry' })).toBeVisible();
  await expect(page.getByText(/No provider has registered/)).toHaveCount(0);
  // The wallet is on the shown network, so there is no wrong-network banner.
  await expect(page.getByRole('alert').filter({ hasText: 'Your wallet is on' })).toHaveCount(0);

  await chooseNetwork(page, 'Local devnet');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Providers on ${DEVNET}`);
  expect(wallet.requests.at(-1)).toEqual({ method: 'wallet_switchEthereumChain', params: [{ chainId: '0x7a69' }] });
  expect(wallet.chainId).toBe(31337);
  await expect(page.getByRole('main').getByRole('article').first()).toBeVisible();
});

test('a rejected network switch keeps the network and says so', async ({ page, wallet }) => {
  await wallet.install(page, { account: 4 });
  await page.goto('/');
  await connect(page, 'E2E Wallet');
  await expect(page.getByRole('button', { name: `Account ${wallet.address}` })).toBeVisible();
  wallet.rejectNext('wallet_switchEthereumChain');
  const network = networkSelect(page);
  await chooseNetwork(page, '0G Mainnet');
  await expect(page.getByRole('status').filter({ hasText: 'Network switch dismissed' })).toContainText(
    `Still on ${DEVNET}.`,
  );
  expect(wallet.requests.at(-1)).toEqual({ method: 'wallet_switchEthereumChain', params: [{ chainId: '0x4115' }] });
  await expect(network).toHaveText('Local devnet');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Providers on ${DEVNET}`);
  expect(wallet.chainId).toBe(31337);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('without a wallet the selector only changes the shown network, and remembers it', async ({ page, wallet }) => {
  await wallet.install(page, { account: 4 });
  await page.goto('/');
  await chooseNetwork(page, 'Galileo Testnet');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Providers on ${GALILEO}`);
  await page.reload();
  await expect(networkSelect(page)).toHaveText('Galileo Testnet');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Providers on ${GALILEO}`);
  await chooseNetwork(page, 'Local devnet');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Providers on ${DEVNET}`);
  await expect(page.getByRole('main').getByRole('article').first()).toBeVisible();
  expect(wallet.requests).toEqual([]);
});

test('a wallet on another chain gets a banner whose button switches it back', async ({ page, wallet }) => {
  await wallet.install(page, { account: 4 });
  await page.goto('/');
  await connect(page, 'E2E Wallet');
  await expect(page.getByRole('button', { name: `Account ${wallet.address}` })).toBeVisible();
  const banner = page.getByRole('alert').filter({ hasText: 'Your wallet is on' });
  await expect(banner).toHaveCount(0);

  // The user picks Ethereum inside the wallet: a chain the app does not offer.
  await wallet.emit('chainChanged', '0x1');
  await expect(banner).toContainText(`Your wallet is on chain 1, but this page shows ${DEVNET}.`);
  // Browsing goes on meanwhile.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Providers on ${DEVNET}`);
  await banner.getByRole('button', { name: `Switch wallet to ${DEVNET}` }).click();
  await expect(banner).toHaveCount(0);
  expect(wallet.requests.at(-1)).toEqual({ method: 'wallet_switchEthereumChain', params: [{ chainId: '0x7a69' }] });
});

test('when the user switches the wallet to a network the app offers, the app follows', async ({ page, wallet }) => {
  await wallet.install(page, { account: 4 });
  await page.goto('/');
  await connect(page, 'E2E Wallet');
  await expect(page.getByRole('button', { name: `Account ${wallet.address}` })).toBeVisible();

  // The user picks Galileo inside the wallet (not in the app).
  await wallet.emit('chainChanged', '0x40da');
  await expect(networkSelect(page)).toHaveText('Galileo Testnet');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Providers on ${GALILEO}`);
  await expect(page.getByRole('alert').filter({ hasText: 'Your wallet is on' })).toHaveCount(0);
});

test('the Dev wallet is offered on the devnet only, and connects its funded account', async ({ page, devnet }) => {
  await page.goto('/');
  const dialog = page.getByRole('dialog', { name: 'Connect a wallet' });
  await page.getByRole('button', { name: 'Connect wallet' }).click();
  await expect(dialog.getByRole('button', { name: /^Dev wallet/ })).toContainText(
    'A funded devnet account, no install needed',
  );
  await dialog.getByRole('button', { name: 'Close' }).click();

  await chooseNetwork(page, '0G Mainnet');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Providers on 0G Mainnet');
  await page.getByRole('button', { name: 'Connect wallet' }).click();
  await expect(dialog).toContainText('No browser wallet was found.');
  await expect(dialog.getByRole('button', { name: /^Dev wallet/ })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close' }).click();

  await chooseNetwork(page, 'Local devnet');
  await connect(page, /^Dev wallet/);
  const devAddress = devnet.manifest.accounts[0]?.address ?? '';
  const account = page.getByRole('button', { name: `Account ${devAddress}` });
  await account.click();
  await expect(page.getByText(devAddress, { exact: true })).toBeVisible();
  await expect(page.getByText('Wallet', { exact: true }).locator('xpath=following-sibling::dd[1]')).toHaveText(
    'Dev wallet',
  );
  await page.keyboard.press('Escape');

  // The Dev wallet cannot follow to another network, so leaving the devnet disconnects it.
  await chooseNetwork(page, 'Galileo Testnet');
  await expect(page.getByRole('status').filter({ hasText: 'Dev wallet disconnected' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Connect wallet' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Providers on ${GALILEO}`);
});
