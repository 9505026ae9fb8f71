import { createWalletClient, getAddress, http, publicActions, type Address, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { hardhat } from 'viem/chains';
import type { Manifest } from '../devnet/manifest';
import { inferenceAbi } from '../src/lib/chain/abi';
import { expect, test } from './fixtures';

// Anyone can register a service, so everything in it is untrusted text. Account 9 registers a hostile
// one through the real contract, and removes it again afterwards so the other specs see the devnet's
// own providers only, whatever order they run in.

// The page's window in page.evaluate callbacks (the node-side tsconfig has no DOM lib; see page-provider.ts).
declare const window: Record<string, unknown>;

const HOSTILE = {
  serviceType: 'chatbot',
  url: 'javascript:alert(1)',
  model: '<img src=x onerror="window.__pwned=1">Evil',
  verifiability: 'TeeML-ish',
  inputPrice: 1_000_000_000n,
  outputPrice: 2_000_000_000n,
  additionalInfo: '<script>window.__pwned=2</script>',
};

/** Account 9 as a provider: it sends the transactions and reads their receipts. */
function providerClients(manifest: Manifest) {
  const account = privateKeyToAccount(manifest.accounts[9]?.privateKey as Hex);
  const client = createWalletClient({ account, chain: hardhat, transport: http(manifest.rpcUrl) }).extend(
    publicActions,
  );
  return { client, inference: manifest.contracts.inference as Address };
}

test.describe('a hostile service on chain', () => {
  let provider: Address;

  test.beforeAll(async ({ manifest }) => {
    const { client, inference } = providerClients(manifest);
    provider = client.account.address;
    const stake = await client.readContract({
      address: inference,
      abi: inferenceAbi,
      functionName: 'MIN_PROVIDER_STAKE',
    });
    const hash = await client.writeContract({
      address: inference,
      abi: inferenceAbi,
      functionName: 'addOrUpdateService',
      args: [{ ...HOSTILE, teeSignerAddress: provider }],
      value: stake,
    });
    expect((await client.waitForTransactionReceipt({ hash })).status).toBe('success');
  });

  test.afterAll(async ({ manifest }) => {
    const { client, inference } = providerClients(manifest);
    const hash = await client.writeContract({ address: inference, abi: inferenceAbi, functionName: 'removeService' });
    expect((await client.waitForTransactionReceipt({ hash })).status).toBe('success');
    const [, total] = await client.readContract({
      address: inference,
      abi: inferenceAbi,
      functionName: 'getAllServices',
      args: [0n, 50n],
    });
    expect(total).toBe(BigInt(manifest.providers.length));
  });

  test('the marketplace shows its model as text and no TEE mode', async ({ page, devnet }) => {
    await page.goto('/');
    const card = page.getByRole('article', { name: `${HOSTILE.model} by ${provider}`, exact: true });
    await expect(card.getByRole('heading')).toHaveText(HOSTILE.model);
    // "TeeML-ish" merely contains a mode name: it is no mode.
    await expect(card.getByText('No TEE', { exact: true })).toBeVisible();
    await expect(card.getByText('TeeML', { exact: true })).toHaveCount(0);
    await expect(page.getByRole('article')).toHaveCount(devnet.manifest.providers.length + 1);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);

    // Compared with an honest chat provider, it has nothing to attest.
    await card.getByRole('checkbox', { name: /^Compare / }).click();
    const chatA = devnet.provider('chat-a');
    await page.getByRole('checkbox', { name: `Compare ${chatA.model} by ${getAddress(chatA.address)}` }).click();
    const row = page.getByRole('table').getByRole('row', { name: /^Attestation/ });
    await expect(row.getByRole('cell').first()).toHaveText('No TEE to attest');
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  });

  test('its page shows the URL unlinked and the additional info as the provider wrote it', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`/providers/${provider}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(HOSTILE.model);
    const fields = page.getByRole('region', { name: 'On-chain service' });
    const url = fields.getByRole('term').getByText('URL', { exact: true }).locator('xpath=following-sibling::dd[1]');
    await expect(url).toContainText(HOSTILE.url);
    await expect(url).toContainText('(not linked: only https addresses are)');
    await expect(url.getByRole('link')).toHaveCount(0);
    await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
    await expect(fields.getByText('No TEE', { exact: true })).toBeVisible();
    await expect(page.getByLabel('Additional info')).toHaveText(HOSTILE.additionalInfo);
    await expect(page.getByText('Not JSON; shown as the provider wrote it.')).toBeVisible();
    await expect(page.locator('script', { hasText: '__pwned' })).toHaveCount(0);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);

    // Clicking the text does nothing either.
    await url.getByText(HOSTILE.url).click();
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });
});
