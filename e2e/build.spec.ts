import { execFileSync } from 'node:child_process';
import type { Locator, Page } from '@playwright/test';
import { createPublicClient, createWalletClient, getAddress, http, publicActions, type Address, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { hardhat } from 'viem/chains';
import type { Manifest, ManifestProvider } from '../devnet/manifest';
import { inferenceAbi } from '../src/lib/chain/abi';
import { devnet as devnetNetwork } from '../src/lib/chain/networks';
import { getService } from '../src/lib/chain/services';
import { buildSnippets, sdkProject, snippetTarget, type SnippetTarget } from '../src/lib/snippets';
import { fundAccount } from './chat-helpers';
import { cardName, TYPE_TEXT } from './expected';
import { expect, test } from './fixtures';
import { APP_URL } from './paths';

// The Build page against the devnet. Account 10 walks the checklist from no ledger to a funded
// sub-account with chat-a (the ledger made on chain, the transfer through the page's Fund dialog).
// Account 11 registers a service of its own (an http URL, then a type with no code) and removes it
// again afterwards. The snippets the page should show are built from the chain's own record of each
// service; endpoint, model and address are also checked against the manifest on their own.

const USER = 10;
const OWN_PROVIDER = 11;
const TYPES = ['chat-a', 'image', 'image-edit', 'speech'];
const LABELS = ['TypeScript (0G SDK)', 'JavaScript (OpenAI)', 'Python (OpenAI)', 'cURL', '0G CLI'];

/** What the page should show for a provider: the service as the chain has it, on the app's devnet network. */
async function targetFor(manifest: Manifest, provider: string): Promise<SnippetTarget> {
  const contracts = manifest.contracts as { ledger: Address; inference: Address; fineTuning: Address };
  const rpc = createPublicClient({ chain: hardhat, transport: http(manifest.rpcUrl) });
  const service = await getService(rpc, contracts.inference, getAddress(provider));
  if (!service) throw new Error(`${provider} has no service on the devnet`);
  const target = snippetTarget(service, devnetNetwork(manifest.rpcUrl, contracts));
  if (!target) throw new Error(`${provider} has no snippets`);
  return target;
}

const tabs = (page: Page) => page.getByRole('tablist', { name: 'Code' }).getByRole('tab');
const panel = (page: Page) => page.getByRole('tabpanel');
const shownCode = (scope: Locator, label: string) => scope.getByRole('region', { name: `${label} code` });
const clipboard = (page: Page) =>
  page.evaluate(() =>
    (
      globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
    ).navigator.clipboard.readText(),
  );
const checklist = (page: Page) => page.getByRole('list', { name: 'Setup' });
const step = (page: Page, name: string) => checklist(page).getByRole('listitem', { name });
const sent = (requests: { method: string }[]) => requests.filter((r) => r.method === 'eth_sendTransaction').length;

for (const name of TYPES) {
  test(`${name}: five snippets with its endpoint, model and address; Copy copies exactly the code`, async ({
    page,
    devnet,
  }) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: APP_URL });
    const p = devnet.provider(name);
    const address = getAddress(p.address);
    const snippets = buildSnippets(await targetFor(devnet.manifest, p.address));
    await page.goto(`/build/${p.address}`);

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Build with ${p.model}`);
    const header = page.getByRole('article').locator('p').first();
    await expect(header).toContainText(TYPE_TEXT[p.serviceType]!);
    await expect(header).toContainText(address);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(tabs(page)).toHaveText(LABELS);

    for (const [i, s] of snippets.entries()) {
      await tabs(page).nth(i).click();
      await expect(tabs(page).nth(i)).toHaveAttribute('aria-selected', 'true');
      await expect(panel(page)).toHaveCount(1);
      const code = shownCode(panel(page), LABELS[i]!);
      const text = (await code.textContent()) ?? '';
      expect(text).toBe(s.code);
      // Independently of the generators: the provider's own endpoint, model and address are in it.
      expect(text).toContain(address);
      if (s.id !== 'cli') {
        expect(text).toContain(`${p.url}/v1/proxy`);
        expect(text).toContain(p.model);
      }
      // Highlighted: the code is split into coloured runs, and the endpoint sits inside a string.
      await expect(code.locator('span').first()).toBeVisible();
      if (s.id !== 'cli') await expect(code.locator('span', { hasText: `${p.url}/v1/proxy` }).first()).toBeVisible();

      await panel(page)
        .getByRole('button', { name: `Copy the ${LABELS[i]} code` })
        .click();
      await expect(panel(page).getByRole('button', { name: 'Copied' })).toHaveText('Copied');
      expect(await clipboard(page)).toBe(s.code);
    }
  });
}

test('the tabs follow the arrow keys, Home and End, and the chosen one stays in the URL', async ({ page, devnet }) => {
  await page.goto(`/build/${devnet.provider('chat-a').address}`);
  await tabs(page).first().focus();
  const selected = async (label: string) => {
    const tab = page.getByRole('tab', { name: label });
    await expect(tab).toBeFocused();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel', { name: label })).toBeVisible();
    await expect(page.getByRole('tabpanel')).toHaveCount(1);
  };
  await page.keyboard.press('ArrowRight');
  await selected('JavaScript (OpenAI)');
  await page.keyboard.press('End');
  await selected('0G CLI');
  await page.keyboard.press('ArrowRight');
  await selected('TypeScript (0G SDK)');
  await page.keyboard.press('ArrowLeft');
  await selected('0G CLI');
  await expect(page).toHaveURL(/[?&]code=cli\b/);
  await page.keyboard.press('Home');
  await selected('TypeScript (0G SDK)');
  // Only the selected tab is in the tab order.
  await expect(page.getByRole('tab', { selected: false })).toHaveCount(4);
  for (const tab of await page.getByRole('tab', { selected: false }).all())
    await expect(tab).toHaveAttribute('tabindex', '-1');

  await page.getByRole('tab', { name: 'cURL' }).click();
  await page.reload();
  await expect(page.getByRole('tab', { name: 'cURL' })).toHaveAttribute('aria-selected', 'true');
});

// Names and contents of every file in a zip, read by Python's zipfile after it checked every CRC.
const READ_ZIP = `
import json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    print(json.dumps({"bad": z.testzip(), "files": {n: z.read(n).decode("utf-8") for n in z.namelist()}}))
`;

test('"Download project" saves a zip with package.json and the SDK code in a folder', async ({ page, devnet }) => {
  const p = devnet.provider('image');
  const target = await targetFor(devnet.manifest, p.address);
  const project = sdkProject(target);
  await page.goto(`/build/${p.address}`);
  // Only the SDK tab has a project.
  await page.getByRole('tab', { name: 'cURL' }).click();
  await expect(page.getByRole('button', { name: 'Download project' })).toHaveCount(0);
  await page.getByRole('tab', { name: 'TypeScript (0G SDK)' }).click();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download project' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${project.name}.zip`);
  expect(project.name).toMatch(/^0g-[a-z0-9-]+$/);
  const zip = JSON.parse(execFileSync('python3', ['-c', READ_ZIP, await download.path()], { encoding: 'utf8' })) as {
    bad: string | null;
    files: Record<string, string>;
  };
  expect(zip.bad).toBeNull();
  expect(Object.keys(zip.files)).toEqual([`${project.name}/package.json`, `${project.name}/index.ts`]);
  const sdk = buildSnippets(target).find((s) => s.id === 'sdk')!;
  expect(zip.files[`${project.name}/index.ts`]).toBe(sdk.code);
  expect(zip.files[`${project.name}/index.ts`]).toContain(getAddress(p.address));
  const pkg = JSON.parse(zip.files[`${project.name}/package.json`]!) as {
    name: string;
    scripts: Record<string, string>;
    dependencies: Record<string, string>;
  };
  expect(pkg.name).toBe(project.name);
  expect(pkg.scripts.start).toBe('tsx index.ts');
  expect(Object.keys(pkg.dependencies)).toContain('@0glabs/0g-serving-broker');
  expect(zip.files[`${project.name}/package.json`]).toBe(project.files[0]?.text);
});

test('without a wallet no step is done, and the wallet step offers to connect', async ({ page, devnet }) => {
  await page.goto(`/build/${devnet.provider('chat-a').address}`);
  await expect(checklist(page).getByRole('listitem')).toHaveCount(4);
  await expect(step(page, 'Wallet connected: not done')).toBeVisible();
  await expect(step(page, 'Wallet connected: not done').getByRole('button', { name: 'Connect wallet' })).toBeVisible();
  await expect(step(page, 'Ledger created: not done')).toBeVisible();
  await expect(step(page, 'Sub-account with this provider funded: not done')).toBeVisible();
  const secret = step(page, 'The app-sk secret: not yet');
  await expect(secret).toContainText('0g-compute-cli inference get-secret');
  await expect(secret).toContainText('revoke-all-tokens');
  await expect(secret).toContainText('24 h');
});

test('the checklist follows the wallet: connected, then a ledger made elsewhere, then funded in the page', async ({
  page,
  wallet,
  devnet,
}) => {
  test.setTimeout(90_000);
  const chatA = devnet.provider('chat-a');
  await wallet.install(page, { account: USER });
  await page.goto(`/build/${chatA.address}`);
  await step(page, 'Wallet connected: not done').getByRole('button', { name: 'Connect wallet' }).click();
  await page.getByRole('dialog', { name: 'Connect a wallet' }).getByRole('button', { name: 'E2E Wallet' }).click();

  // Connected, with no ledger yet: the next steps say what to do and where.
  await expect(step(page, 'Wallet connected: done')).toContainText(wallet.address.slice(0, 6));
  const ledger = step(page, 'Ledger created: not done');
  await expect(ledger).toContainText('at least 3 0G');
  await expect(ledger.getByRole('link', { name: 'Account page' })).toHaveAttribute('href', '/account');
  await expect(step(page, 'Sub-account with this provider funded: not done')).toBeVisible();
  await expect(step(page, 'The app-sk secret: not yet')).toBeVisible();

  // A ledger made outside the page (as in another tab or with the CLI) shows up without a reload.
  await fundAccount(devnet.manifest, USER, [], '3');
  await expect(step(page, 'Ledger created: done')).toContainText('3 0G available', { timeout: 15_000 });
  const sub = step(page, 'Sub-account with this provider funded: not done');
  await expect(sub).toContainText('no sub-account with this provider yet');
  // Nothing is funded automatically: no transaction was asked of the wallet.
  expect(sent(wallet.requests)).toBe(0);

  // The Fund dialog opens on this provider; the transfer turns the step done.
  await sub.getByRole('button', { name: 'Fund this provider' }).click();
  const dialog = page.getByRole('dialog', { name: 'Fund a provider' });
  await expect(dialog.getByRole('combobox', { name: 'Provider' })).toHaveValue(
    `inference:${getAddress(chatA.address)}`,
  );
  await dialog.getByRole('textbox', { name: 'Amount' }).fill('1');
  await dialog.getByRole('button', { name: 'Transfer', exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  await expect(step(page, 'Sub-account with this provider funded: done')).toContainText('1 0G the provider can charge');
  await expect(step(page, 'The app-sk secret: ready')).toBeVisible();
  expect(sent(wallet.requests)).toBe(1);
});

test('a provider address with no service, or no address at all, is said in words', async ({ page }) => {
  const nobody = '0x000000000000000000000000000000000000dEaD';
  await page.goto(`/build/${nobody}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Build');
  await expect(page.getByText(`Provider ${nobody} offers no service on 0G Local Devnet`)).toBeVisible();
  await expect(page.getByRole('tablist')).toHaveCount(0);

  await page.goto('/build/not-an-address');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Build');
  await expect(page.getByText('“not-an-address” is not a provider address')).toBeVisible();
});

test('the marketplace card and the provider page link to the Build page', async ({ page, devnet }) => {
  const p = devnet.provider('speech');
  await page.goto('/');
  await page.getByRole('link', { name: `Build with ${cardName(p)}` }).click();
  await expect(page).toHaveURL(`/build/${getAddress(p.address)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Build with ${p.model}`);
  await expect(tabs(page)).toHaveText(LABELS);

  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Provider' }).click();
  await expect(page).toHaveURL(`/providers/${getAddress(p.address)}`);
  await page.getByRole('main').getByRole('link', { name: 'Build', exact: true }).click();
  await expect(page).toHaveURL(`/build/${getAddress(p.address)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Build with ${p.model}`);
});

test.describe('a service of our own', () => {
  const OWN = {
    serviceType: 'chatbot',
    url: 'http://insecure.example:8080',
    model: 'acme/plain-http',
    verifiability: 'TeeML',
    inputPrice: 1_000_000_000n,
    outputPrice: 2_000_000_000n,
    additionalInfo: '{}',
  };

  /** Account 11 as a provider. */
  const own = (manifest: Manifest) => {
    const account = privateKeyToAccount(manifest.accounts[OWN_PROVIDER]?.privateKey as Hex);
    const client = createWalletClient({ account, chain: hardhat, transport: http(manifest.rpcUrl) }).extend(
      publicActions,
    );
    return { client, inference: manifest.contracts.inference as Address, address: account.address };
  };
  const register = async (manifest: Manifest, over: Partial<typeof OWN>, stake: boolean) => {
    const { client, inference, address } = own(manifest);
    const value = stake
      ? await client.readContract({ address: inference, abi: inferenceAbi, functionName: 'MIN_PROVIDER_STAKE' })
      : 0n;
    const hash = await client.writeContract({
      address: inference,
      abi: inferenceAbi,
      functionName: 'addOrUpdateService',
      args: [{ ...OWN, ...over, teeSignerAddress: address }],
      value,
    });
    expect((await client.waitForTransactionReceipt({ hash })).status).toBe('success');
  };

  test.beforeAll(async ({ manifest }) => register(manifest, {}, true));

  test.afterAll(async ({ manifest }) => {
    const { client, inference } = own(manifest);
    const hash = await client.writeContract({ address: inference, abi: inferenceAbi, functionName: 'removeService' });
    expect((await client.waitForTransactionReceipt({ hash })).status).toBe('success');
  });

  test('an http URL off localhost is flagged as unsafe to call; a type with no code says so', async ({
    page,
    manifest,
  }) => {
    const { address } = own(manifest);
    await page.goto(`/build/${address}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Build with ${OWN.model}`);
    const warning = page.getByRole('alert');
    await expect(warning).toContainText('not safe to call');
    await expect(warning).toContainText(OWN.url);
    // The code is still shown, for reference, and points at that URL.
    await expect(shownCode(panel(page), LABELS[0]!)).toContainText(`${OWN.url}/v1/proxy`);

    // The devnet providers' http://127.0.0.1 URLs are fine on the devnet.
    await page.goto(`/build/${(manifest.providers[0] as ManifestProvider).address}`);
    await expect(page.getByRole('tablist', { name: 'Code' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);

    await register(manifest, { serviceType: 'text-to-video', url: 'https://video.example' }, false);
    await page.goto(`/build/${address}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Build with ${OWN.model}`);
    await expect(page.getByText('This provider’s service type, “text-to-video”, has no code here yet')).toBeVisible();
    await expect(page.getByRole('tablist')).toHaveCount(0);
    await expect(page.getByRole('list', { name: 'Setup' })).toHaveCount(0);
  });
});
