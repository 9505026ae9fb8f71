import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { getAddress, keccak256, parseEther, type Address } from 'viem';
import { fineTuningAbi, ledgerAbi } from '../src/lib/chain/abi';
import { getServiceNames } from '../src/lib/chain/ledger-reads';
import type { ContractAddresses } from '../src/lib/chain/networks';
import { clients, fundAccount } from './chat-helpers';
import { expect, test } from './fixtures';
import { decryptWithSdk, expectedPlaintext, onChainDeliverable, setFineTuning } from './fine-tuning-node';
import { content, drop, expectVerified, row, stranger } from './verify-page';

// The fine-tuning wizard on the devnet with the `finetune` provider, in Chromium with the test wallet:
// the whole flow to Finished (the downloaded file's hash is the root hash on chain, and the SDK's own
// decryption in Node, with the same key, gives the simulator's plaintext), a dataset with a bad line,
// and a task held in Training to reload, cut off the provider and cancel. Accounts 28, 29 and 30.

const MODEL = 'Qwen2.5-0.5B-Instruct';
const ROWS = [
  { instruction: 'What is 0G?', input: '', output: 'A decentralised AI operating system.' },
  { instruction: 'Greet the user.', input: '', output: 'Hello! How can I help?' },
  { instruction: 'Translate to French: good morning', input: '', output: 'Bonjour' },
];
const DATASET = Buffer.from(ROWS.map((r) => JSON.stringify(r)).join('\n') + '\n');

test.afterEach(async ({ manifest }) => {
  await setFineTuning(manifest, { action: 'up', holdAt: null, stepMs: 150 });
});

async function connect(page: Page) {
  await page.goto('/fine-tuning');
  await page.getByRole('button', { name: 'Connect wallet' }).first().click();
  await page.getByRole('dialog', { name: 'Connect a wallet' }).getByRole('button', { name: 'E2E Wallet' }).click();
}

async function chooseFile(page: Page, name: string, buffer: Buffer) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /Choose (a|another) dataset file/ }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/jsonl', buffer });
}

/** Provider (attestation checked) and model, up to the dataset step. */
async function toDataset(page: Page) {
  await page.getByRole('radio', { name: /^Provider / }).check();
  await page.getByRole('button', { name: 'Check attestation' }).click();
  await expect(page.getByText('Attestation passed')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Continue to the model' }).click();
  await page.getByRole('radio', { name: new RegExp(`^${MODEL}`) }).check();
  await expect(page.getByRole('region', { name: 'Usage package' })).toContainText('Example dataset');
  await page.getByRole('button', { name: 'Continue to the dataset' }).click();
}

/** Uploads the good dataset and goes on through the parameters to the cost step. */
async function uploadAndPrice(page: Page) {
  await chooseFile(page, 'train.jsonl', DATASET);
  await expect(page.getByText('Ready to upload: 3 records')).toBeVisible();
  await page.getByRole('button', { name: 'Upload to the provider’s TEE' }).click();
  await expect(page.getByText('Uploaded to the provider’s TEE')).toContainText(keccak256(DATASET));
  await page.getByRole('button', { name: 'Continue to the training parameters' }).click();
  await expect(page.getByRole('spinbutton', { name: 'num_train_epochs' })).toHaveValue('1');
  await page.getByRole('button', { name: 'Continue to the cost' }).click();
}

test('the whole wizard to Finished: checked download, its proof on /verify, acknowledged model, SDK decryption in Node', async ({
  page,
  wallet,
  manifest,
  browser,
}) => {
  test.setTimeout(150_000);
  const USER = 28;
  await fundAccount(manifest, USER, []);
  await wallet.install(page, { account: USER });
  await connect(page);
  await toDataset(page);
  await uploadAndPrice(page);

  // Cost: no sub-account yet, so fund it through the Fund dialog, then acknowledge the TEE signer.
  await expect(page.getByText('None yet with this provider')).toBeVisible();
  await page.getByRole('button', { name: 'Fund this provider' }).click();
  const dialog = page.getByRole('dialog', { name: 'Fund a provider' });
  await dialog.getByRole('textbox', { name: 'Amount' }).fill('1');
  await dialog.getByRole('button', { name: 'Transfer', exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  // The contract may mark a new sub-account as trusting the provider's current signer; the step asks only when not.
  const { rpc } = clients(manifest, USER);
  const user = getAddress(manifest.accounts[USER]!.address);
  const ft = getAddress(manifest.fineTuning.address);
  const account = await rpc.readContract({
    address: manifest.contracts.fineTuning as Address,
    abi: fineTuningAbi,
    functionName: 'getAccount',
    args: [user, ft],
  });
  const acknowledge = page.getByRole('button', { name: 'Acknowledge the TEE signer' });
  if (account.acknowledged) await expect(acknowledge).toHaveCount(0);
  else await acknowledge.click();
  await page.getByRole('button', { name: 'Continue to create the task' }).click({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Sign and create the task' }).click();
  await expect(page).toHaveURL(/\/fine-tuning\/tasks\/[0-9a-f-]{36}\?provider=/, { timeout: 20_000 });
  const id = /tasks\/([0-9a-f-]{36})/.exec(page.url())![1]!;

  // Delivery: download, hash check against the chain, save, acknowledge, then the CLI command.
  const delivery = page.getByRole('region', { name: 'Delivery' });
  // The model is hashed in a module worker, not on the page's main thread.
  const hashWorker = page.waitForEvent('worker', {
    predicate: (w) => /model-file-worker/.test(w.url()),
    timeout: 30_000,
  });
  await delivery.getByRole('button', { name: 'Download the encrypted model' }).click({ timeout: 30_000 });
  await expect(delivery).toContainText('The file matches the model root hash the provider recorded on chain', {
    timeout: 20_000,
  });
  await hashWorker;
  const saved = page.waitForEvent('download');
  await delivery.getByRole('button', { name: 'Save the encrypted model' }).click();
  const encrypted = await readFile((await (await saved).path())!);
  expect(keccak256(encrypted)).toBe((await onChainDeliverable(manifest, user, id)).modelRootHash);
  await expect(delivery).toContainText('✓ Signed by the provider’s TEE key');

  // The delivery's proof, with the model beside it, checks in a stranger's browser with no wallet.
  const proofFile = page.waitForEvent('download');
  await delivery.getByRole('region', { name: 'Proof' }).getByRole('button', { name: 'Download proof' }).click();
  const proof = await proofFile;
  expect(proof.suggestedFilename()).toBe(`fine-tuned-${id}-proof.zip`);
  const other = await stranger(browser);
  await drop(other, proof.suggestedFilename(), await readFile((await proof.path())!), 'application/zip');
  await expectVerified(other);
  await expect(row(other, 'Recorded on chain for this task')).toContainText('Passed');
  await expect(row(other, 'Model file matches')).toContainText('Passed');
  await expect(content(other).getByRole('button', { name: 'Save the encrypted model' })).toBeVisible();
  await other.context().close();
  await delivery.getByRole('button', { name: 'Acknowledge the model on chain' }).click();
  const command = delivery.getByRole('region', { name: 'Decrypt with the 0G CLI' }).or(delivery.locator('pre').last());
  await expect(delivery).toContainText('decrypt-model', { timeout: 30_000 });
  await expect(command.first()).toContainText(id);
  const timeline = page.getByRole('list', { name: 'Task progress' });
  await expect(timeline.getByRole('listitem').last()).toContainText(/finished.*done/i);
  await expect(timeline.locator('[aria-current="step"]')).toHaveCount(0);

  // The decryption the page describes, run by the SDK in Node with the same key, gives the adapter.
  const task = (await (await fetch(`${manifest.fineTuning.url}/v1/user/${user}/task/${id}`)).json()) as Parameters<
    typeof expectedPlaintext
  >[0];
  const plain = await decryptWithSdk({
    manifest,
    privateKey: manifest.accounts[USER]!.privateKey,
    taskId: id,
    encrypted,
  });
  expect(plain.equals(expectedPlaintext(task))).toBe(true);

  // What the protocol needs: upload, fund, acknowledge signer, task, download, acknowledge model.
  const prompts = wallet.requests.map((r) => r.method).filter((m) => m !== 'wallet_requestPermissions');
  console.info(`fine-tuning wallet prompts: ${prompts.length} (${prompts.join(', ')})`);
  expect(prompts.filter((m) => m === 'personal_sign')).toHaveLength(3);
  expect(prompts.filter((m) => m === 'eth_sendTransaction')).toHaveLength(account.acknowledged ? 2 : 3);
});

test('a dataset with a bad line shows that line number and sends nothing; a reload keeps the file', async ({
  page,
  wallet,
}) => {
  await wallet.install(page, { account: 29 });
  await connect(page);
  await toDataset(page);
  const bad = Buffer.from(`${JSON.stringify(ROWS[0])}\n{"instruction": "oops",\n${JSON.stringify(ROWS[1])}\n`);
  await chooseFile(page, 'bad.jsonl', bad);
  await expect(page.getByText(/^Line 2: /)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Upload to the provider’s TEE' })).toHaveCount(0);
  await chooseFile(page, 'notes.png', Buffer.from('not a dataset'));
  await expect(page.getByText('“notes.png” is not a JSONL file')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('list', { name: 'Wizard steps' }).locator('[aria-current="step"]')).toContainText(
    'Dataset',
  );
  await expect(page.getByText(/^Line 2: /)).toBeVisible();
  expect(wallet.requests.map((r) => r.method)).not.toContain('personal_sign');

  // A good file, and the upload's signature declined: the user's choice, said plainly, the file kept.
  await chooseFile(page, 'train.jsonl', DATASET);
  await expect(page.getByText('Ready to upload: 3 records')).toBeVisible();
  wallet.reject('personal_sign');
  await page.getByRole('button', { name: 'Upload to the provider’s TEE' }).click();
  await expect(page.getByText('Nothing was signed, so nothing was sent.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Upload to the provider’s TEE' })).toBeEnabled();
  await expect(page.getByText('Ready to upload: 3 records')).toBeVisible();
});

test('a task held in Training: a reload reopens the monitor there, an outage is said and recovered, then cancel', async ({
  page,
  wallet,
  manifest,
}) => {
  test.setTimeout(150_000);
  const USER = 30;
  await fundAccount(manifest, USER, []);
  // A funded fine-tuning sub-account whose TEE signer the user acknowledged, straight on chain.
  const { rpc, wallet: chainWallet, mined } = clients(manifest, USER);
  const contracts = manifest.contracts as ContractAddresses;
  const ft = getAddress(manifest.fineTuning.address);
  const names = await getServiceNames(rpc, contracts);
  await mined(
    await chainWallet.writeContract({
      address: contracts.ledger,
      abi: ledgerAbi,
      functionName: 'transferFund',
      args: [ft, names['fine-tuning'], parseEther('1')],
    }),
  );
  await mined(
    await chainWallet.writeContract({
      address: contracts.fineTuning,
      abi: fineTuningAbi,
      functionName: 'acknowledgeTEESigner',
      args: [ft, true],
    }),
  );
  await setFineTuning(manifest, { holdAt: 'Training' });
  await wallet.install(page, { account: USER });
  await connect(page);
  await toDataset(page);
  await uploadAndPrice(page);
  await page.getByRole('button', { name: 'Continue to create the task' }).click({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Sign and create the task' }).click();
  await expect(page).toHaveURL(/\/fine-tuning\/tasks\//, { timeout: 20_000 });
  const current = page.getByRole('list', { name: 'Task progress' }).locator('[aria-current="step"]');
  await expect(current).toContainText('Training', { timeout: 20_000 });
  await page.reload();
  await expect(current).toContainText('Training');

  await setFineTuning(manifest, { action: 'down', ms: 600_000 });
  await expect(page.getByRole('status').filter({ hasText: 'has not answered' })).toBeVisible({ timeout: 30_000 });
  await setFineTuning(manifest, { action: 'up' });
  await expect(page.getByRole('status').filter({ hasText: 'has not answered' })).toHaveCount(0, { timeout: 40_000 });

  // A second task while this one trains: explained before anything is signed, with the way back to it.
  await page.goto('/fine-tuning');
  await expect(page.getByRole('alert').filter({ hasText: 'You already have an unfinished task' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign and create the task' })).toBeDisabled();
  await page.getByRole('link', { name: /^Open task / }).click();
  await expect(current).toContainText('Training');

  await page.getByRole('button', { name: 'Cancel task' }).click();
  await page.getByRole('button', { name: 'Cancel task' }).last().click();
  await expect(page.getByRole('list', { name: 'Task progress' })).toContainText('Cancelled', { timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Cancel task' })).toHaveCount(0);

  // Back in the wizard, everything is still chosen: a second task, which fails in Training, says so.
  await setFineTuning(manifest, { action: 'fail-next', holdAt: null });
  await page.goto('/fine-tuning');
  await page.getByRole('button', { name: 'Sign and create the task' }).click();
  await expect(page).toHaveURL(/\/fine-tuning\/tasks\//, { timeout: 20_000 });
  await expect(page.getByText('The training failed.')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('log', { name: 'Task log' })).toContainText('training crashed');
  await expect(page.getByRole('region', { name: 'Delivery' })).toHaveCount(0);
});
