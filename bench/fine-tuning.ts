import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { getAddress, keccak256 } from 'viem';
import { fundAccount } from '../e2e/chat-helpers.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.js';
import { TestWallet } from '../e2e/test-wallet.js';
import { readAsset, type AssetFile } from './first-visit.js';
import {
  byMethod,
  FINE_TUNING_PROBE,
  installFineTuningProbe,
  jsToFirstStep,
  READY_TEXT,
  readFineTuningProbe,
  summarizeValidation,
  type FineTuningFigures,
  type ValidationFigures,
} from './fine-tuning-summary.js';
import type { ServedApp } from './serve.js';

// The fine-tuning wizard in Chromium with the E2E Wallet, as e2e/fine-tuning.spec.ts drives it, in one page: the JS
// by the first step (the provider radio list), the browser's check of a 50 MB JSONL dataset, then the example's
// three-line dataset through upload, funding, the signer, the task and the delivery to Finished, counting prompts.
const ACCOUNT = 28;
const MODEL = 'Qwen2.5-0.5B-Instruct';
const LARGE_BYTES = 50 * 1024 * 1024;
const VALIDATE_TIMEOUT_MS = 60_000;
const ROWS = [
  { instruction: 'What is 0G?', input: '', output: 'A decentralised AI operating system.' },
  { instruction: 'Greet the user.', input: '', output: 'Hello! How can I help?' },
  { instruction: 'Translate to French: good morning', input: '', output: 'Bonjour' },
];
const DATASET = Buffer.from(ROWS.map((r) => JSON.stringify(r)).join('\n') + '\n');
// The same shim as bench/chat.ts: tsx's keepNames wraps inner functions in a `__name` helper the page lacks.
const KEEP_NAMES_SHIM =
  'globalThis.__name ??= (target, value) => Object.defineProperty(target, "name", { value, configurable: true });';

/** Runs the wizard once to Finished on a fresh account, timing the large dataset check; closes the browser. */
export async function benchFineTuning({ origin, manifest }: ServedApp): Promise<FineTuningFigures> {
  if (!manifest.fineTuning.models.includes(MODEL)) throw new Error(`the devnet's fine-tuning provider lacks ${MODEL}`);
  const key = manifest.accounts[ACCOUNT];
  if (!key) throw new Error(`the devnet manifest has no account ${ACCOUNT}`);
  console.log(`bench: fine-tuning, a ledger for account ${ACCOUNT} and a ${LARGE_BYTES / 1024 / 1024} MB dataset`);
  await fundAccount(manifest, ACCOUNT, []);
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-ft-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const large = await writeLargeDataset(dir);
    const page = await (await browser.newContext()).newPage();
    const wallet = new TestWallet(manifest);
    const assets: Promise<AssetFile | null>[] = [];
    const errors: string[] = [];
    page.on('response', (res) => assets.push(readAsset(origin, res)));
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    await page.addInitScript({ content: KEEP_NAMES_SHIM });
    await page.addInitScript(installFineTuningProbe, { name: FINE_TUNING_PROBE, readyText: READY_TEXT });
    await wallet.install(page, { account: ACCOUNT });
    await page.goto(`${origin}/fine-tuning`);
    await page.getByRole('button', { name: 'Connect wallet' }).first().click();
    await page.getByRole('dialog', { name: 'Connect a wallet' }).getByRole('button', { name: 'E2E Wallet' }).click();
    await page
      .getByRole('radio', { name: /^Provider / })
      .first()
      .waitFor({ timeout: 20_000 });
    const connectWalletRequests = wallet.requests.map((r) => r.method);
    const flowStart = performance.now();

    console.log('bench: fine-tuning, provider and model, then the 50 MB dataset');
    await toDataset(page);
    const validation = await validateLarge(page, large);
    console.log('bench: fine-tuning, the three-line dataset to Finished');
    const notes: string[] = [];
    const taskId = await runToFinished(page, notes).catch(async (err: unknown) => {
      // Where the flow stopped, in the page's words: the wizard is new and the step that failed says the most.
      const shown = await page
        .locator('main')
        .innerText({ timeout: 1000 })
        .catch(() => '(no main shown)');
      throw new Error(`the flow stopped at ${page.url()}; the page read:\n${shown.slice(0, 1500)}`, { cause: err });
    });
    const flowMs = Math.round(performance.now() - flowStart);

    const probe = await page.evaluate(readFineTuningProbe, FINE_TUNING_PROBE);
    const files = (await Promise.all(assets.slice())).filter((f): f is AssetFile => f !== null);
    const flowWalletRequests = wallet.requests.slice(connectWalletRequests.length).map((r) => r.method);
    const js = jsToFirstStep(probe, origin, files);
    if (!js) notes.push('the page never recorded the provider radio list: no JS figure');
    else if (js.untimed > 0)
      notes.push(`${js.untimed} JS files had no resource timing and are left out of the JS figure`);
    const expected = `${READY_TEXT} ${large.lines.toLocaleString('en-US')} records`;
    if (!validation.headline.startsWith(expected))
      notes.push(`the 50 MB headline read "${validation.headline}", not "${expected}"`);
    return {
      provider: getAddress(manifest.fineTuning.address),
      model: MODEL,
      account: getAddress(key.address),
      accountIndex: ACCOUNT,
      jsToFirstStep: js,
      validation,
      connectWalletRequests,
      flowWalletRequests,
      flowWalletByMethod: byMethod(flowWalletRequests),
      flowMs,
      taskId,
      errors,
      notes,
    };
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Provider (attestation checked) and model, up to the dataset step, as the e2e spec's toDataset. */
async function toDataset(page: Page): Promise<void> {
  await page
    .getByRole('radio', { name: /^Provider / })
    .first()
    .check();
  await page.getByRole('button', { name: 'Check attestation' }).click();
  await page.getByText('Attestation passed').waitFor({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Continue to the model' }).click();
  await page.getByRole('radio', { name: new RegExp(`^${MODEL}`) }).check();
  await page.getByRole('region', { name: 'Usage package' }).getByText('Example dataset').first().waitFor();
  await page.getByRole('button', { name: 'Continue to the dataset' }).click();
}

type DatasetFile = { path: string } & ValidationFigures['file'];

/**
 * ~50 MB of lines in the example's format, each a little different. Written to a file: Playwright refuses
 * setFiles buffers of 50 MB or more, and a path lets Chromium read the file itself, as a person's pick would.
 */
async function writeLargeDataset(dir: string): Promise<DatasetFile> {
  const lines: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < LARGE_BYTES; i++) {
    const row = {
      instruction: `Question ${i}: what does the 0G compute network offer for task ${i % 97}?`,
      input: i % 3 === 0 ? `context ${i}` : '',
      output: `Answer ${i}: verifiable inference and fine-tuning inside TEEs, paid from a ledger.`,
    };
    const line = JSON.stringify(row) + '\n';
    lines.push(line);
    bytes += line.length;
  }
  const name = 'train-50mb.jsonl';
  const file = path.join(dir, name);
  await writeFile(file, lines.join(''));
  return { path: file, name, bytes, lines: lines.length };
}

/** Hands the page the large file through the chooser and waits for the report's ready headline. */
async function validateLarge(page: Page, file: DatasetFile): Promise<ValidationFigures> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a dataset file' }).click();
  const picker = await chooser;
  const t0 = performance.now();
  await picker.setFiles(file.path);
  await page.getByText(READY_TEXT).first().waitFor({ timeout: VALIDATE_TIMEOUT_MS });
  const wallMs = performance.now() - t0;
  const probe = await page.evaluate(readFineTuningProbe, FINE_TUNING_PROBE);
  const facts = { name: file.name, bytes: file.bytes, lines: file.lines };
  return summarizeValidation({ probe, file: facts, wallMs });
}

/** The e2e spec's "whole wizard to Finished" from the dataset step: returns the task's id. */
async function runToFinished(page: Page, notes: string[]): Promise<string> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /Choose (a|another) dataset file/ }).click();
  await (await chooser).setFiles({ name: 'train.jsonl', mimeType: 'application/jsonl', buffer: DATASET });
  await page.getByText(`${READY_TEXT} 3 records`).waitFor({ timeout: 10_000 });
  await page.getByRole('button', { name: 'Upload to the provider’s TEE' }).click();
  await page
    .getByText('Uploaded to the provider’s TEE')
    .filter({ hasText: keccak256(DATASET) })
    .waitFor();
  await page.getByRole('button', { name: 'Continue to the training parameters' }).click();
  await page.getByRole('spinbutton', { name: 'num_train_epochs' }).waitFor();
  await page.getByRole('button', { name: 'Continue to the cost' }).click();

  await page.getByText('None yet with this provider').waitFor();
  await page.getByRole('button', { name: 'Fund this provider' }).click();
  const dialog = page.getByRole('dialog', { name: 'Fund a provider' });
  await dialog.getByRole('textbox', { name: 'Amount' }).fill('1');
  await dialog.getByRole('button', { name: 'Transfer', exact: true }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
  // The e2e spec acknowledges the signer here; when the sub-account already reads acknowledged, the step offers
  // no button and Continue is enabled (the only other way it is), which is said rather than failed on.
  const ack = page.getByRole('button', { name: 'Acknowledge the TEE signer' });
  const go = page.getByRole('button', { name: 'Continue to create the task' });
  await ack
    .or(page.locator('button:enabled', { hasText: 'Continue to create the task' }))
    .first()
    .waitFor();
  if (await ack.isVisible()) await ack.click();
  else
    notes.push('the cost step offered no "Acknowledge the TEE signer" after funding: Continue was enabled without it');
  await go.click({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Sign and create the task' }).click();
  await page.waitForURL(/\/fine-tuning\/tasks\/[0-9a-f-]{36}\?provider=/, { timeout: 20_000 });
  const id = /tasks\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  if (!id) throw new Error(`no task id in ${page.url()}`);

  const delivery = page.getByRole('region', { name: 'Delivery' });
  await delivery.getByRole('button', { name: 'Download the encrypted model' }).click({ timeout: 30_000 });
  await delivery
    .getByText('The file matches the model root hash the provider recorded on chain')
    .waitFor({ timeout: 20_000 });
  const saved = page.waitForEvent('download');
  await delivery.getByRole('button', { name: 'Save the encrypted model' }).click();
  await (await saved).path();
  await delivery.getByRole('button', { name: 'Acknowledge the model on chain' }).click();
  await delivery.getByText('decrypt-model').first().waitFor({ timeout: 30_000 });
  // The timeline marks no step current once all are done: the last one done (its status word is for screen
  // readers) is Finished. The e2e spec's aria-current check would wait for ever here.
  await page
    .getByRole('list', { name: 'Task progress' })
    .getByRole('listitem')
    .filter({ hasText: 'Finished and paid: done' })
    .waitFor({ timeout: 30_000 });
  return id;
}
