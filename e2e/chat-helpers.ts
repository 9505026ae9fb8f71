import type { TestWallet } from './test-wallet';
import { expect, type Locator, type Page } from '@playwright/test';
import {
  createPublicClient,
  createWalletClient,
  defineChain,
  getAddress,
  http,
  keccak256,
  parseEther,
  toBytes,
  type Address,
  type Hash,
  type Hex,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type { Manifest, ManifestProvider } from '../devnet/manifest';
import { inferenceAbi, ledgerAbi } from '../src/lib/chain/abi';
import { getServiceNames } from '../src/lib/chain/ledger-reads';
import type { ContractAddresses } from '../src/lib/chain/networks';
import type { DevnetControl } from './devnet-control';

// Chain setup and page helpers for chat.spec.ts. Chain writes go straight to the contracts with the
// account's key (the account page itself is account.spec.ts's); the chat runs through the UI.

export function clients(manifest: Manifest, index: number) {
  const key = manifest.accounts[index]?.privateKey;
  if (!key) throw new Error(`The devnet has no account ${index}`);
  const account = privateKeyToAccount(key as Hex);
  const chain = defineChain({
    id: manifest.chainId,
    name: 'devnet',
    nativeCurrency: { name: '0G', symbol: '0G', decimals: 18 },
    rpcUrls: { default: { http: [manifest.rpcUrl] } },
  });
  const rpc = createPublicClient({ chain, transport: http(manifest.rpcUrl) });
  const wallet = createWalletClient({ account, chain, transport: http(manifest.rpcUrl, { retryCount: 0 }) });
  const mined = async (hash: Hash) => expect((await rpc.waitForTransactionReceipt({ hash })).status).toBe('success');
  return { account, rpc, wallet, mined };
}

/**
 * Gives account `index` a ledger and a 1 0G sub-account with each provider, skipping what exists:
 * Playwright re-runs beforeAll in a new worker after a failure, on the same chain.
 */
export async function fundAccount(manifest: Manifest, index: number, providers: ManifestProvider[], ledgerOg = '10') {
  const { account, rpc, wallet, mined } = clients(manifest, index);
  const contracts = manifest.contracts as ContractAddresses;
  const { ledger, inference } = contracts;
  const hasLedger = await rpc
    .readContract({ address: ledger, abi: ledgerAbi, functionName: 'getLedger', args: [account.address] })
    .then(
      () => true,
      () => false,
    );
  if (!hasLedger)
    await mined(
      await wallet.writeContract({
        address: ledger,
        abi: ledgerAbi,
        functionName: 'addLedger',
        args: [''],
        value: parseEther(ledgerOg),
      }),
    );
  const names = await getServiceNames(rpc, contracts);
  for (const p of providers) {
    const provider = getAddress(p.address);
    const exists = await rpc
      .readContract({
        address: inference,
        abi: inferenceAbi,
        functionName: 'getAccount',
        args: [account.address, provider],
      })
      .then(
        () => true,
        () => false,
      );
    if (exists) continue;
    await mined(
      await wallet.writeContract({
        address: ledger,
        abi: ledgerAbi,
        functionName: 'transferFund',
        args: [provider, names.inference, parseEther('1')],
      }),
    );
  }
}

/**
 * Asks for account `index`'s whole sub-account with a provider back (the ledger's retrieveFund), from
 * outside the page: its balance turns into a pending refund, so the provider refuses requests.
 */
export async function refundAll(manifest: Manifest, index: number, provider: ManifestProvider) {
  const { rpc, wallet, mined } = clients(manifest, index);
  const contracts = manifest.contracts as ContractAddresses;
  const names = await getServiceNames(rpc, contracts);
  await mined(
    await wallet.writeContract({
      address: contracts.ledger,
      abi: ledgerAbi,
      functionName: 'retrieveFund',
      args: [[getAddress(provider.address)], names.inference],
    }),
  );
}

/** Revokes every access token of account `index` with a provider, as the account page's "Revoke" does. */
export async function revokeAllTokens(manifest: Manifest, index: number, provider: ManifestProvider) {
  const { wallet, mined } = clients(manifest, index);
  await mined(
    await wallet.writeContract({
      address: manifest.contracts.inference as Address,
      abi: inferenceAbi,
      functionName: 'revokeAllTokens',
      args: [getAddress(provider.address)],
    }),
  );
}

/**
 * Uses up account `index`'s request bucket with a provider (a burst of 5, then one per 2 s) from outside
 * the browser, with a token signed the way the SDK signs one, so the app's next request meets the limit.
 */
export async function drainRateLimit(devnet: DevnetControl, index: number, provider: ManifestProvider) {
  const { account, rpc } = clients(devnet.manifest, index);
  // The fixture's reset after the test also refills the buckets.
  devnet.faultsSet = true;
  const sub = await rpc.readContract({
    address: devnet.manifest.contracts.inference as Address,
    abi: inferenceAbi,
    functionName: 'getAccount',
    args: [account.address, getAddress(provider.address)],
  });
  const now = Date.now();
  const token = JSON.stringify({
    address: account.address,
    provider: provider.address,
    timestamp: now,
    expiresAt: now + 3_600_000,
    nonce: `${now}-chat-spec`,
    generation: Number(sub.generation),
    tokenId: 255,
  });
  const signature = await account.signMessage({ message: { raw: keccak256(toBytes(token)) } });
  const authorization = `Bearer app-sk-${Buffer.from(`${token}|${signature}`).toString('base64')}`;
  const body = JSON.stringify({ model: provider.model, messages: [{ role: 'user', content: 'drain' }], max_tokens: 1 });
  const statuses: number[] = [];
  for (let i = 0; i < 6 && !statuses.includes(429); i++) {
    const res = await fetch(`${provider.url}/v1/proxy/chat/completions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: authorization },
      body,
    });
    statuses.push(res.status);
    await res.arrayBuffer();
  }
  expect(statuses.at(-1), `the bucket should be empty after ${statuses.join(', ')}`).toBe(429);
}

/** Opens the chat with a provider and connects the E2E Wallet (installed by the caller). */
export async function openChat(page: Page, provider: ManifestProvider) {
  await page.goto(`/chat?provider=${provider.address}`);
  await page.getByRole('button', { name: 'Connect wallet' }).first().click();
  await page.getByRole('dialog', { name: 'Connect a wallet' }).getByRole('button', { name: 'E2E Wallet' }).click();
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();
}

/** Installs the wallet as `account`, opens the chat with `provider` and waits for its funded sub-account. */
export async function openFundedChat(page: Page, wallet: TestWallet, provider: ManifestProvider, account: number) {
  await wallet.install(page, { account });
  await openChat(page, provider);
  await expectFunded(page);
}

/** Waits until the header shows a funded sub-account with the selected provider (sending then never races it). */
export const expectFunded = (page: Page) =>
  expect(page.getByLabel('Sub-account')).toContainText(/Sub-account [\d.]+ 0G/, { timeout: 15_000 });

/** Picks a provider in the header's picker, by its model. */
export async function pickProvider(page: Page, provider: ManifestProvider) {
  const picker = page.getByRole('combobox', { name: 'Provider' });
  const value = await picker.locator('option', { hasText: provider.model }).getAttribute('value');
  await picker.selectOption(value ?? provider.address);
  await expectFunded(page);
}

export const messages = (page: Page) => page.getByRole('list', { name: 'Messages' });
export const questions = (page: Page) => messages(page).getByRole('listitem', { name: 'Your message' });
export const answers = (page: Page) => messages(page).getByRole('listitem', { name: /^Answer from / });
export const composer = (page: Page) => page.getByRole('textbox', { name: 'Message' });

/** Types a message and presses Send. */
export async function send(page: Page, text: string) {
  await composer(page).fill(text);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
}

/** The TEE badge of an answer: a button whose whole text is the verdict. */
export const badge = (answer: Locator, text: string) => answer.getByRole('button', { name: text, exact: true });

// An imported result carries a suffix saying it was not checked in this browser.
const VERDICTS =
  /^(Verifying|Verified|Content mismatch|Verification failed|Not verifiable|Verification unavailable)( \(imported, not checked here\))?$/;

/** An answer's badge, whatever it says. */
export const anyBadge = (answer: Locator) => answer.getByRole('button', { name: VERDICTS });

/** Waits until an answer's badge has its verdict (it exists and no longer says "Verifying"). */
export async function settled(answer: Locator) {
  await expect(anyBadge(answer)).toBeVisible({ timeout: 15_000 });
  await expect(anyBadge(answer)).not.toHaveText('Verifying', { timeout: 15_000 });
}

/** Every badge text a person reads under the answers, in order. */
export const badgeTexts = (page: Page) => anyBadge(answers(page)).allInnerTexts();

/** Sends and waits for the answer's badge. */
export async function ask(page: Page, text: string, verdict = 'Verified') {
  const before = await answers(page).count();
  await send(page, text);
  const answer = answers(page).nth(before);
  await expect(badge(answer, verdict)).toBeVisible({ timeout: 15_000 });
  return answer;
}

/**
 * Slows one provider's chat responses in this page to `bytesPerSecond`, like a slow connection
 * (Chromium's own throttling, by URL; the rest of the page stays fast). Returns the undo.
 */
export async function slowStream(page: Page, provider: ManifestProvider, bytesPerSecond: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditionsByRule', {
    matchedNetworkConditions: [
      {
        urlPattern: `${provider.url}/v1/proxy/chat/completions`,
        latency: 0,
        downloadThroughput: bytesPerSecond,
        uploadThroughput: -1,
      },
    ],
  });
  return async () => {
    await cdp.send('Network.emulateNetworkConditionsByRule', { matchedNetworkConditions: [] }).catch(() => {});
    await cdp.detach().catch(() => {});
  };
}

/** Counts the chat requests the page sends to a provider. */
export function countChatRequests(page: Page, provider: ManifestProvider): () => number {
  let n = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url() === `${provider.url}/v1/proxy/chat/completions`) n++;
  });
  return () => n;
}

export const signatures = (requests: { method: string }[]) =>
  requests.filter((r) => r.method === 'personal_sign').length;
