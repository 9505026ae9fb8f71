import type { Locator, Page } from '@playwright/test';
import {
  createPublicClient,
  decodeFunctionData,
  getAddress,
  http,
  parseEther,
  toHex,
  type Address,
  type Hex,
} from 'viem';
import { inferenceAbi, ledgerAbi } from '../src/lib/chain/abi';
import { ask, expectFunded } from './chat-helpers';
import { cardName } from './expected';
import { expect, test } from './fixtures';
import type { TestWallet } from './test-wallet';

// The page's storage in page.evaluate callbacks (the node-side tsconfig has no DOM lib; see page-provider.ts).
declare const localStorage: { getItem(key: string): string | null };

// The way in for a new user: each card's primary action, and the marketplace's Get started checklist
// from a fresh wallet to a first verified answer, with the Fund dialog creating the ledger in place.
// Accounts 13 (the whole walk), 14 (a rejected second transaction) and 15 (ledger only, dismissal).

/** The primary action a person should see per service type, worked out here rather than with the app's table. */
const VERB: Record<string, string> = {
  chatbot: 'Chat',
  'text-to-image': 'Generate',
  'image-editing': 'Edit',
  'speech-to-text': 'Transcribe',
};
const STUDIO: Record<string, (a: string) => string> = {
  chatbot: (a) => `/chat?provider=${a}`,
  'text-to-image': (a) => `/image?provider=${a}`,
  'image-editing': (a) => `/image?provider=${a}&mode=edit`,
  'speech-to-text': (a) => `/speech?provider=${a}`,
};
// Each studio opens with the provider chosen in its picker.
const STUDIO_HEADING: Record<string, string> = {
  chatbot: 'Chat',
  'text-to-image': 'Image',
  'image-editing': 'Image',
  'speech-to-text': 'Speech',
};

const checklist = (page: Page) => page.getByRole('region', { name: 'Get started' });
const step = (page: Page, name: string) => checklist(page).getByRole('listitem', { name, exact: true });
const LEDGER = 'A ledger with at least 3 0G';
const FUNDED = 'A provider funded';
const VERIFIED = 'A first verified answer';

/** The transactions the wallet was asked to send, decoded: function, arguments and value, exactly as asked. */
function sentTxs(wallet: TestWallet) {
  return wallet.requests
    .filter((r) => r.method === 'eth_sendTransaction')
    .map((r) => {
      const [tx] = r.params as [{ data: Hex; value?: Hex }];
      const call = decodeFunctionData({ abi: ledgerAbi, data: tx.data });
      return { functionName: call.functionName, args: call.args as readonly unknown[], value: tx.value };
    });
}

/** Makes the wallet refuse its `n`th transaction of this test only (counted from now), whenever it comes. */
function rejectNthTransaction(wallet: TestWallet, n: number) {
  let seen = 0;
  const push = wallet.requests.push.bind(wallet.requests);
  // The wallet records a request before it decides, so arming the rejection here catches exactly that one.
  wallet.requests.push = (...items) => {
    for (const r of items)
      if (r.method === 'eth_sendTransaction' && ++seen === n) wallet.rejectNext('eth_sendTransaction');
    return push(...items);
  };
}

async function fill(scope: Locator, fields: Record<string, string>) {
  for (const [label, value] of Object.entries(fields)) await scope.getByRole('textbox', { name: label }).fill(value);
}

test("each card's primary action opens its page with that provider selected", async ({ page, devnet }) => {
  for (const p of devnet.manifest.providers) {
    const address = getAddress(p.address);
    await page.goto('/');
    const card = page.getByRole('list', { name: 'Providers' }).getByRole('article', { name: cardName(p), exact: true });
    const action = card.getByRole('link', { name: `${VERB[p.serviceType]} with ${cardName(p)}`, exact: true });
    // The primary action comes first; Details and Build follow it.
    await expect(card.getByRole('link').first()).toHaveAccessibleName(`${VERB[p.serviceType]} with ${cardName(p)}`);
    await action.click();
    await expect(page).toHaveURL(STUDIO[p.serviceType]?.(address) ?? '?');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(STUDIO_HEADING[p.serviceType] ?? '?');
    await expect(page.getByRole('combobox', { name: 'Provider' })).toHaveValue(address);
  }

  // The provider page has the same primary action.
  const edit = devnet.provider('image-edit');
  await page.goto(`/providers/${edit.address}`);
  await page.getByRole('link', { name: `Edit with ${edit.model}`, exact: true }).click();
  await expect(page).toHaveURL(`/image?provider=${getAddress(edit.address)}&mode=edit`);
  await expect(page.getByRole('combobox', { name: 'Provider' })).toHaveValue(getAddress(edit.address));
  await expect(page.getByRole('button', { name: 'Edit a picture', pressed: true })).toBeVisible();
});

test('a studio link that names no provider of its kind says so plainly', async ({ page, devnet }) => {
  const linkNote = page.getByRole('status').filter({ hasText: 'The link names' });
  const nobody = '0x000000000000000000000000000000000000dEaD';
  await page.goto(`/image?provider=${nobody}`);
  await expect(linkNote).toContainText(
    `The link names provider ${nobody}, which offers no text-to-image service on 0G Local Devnet`,
  );
  // A chat provider on the speech and fine-tuning pages: named, and the page says it offers no such service.
  const chatA = devnet.provider('chat-a');
  await page.goto(`/speech?provider=${chatA.address}`);
  await expect(linkNote).toContainText(
    `The link names provider ${chatA.address}, which offers no speech-to-text service on 0G Local Devnet`,
  );
  await page.goto(`/fine-tuning?provider=${chatA.address}`);
  await expect(linkNote).toContainText(
    `The link names provider ${chatA.address}, which offers no fine-tuning service on 0G Local Devnet`,
  );
  // Hostile text in the link stays text.
  await page.goto('/fine-tuning?provider=<b>x</b>');
  await expect(linkNote).toContainText('The link names provider <b>x</b>, which offers no fine-tuning service');
  // The fine-tuning provider itself: no note.
  await page.goto(`/fine-tuning?provider=${devnet.manifest.fineTuning.address}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fine-tuning');
  await expect(linkNote).toHaveCount(0);
});

test('Get started walks a fresh wallet to a first verified answer, then is gone', async ({ page, wallet, devnet }) => {
  test.setTimeout(120_000);
  const chatA = devnet.provider('chat-a');
  await wallet.install(page, { account: 13 });
  await page.goto('/');
  await expect(checklist(page)).toContainText('0 of 4 done');
  await expect(checklist(page).getByRole('listitem')).toHaveCount(4);
  for (const name of ['Wallet connected', LEDGER, FUNDED, VERIFIED])
    await expect(step(page, `${name}: not done`)).toBeVisible();

  // 1. Connect.
  await step(page, 'Wallet connected: not done').getByRole('button', { name: 'Connect a wallet' }).click();
  await page.getByRole('dialog', { name: 'Connect a wallet' }).getByRole('button', { name: 'E2E Wallet' }).click();
  await expect(step(page, 'Wallet connected: done')).toContainText(wallet.address.slice(0, 6));
  await expect(step(page, `${LEDGER}: not done`).getByRole('button', { name: 'Create ledger' })).toBeVisible();
  await expect(step(page, `${VERIFIED}: not done`).getByRole('link')).toHaveCount(0);

  // 2 and 3 in one go: the Fund dialog makes the ledger in place, then funds the provider.
  await step(page, `${FUNDED}: not done`).getByRole('button', { name: 'Fund a provider' }).click();
  const dialog = page.getByRole('dialog', { name: 'Fund a provider' });
  await expect(dialog).toContainText('You have no ledger on 0G Local Devnet yet');
  await expect(dialog).toContainText('at least 3 0G (the contract minimum)');
  // It opens on the suggested chat provider; the user may pick another.
  const picker = dialog.getByRole('combobox', { name: 'Provider' });
  await expect(picker).toHaveValue(/^inference:0x/);
  await picker.selectOption({ value: `inference:${getAddress(chatA.address)}` });

  // Refused before the wallet opens: under 3 0G by one neuron, then a transfer above the deposit.
  const submit = dialog.getByRole('button', { name: /^Create ledger/ });
  await fill(dialog, { 'Deposit into the new ledger': '2.999999999999999999', 'Transfer to this provider': '1' });
  await submit.click();
  await expect(dialog).toContainText('A new ledger needs at least 3 0G');
  await fill(dialog, { 'Deposit into the new ledger': '4', 'Transfer to this provider': '4.5' });
  await expect(dialog).toContainText('That is more than the 4 0G');
  expect(sentTxs(wallet)).toHaveLength(0);

  await fill(dialog, { 'Deposit into the new ledger': '4.000000000000000001', 'Transfer to this provider': '1.5' });
  await expect(submit).toHaveText('Create ledger with 4 0G and fund this provider with 1.5 0G');
  await submit.click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  // Two transactions, with exactly the amounts typed.
  const txs = sentTxs(wallet);
  expect(txs.map((t) => t.functionName)).toEqual(['addLedger', 'transferFund']);
  expect(txs[0]?.value).toBe(toHex(parseEther('4') + 1n));
  expect(txs[1]?.args[0]).toBe(getAddress(chatA.address));
  expect(txs[1]?.args[2]).toBe(parseEther('1.5'));

  // The chat remembers the provider just funded (it opens with it when a link names none).
  const remembered = await page.evaluate(
    (key) => JSON.parse(localStorage.getItem(key) ?? 'null') as unknown,
    `og-marketplace:activity:${devnet.manifest.chainId}:${wallet.address.toLowerCase()}`,
  );
  expect(remembered).toMatchObject({ last: { chatbot: { provider: getAddress(chatA.address), how: 'funded' } } });
  await expect(step(page, `${LEDGER}: done`)).toContainText('Your ledger holds 4 0G');
  await expect(step(page, `${FUNDED}: done`)).toContainText(`${chatA.model} has 1.5 0G it can charge`);
  await expect(checklist(page)).toContainText('3 of 4 done');

  // 4. The first question goes to the provider just funded.
  const first = step(page, `${VERIFIED}: not done`).getByRole('link', { name: 'Ask your first question' });
  await expect(first).toHaveAttribute('href', `/chat?provider=${getAddress(chatA.address)}`);
  await first.click();
  await expect(page.getByRole('combobox', { name: 'Provider' })).toHaveValue(getAddress(chatA.address));
  await expectFunded(page);
  await ask(page, 'What is the 0G Compute Network?');

  // Nothing was funded automatically along the way.
  expect(sentTxs(wallet)).toHaveLength(2);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Marketplace' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Providers on 0G Local Devnet');
  await expect(page.getByRole('list', { name: 'Providers' }).getByRole('article').first()).toBeVisible();
  await expect(checklist(page)).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('list', { name: 'Providers' }).getByRole('article').first()).toBeVisible();
  await expect(checklist(page)).toHaveCount(0);
});

test('a rejection of the second transaction leaves the ledger made and says so', async ({ page, wallet, devnet }) => {
  test.setTimeout(90_000);
  const chatB = devnet.provider('chat-b');
  await wallet.install(page, { account: 14, connected: true });
  await page.goto('/');
  await step(page, `${FUNDED}: not done`).getByRole('button', { name: 'Fund a provider' }).click();
  const dialog = page.getByRole('dialog', { name: 'Fund a provider' });
  await dialog
    .getByRole('combobox', { name: 'Provider' })
    .selectOption({ value: `inference:${getAddress(chatB.address)}` });
  await fill(dialog, { 'Deposit into the new ledger': '3', 'Transfer to this provider': '1' });
  rejectNthTransaction(wallet, 2);
  await dialog.getByRole('button', { name: 'Create ledger with 3 0G and fund this provider with 1 0G' }).click();

  await expect(dialog).toContainText(
    `Your ledger was created with 3 0G. The transfer of 1 0G to ${chatB.model} was not made, so nothing moved to the provider: the 3 0G stays in your ledger.`,
    { timeout: 20_000 },
  );
  // A choice, not an error.
  await expect(page.getByText('Cancelled in wallet')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'not sent' })).toHaveCount(0);
  expect(sentTxs(wallet).map((t) => t.functionName)).toEqual(['addLedger', 'transferFund']);

  // The chain agrees: a ledger of 3 0G, no sub-account with chat-b.
  const rpc = createPublicClient({ transport: http(devnet.manifest.rpcUrl) });
  const contracts = devnet.manifest.contracts as { ledger: Address; inference: Address };
  const ledger = await rpc.readContract({
    address: contracts.ledger,
    abi: ledgerAbi,
    functionName: 'getLedger',
    args: [wallet.address],
  });
  expect(ledger.totalBalance).toBe(parseEther('3'));
  const sub = rpc.readContract({
    address: contracts.inference,
    abi: inferenceAbi,
    functionName: 'getAccount',
    args: [wallet.address, getAddress(chatB.address)],
  });
  await expect(sub).rejects.toThrow();
  await expect(step(page, `${LEDGER}: done`)).toBeVisible();
  await expect(step(page, `${FUNDED}: not done`)).toBeVisible();

  // The dialog now offers the transfer alone, from the ledger just made.
  await expect(dialog).toContainText('Ledger available: 3 0G');
  await dialog.getByRole('textbox', { name: 'Amount' }).fill('1');
  await dialog.getByRole('button', { name: 'Transfer', exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  await expect(step(page, `${FUNDED}: done`)).toContainText(`${chatB.model} has 1 0G it can charge`);
  expect(sentTxs(wallet).at(-1)?.args[2]).toBe(parseEther('1'));
});

test('"Create ledger" makes only the ledger; a dismissed checklist stays dismissed for that wallet', async ({
  page,
  wallet,
}) => {
  await wallet.install(page, { account: 15, connected: true });
  await page.goto('/');
  await step(page, `${LEDGER}: not done`).getByRole('button', { name: 'Create ledger' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create your ledger' });
  await expect(dialog).toContainText('at least 3 0G (the contract minimum)');
  await dialog.getByRole('textbox', { name: 'Amount' }).fill('2.999999999999999999');
  await dialog.getByRole('button', { name: 'Create ledger', exact: true }).click();
  await expect(dialog).toContainText('A new ledger needs at least 3 0G');
  expect(sentTxs(wallet)).toHaveLength(0);

  await dialog.getByRole('textbox', { name: 'Amount' }).fill('3');
  await dialog.getByRole('button', { name: 'Create ledger', exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  expect(sentTxs(wallet).map((t) => [t.functionName, t.value])).toEqual([['addLedger', toHex(parseEther('3'))]]);
  await expect(step(page, `${LEDGER}: done`)).toContainText('Your ledger holds 3 0G');
  await expect(step(page, `${FUNDED}: not done`)).toBeVisible();

  await checklist(page).getByRole('button', { name: 'Dismiss the Get started checklist' }).click();
  await expect(checklist(page)).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('list', { name: 'Providers' }).getByRole('article').first()).toBeVisible();
  await expect(checklist(page)).toHaveCount(0);
  expect(sentTxs(wallet)).toHaveLength(1);
});
