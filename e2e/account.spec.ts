import type { Locator, Page } from '@playwright/test';
import {
  createPublicClient,
  createTestClient,
  http,
  parseEther,
  publicActions,
  toHex,
  type Address,
  type Hash,
} from 'viem';
import { expect, test } from './fixtures';

// The account page with the E2E Wallet against the real contracts: ledger, transfers, retrieval
// across the lock time, refunds, rejection, history. Accounts 6 and 7 are this file's. The one
// chain-time jump of the e2e run happens here.

test.describe.configure({ mode: 'serial' });

async function openAccount(page: Page) {
  await page.goto('/account');
  await page.getByRole('button', { name: 'Connect wallet' }).first().click();
  await page.getByRole('dialog', { name: 'Connect a wallet' }).getByRole('button', { name: 'E2E Wallet' }).click();
  await expect(page.getByRole('heading', { name: 'Ledger', exact: true })).toBeVisible();
}

const panel = (page: Page, title: string) => page.getByRole('region', { name: title });
const figure = (scope: Locator, label: string) => scope.locator(`dt:text-is("${label}") + dd`);
const sent = (requests: { method: string }[]) => requests.filter((r) => r.method === 'eth_sendTransaction').length;

async function submitAmount(scope: Locator, amount: string, button: string) {
  await scope.getByRole('textbox', { name: 'Amount' }).fill(amount);
  await scope.getByRole('button', { name: button, exact: true }).click();
}

test('ledger, transfers, retrieval across the lock time, refund, rejection and history', async ({
  page,
  wallet,
  devnet,
}) => {
  test.setTimeout(120_000);
  await wallet.install(page, { account: 6 });
  await openAccount(page);
  const ledger = panel(page, 'Ledger');
  const deposit = ledger.getByRole('region', { name: 'Deposit from your wallet' });
  const withdraw = ledger.getByRole('region', { name: 'Withdraw to your wallet' });
  const toasts = page.getByRole('status').filter({ hasText: /./ }).last();

  // A first deposit below 3 0G is refused before the wallet opens.
  await submitAmount(ledger, '2.5', 'Create ledger');
  await expect(ledger).toContainText('A new ledger needs at least 3 0G');
  expect(sent(wallet.requests)).toBe(0);

  // Create the ledger; the wallet is asked for exactly the amount typed.
  await submitAmount(ledger, '4.000000000000000001', 'Create ledger');
  await expect(figure(ledger, 'Ledger total')).toHaveText('4 0G', { timeout: 20_000 });
  const create = wallet.requests.find((r) => r.method === 'eth_sendTransaction');
  expect((create?.params as [{ value: string }])[0].value).toBe(toHex(parseEther('4') + 1n));

  // Deposit; a double click sends one transaction.
  const before = sent(wallet.requests);
  await deposit.getByRole('textbox', { name: 'Amount' }).fill('1');
  await deposit.getByRole('button', { name: 'Deposit', exact: true }).dblclick();
  await expect(figure(ledger, 'Ledger total')).toHaveText('5 0G');
  expect(sent(wallet.requests)).toBe(before + 1);

  // Transfers: chat-a gets 1 0G; 0.5 0G into a NEW sub-account for chat-b is refused, 1 0G is accepted.
  const subs = panel(page, 'Provider sub-accounts');
  const fund = async (provider: string, amount: string) => {
    await subs.getByRole('button', { name: 'Fund a provider' }).click();
    const dialog = page.getByRole('dialog', { name: 'Fund a provider' });
    await dialog.getByRole('combobox', { name: 'Provider' }).selectOption({ value: `inference:${provider}` });
    await submitAmount(dialog, amount, 'Transfer');
    return dialog;
  };
  const chatA = devnet.provider('chat-a').address;
  const chatB = devnet.provider('chat-b').address;
  await expect(await fund(chatA, '1')).toBeHidden({ timeout: 20_000 });
  const refused = await fund(chatB, '0.5');
  await expect(refused).toContainText('A new provider sub-account needs at least 1 0G');
  await submitAmount(refused, '1', 'Transfer');
  await expect(refused).toBeHidden({ timeout: 20_000 });
  await expect(figure(ledger, 'Locked in sub-accounts')).toHaveText('2 0G');
  await expect(figure(ledger, 'Available')).toHaveText('3 0G');
  const rowA = subs.getByRole('listitem', { name: `Sub-account ${chatA}` });
  await expect(rowA.getByTestId('sub-balance')).toHaveText('1 0G');
  await expect(rowA).toContainText('TEE signer acknowledged');
  await expect(rowA).toContainText(/about \d+ requests \(a typical request of 500 input \+ 500 output tokens\)/);

  // Retrieve: a pending refund, locked; after the lock time it moves back to the ledger.
  await rowA.getByRole('button', { name: 'Retrieve' }).click();
  await expect(rowA.getByTestId('sub-pending')).toHaveText('1 0G', { timeout: 20_000 });
  await expect(rowA.getByRole('list', { name: 'Pending refunds' })).toContainText(/unlocks in 59 min|unlocks in 1 h/);
  await expect(figure(ledger, 'Available')).toHaveText('3 0G');
  await devnet.increaseTime();
  await subs.getByRole('button', { name: 'Refresh' }).click();
  await expect(rowA.getByRole('list', { name: 'Pending refunds' })).toContainText('unlocked');
  await rowA.getByRole('button', { name: 'Retrieve' }).click();
  await expect(figure(ledger, 'Available')).toHaveText('4 0G', { timeout: 20_000 });
  await expect(rowA.getByTestId('sub-balance')).toHaveText('0 0G');

  // Refund: the 0-or-at-least-3 rule is explained before the wallet; a valid withdrawal lands in the wallet.
  const rpc = createPublicClient({ transport: http(devnet.manifest.rpcUrl) });
  const walletBefore = await rpc.getBalance({ address: wallet.address });
  const beforeRefund = sent(wallet.requests);
  await submitAmount(withdraw, '2', 'Withdraw');
  await expect(ledger).toContainText('the contract allows 0 or at least 3 0G');
  expect(sent(wallet.requests)).toBe(beforeRefund);
  await submitAmount(withdraw, '1', 'Withdraw');
  await expect(figure(ledger, 'Available')).toHaveText('3 0G', { timeout: 20_000 });
  expect(await rpc.getBalance({ address: wallet.address })).toBeGreaterThan(walletBefore + parseEther('0.99'));

  // A rejection in the wallet changes nothing and is not an error.
  wallet.rejectNext('eth_sendTransaction');
  await deposit.getByRole('textbox', { name: 'Amount' }).fill('1');
  await deposit.getByRole('button', { name: 'Deposit', exact: true }).click();
  await expect(page.getByText('Cancelled in wallet')).toBeVisible();
  await expect(figure(ledger, 'Ledger total')).toHaveText('4 0G');
  await expect(toasts).not.toContainText('not sent');

  // History: every transaction above, with hashes the chain knows.
  const history = page.getByRole('table', { name: 'Transaction history' });
  await expect(history.getByRole('row')).toHaveCount(1 + 7, { timeout: 20_000 });
  for (const type of [
    'Create ledger',
    'Deposit',
    'Transfer to provider',
    'Retrieve from providers',
    'Withdraw to wallet',
  ])
    await expect(history).toContainText(type);
  const hashes = await history.locator('[data-hash]').evaluateAll((els) => els.map((e) => e.getAttribute('data-hash')));
  expect(hashes.length).toBeGreaterThanOrEqual(7);
  for (const hash of hashes) expect((await rpc.getTransactionReceipt({ hash: hash as Hash })).status).toBe('success');
});

test('the Fund dialog opens from the marketplace and the provider page', async ({ page, wallet, devnet }) => {
  await wallet.install(page, { account: 7 });
  await page.goto('/');
  const chatA = devnet.provider('chat-a');
  await page.getByRole('button', { name: `Fund ${chatA.model} by ${chatA.address}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Fund a provider' });
  await expect(dialog).toContainText('Connect a wallet first');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.goto(`/providers/${chatA.address}`);
  await page.getByRole('button', { name: 'Connect wallet' }).click();
  await page.getByRole('dialog', { name: 'Connect a wallet' }).getByRole('button', { name: 'E2E Wallet' }).click();
  await page.getByRole('button', { name: 'Fund', exact: true }).click();
  await expect(dialog).toContainText('You have no ledger');
  expect(wallet.requests.map((r) => r.method)).not.toContain('eth_sendTransaction');
  void (wallet.address as Address);
});

test('a fine-tuning sub-account is funded through the ledger, and an emptied ledger closes', async ({
  page,
  wallet,
  devnet,
}) => {
  await wallet.install(page, { account: 8 });
  await openAccount(page);
  const ledger = panel(page, 'Ledger');
  await submitAmount(ledger, '4', 'Create ledger');
  await expect(figure(ledger, 'Ledger total')).toHaveText('4 0G');

  // The SDK cannot fund fine-tuning from a browser; the app calls the ledger contract itself.
  const subs = panel(page, 'Provider sub-accounts');
  await subs.getByRole('button', { name: 'Fund a provider' }).click();
  const dialog = page.getByRole('dialog', { name: 'Fund a provider' });
  await dialog
    .getByRole('combobox', { name: 'Provider' })
    .selectOption({ value: `fine-tuning:${devnet.manifest.fineTuning.address}` });
  await submitAmount(dialog, '1', 'Transfer');
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  const ft = subs.getByRole('region', { name: 'Fine-tuning sub-accounts' });
  await expect(ft.getByRole('listitem', { name: `Sub-account ${devnet.manifest.fineTuning.address}` })).toContainText(
    '1 0G',
  );
  await expect(ledger.getByRole('button', { name: /Withdraw all/ })).toHaveCount(0);
  await expect(ledger).toContainText('To close the ledger, retrieve the 1 0G locked in sub-accounts first.');

  // With nothing locked, "withdraw all and close" empties the ledger, which the contract then deletes.
  await ft.getByRole('button', { name: 'Retrieve all (1)' }).click();
  await expect(ft).toContainText('unlocks in');
  await devnet.increaseTime();
  await subs.getByRole('button', { name: 'Refresh' }).click();
  await expect(ft).toContainText('unlocked');
  await ft.getByRole('button', { name: 'Retrieve', exact: true }).click();
  await expect(figure(ledger, 'Available')).toHaveText('4 0G', { timeout: 20_000 });
  await ledger.getByRole('button', { name: 'Withdraw all (4 0G) and close' }).click();
  await expect(page.getByRole('heading', { name: 'Create your ledger' })).toBeVisible({ timeout: 20_000 });
});

test('no gas left and a wallet on another network each get a plain message, and nothing changes', async ({
  page,
  wallet,
  devnet,
}) => {
  const rpc = createTestClient({ mode: 'hardhat', transport: http(devnet.manifest.rpcUrl) }).extend(publicActions);
  await rpc.setBalance({ address: devnet.manifest.accounts[7]!.address as Address, value: parseEther('5') });
  await wallet.install(page, { account: 7 });
  await openAccount(page);
  const ledger = panel(page, 'Ledger');

  // All of the wallet into the ledger leaves nothing for gas: the wallet refuses, the app explains.
  await submitAmount(ledger, '5', 'Create ledger');
  await expect(page.getByText('The wallet does not have enough 0G for this and its gas.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Create your ledger' })).toBeVisible();
  expect(await rpc.getBalance({ address: wallet.address })).toBe(parseEther('5'));

  // The user moves the wallet to a chain the app does not offer: nothing is sent, the message says why.
  await page.evaluate(async () => {
    const w = globalThis as unknown as EventTarget;
    let provider: { request(a: { method: string; params?: unknown }): Promise<unknown> } | undefined;
    const take = (e: Event) => {
      const d = (e as CustomEvent<{ info: { rdns: string }; provider: typeof provider }>).detail;
      if (d.info.rdns === 'dev.e2e.wallet') provider = d.provider;
    };
    w.addEventListener('eip6963:announceProvider', take);
    w.dispatchEvent(new Event('eip6963:requestProvider'));
    w.removeEventListener('eip6963:announceProvider', take);
    await provider?.request({
      method: 'wallet_addEthereumChain',
      params: [
        {
          chainId: '0x1',
          chainName: 'Elsewhere',
          rpcUrls: ['http://127.0.0.1:9'],
          nativeCurrency: { name: 'E', symbol: 'E', decimals: 18 },
        },
      ],
    });
  });
  await expect(page.getByRole('alert').filter({ hasText: 'Your wallet is on' })).toBeVisible();
  const before = sent(wallet.requests);
  await submitAmount(ledger, '3', 'Create ledger');
  await expect(page.getByText('The wallet is on another network. Switch it and try again.')).toBeVisible();
  expect(sent(wallet.requests)).toBe(before);
});
