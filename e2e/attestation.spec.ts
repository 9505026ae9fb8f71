import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { createPublicClient, getAddress, http, type Address } from 'viem';
import { inferenceAbi } from '../src/lib/chain/abi';
import { priceTexts } from './expected';
import { expect, test } from './fixtures';

// The provider page and its attestation check: the real SDK's verifyService in the browser, no wallet,
// against the simulator's /v1/quote (good, or faulted per test).

const SIGNER_CHECK = 'TEE signer matches the report data';
const COMPOSE_CHECK = 'Compose hash matches the event log';

/** Opens a provider's page, runs "Check attestation" and waits for the outcome. */
async function checkAttestation(page: Page, address: string) {
  await page.goto(`/providers/${getAddress(address)}`);
  const section = page.getByRole('region', { name: 'TEE attestation' });
  await section.getByRole('button', { name: 'Check attestation' }).click();
  await expect(section.getByRole('button', { name: 'Check again' })).toBeEnabled({ timeout: 20_000 });
  return section;
}

/** The badge of one automated check: passed, failed or not run. */
const checkStatus = (section: Locator, label: string) =>
  section
    .getByRole('list', { name: 'Automated checks' })
    .getByRole('listitem')
    .filter({ hasText: label })
    .getByText(/^(passed|failed|not run)$/);

test('an honest provider passes both automated checks, with a step log', async ({ page, devnet }) => {
  const section = await checkAttestation(page, devnet.provider('chat-a').address);
  await expect(section.getByRole('status')).toContainText('Attestation passed');
  await expect(section.getByRole('list', { name: 'Automated checks' }).getByRole('listitem')).toHaveCount(2);
  await expect(checkStatus(section, SIGNER_CHECK)).toHaveText('passed');
  await expect(checkStatus(section, COMPOSE_CHECK)).toHaveText('passed');
  await expect(section).toContainText(`Report signer ${devnet.provider('chat-a').teeSigner}`);

  // The log closes when the check ends; its summary says how many lines it holds.
  const summary = section.getByText(/^Step log \(\d+ lines\)$/);
  const lines = Number(/\d+/.exec((await summary.textContent()) ?? '')?.[0]);
  expect(lines).toBeGreaterThan(3);
  await summary.click();
  const log = section.getByRole('list', { name: 'Attestation step log' }).getByRole('listitem');
  await expect(log).toHaveCount(lines);
  await expect(log.first()).toBeVisible();
  await expect(section.getByText('Manual steps to complete the verification')).toBeVisible();
});

test('a report naming another signer fails the signer check only', async ({ page, devnet }) => {
  await devnet.setFaults('chat-a', { quote: 'bad-signer' });
  const section = await checkAttestation(page, devnet.provider('chat-a').address);
  await expect(section.getByRole('status')).toContainText('Attestation failed');
  await expect(checkStatus(section, SIGNER_CHECK)).toHaveText('failed');
  await expect(checkStatus(section, COMPOSE_CHECK)).toHaveText('passed');
  await expect(section).toContainText(`On chain: ${devnet.provider('chat-a').teeSigner}`);
});

test('a compose hash that differs from the event log fails the compose check only', async ({ page, devnet }) => {
  await devnet.setFaults('chat-a', { quote: 'bad-compose' });
  const section = await checkAttestation(page, devnet.provider('chat-a').address);
  await expect(section.getByRole('status')).toContainText('Attestation failed');
  await expect(checkStatus(section, SIGNER_CHECK)).toHaveText('passed');
  await expect(checkStatus(section, COMPOSE_CHECK)).toHaveText('failed');
});

test('the report downloads as JSON with the provider and the summary', async ({ page, devnet }) => {
  const chatA = getAddress(devnet.provider('chat-a').address);
  const section = await checkAttestation(page, chatA);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    section.getByRole('button', { name: 'Download report (JSON)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`attestation-${chatA}.json`);
  const report = JSON.parse(await readFile(await download.path(), 'utf8')) as {
    provider: string;
    network: string;
    checkedAt: string;
    summary: { overall: string; checks: Array<{ id: string; status: string }> };
    result: { steps: unknown[] };
  };
  expect(report).toMatchObject({
    provider: chatA,
    network: '0G Local Devnet',
    summary: {
      overall: 'passed',
      checks: [
        { id: 'signer', status: 'passed' },
        { id: 'compose', status: 'passed' },
      ],
    },
  });
  expect(Date.parse(report.checkedAt)).not.toBeNaN();
  expect(report.result.steps.length).toBeGreaterThan(0);
});

test('the provider page shows every on-chain field of the service', async ({ page, devnet }) => {
  const chatA = devnet.provider('chat-a');
  const client = createPublicClient({ transport: http(devnet.manifest.rpcUrl) });
  const s = await client.readContract({
    address: devnet.manifest.contracts.inference as Address,
    abi: inferenceAbi,
    functionName: 'getService',
    args: [chatA.address as Address],
  });
  expect(s.url).toBe(chatA.url);

  await page.goto(`/providers/${chatA.address}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(chatA.model);
  await expect(page.getByText('on 0G Local Devnet', { exact: true })).toBeVisible();
  const fields = page.getByRole('region', { name: 'On-chain service' });
  // The value a person reads next to each label (dt, then its dd).
  const value = (term: string) =>
    fields.getByRole('term').getByText(term, { exact: true }).locator('xpath=following-sibling::dd[1]');
  await expect(value('Model')).toHaveText(s.model);
  await expect(value('Service type')).toHaveText('Chat');
  await expect(value('Provider address')).toContainText(getAddress(chatA.address));
  // http to localhost is linked on the devnet only.
  await expect(value('URL').getByRole('link', { name: s.url })).toHaveAttribute('href', s.url);
  await expect(value('Verifiability')).toContainText('TeeML');
  await expect(value('On-chain value')).toHaveText(JSON.stringify(s.verifiability));
  await expect(value('Prices').getByRole('definition')).toHaveText(priceTexts(chatA));
  await expect(value('TEE signer')).toContainText(s.teeSignerAddress);
  expect(s.teeSignerAddress).toBe(getAddress(chatA.teeSigner));
  await expect(value('TEE signer')).toContainText(
    s.teeSignerAcknowledged ? '(acknowledged by the contract owner)' : '(not acknowledged)',
  );
  const updated = new Date(Number(s.updatedAt) * 1000);
  await expect(value('Last update')).toContainText(String(updated.getFullYear()));
  await expect(page.getByLabel('Additional info')).toHaveText(JSON.stringify(JSON.parse(s.additionalInfo), null, 2));

  // The primary action names the provider as well as the verb.
  await expect(page.getByRole('main').getByRole('link', { name: `Chat with ${s.model}`, exact: true })).toHaveAttribute(
    'href',
    `/chat?provider=${getAddress(chatA.address)}`,
  );
  await expect(page.getByRole('main').getByRole('link', { name: 'Build', exact: true })).toHaveAttribute(
    'href',
    `/build/${getAddress(chatA.address)}`,
  );
  // Fund opens the transfer dialog in place (account.spec.ts drives it).
  await expect(page.getByRole('main').getByRole('button', { name: 'Fund', exact: true })).toBeVisible();
});
