import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ZGComputeNetworkBroker } from '@0glabs/0g-serving-broker';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { artifacts } from '../contracts.js';
import { loraPlaintext } from '../sim/fine-tuning.js';
import { datasetTokens, PROGRESS } from '../sim/fine-tuning-task.js';

// The SDK's ESM bundle ships form-data's browser stub, so uploadDatasetToTEE throws "window is not
// defined" in Node; its CommonJS build (the one its CLI runs) works. The SDK builds a fine-tuning
// broker only for `instanceof Wallet` of the ethers it loads, so the wallet comes from CommonJS ethers too.
const require = createRequire(import.meta.url);
const { createZGComputeNetworkBroker } =
  require('@0glabs/0g-serving-broker') as typeof import('@0glabs/0g-serving-broker');
const { Contract, JsonRpcProvider, keccak256, Wallet } = require('ethers') as typeof import('ethers');

const manifest = inject('manifest');
// Account #9 of the manifest is this file's alone: no other test funds or trains with it.
const account = manifest.accounts[9];
if (!account) throw new Error('The manifest has no account #9');
const ft = manifest.fineTuning;
const MODEL = 'Qwen2.5-0.5B-Instruct';

const DATASET = [
  { instruction: 'What is 0G?', input: '', output: 'A decentralised AI operating system.' },
  { instruction: 'Greet the user.', input: '', output: 'Hello! How can I help?' },
  { instruction: 'Translate to French: good morning', input: '', output: 'Bonjour' },
]
  .map((r) => JSON.stringify(r))
  .join('\n');
const PARAMS = JSON.stringify({ num_train_epochs: 1, learning_rate: 0.0002, lora_rank: 8 });

interface Task {
  id: string;
  progress: string;
  fee: string;
  userAddress: string;
  datasetHash: string;
  preTrainedModelHash: string;
  trainingParams: string;
  outputRootHash?: string;
}

let broker: ZGComputeNetworkBroker;
let rpc: InstanceType<typeof JsonRpcProvider>;
let dir = '';
let datasetHash = '';

function fineTuning() {
  if (!broker.fineTuning) throw new Error('The SDK built no fine-tuning broker for a Wallet signer');
  return broker.fineTuning;
}

async function getTask(id: string): Promise<Task> {
  return (await fineTuning().getTask(ft.address, id)) as unknown as Task;
}

/** Polls the task through the SDK until `done` holds; returns the progress values seen, in order. */
async function pollTask(
  id: string,
  done: (t: Task) => boolean,
  timeoutMs = 30_000,
): Promise<{ task: Task; seen: string[] }> {
  const seen: string[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const task = await getTask(id);
    if (seen.at(-1) !== task.progress) seen.push(task.progress);
    if (done(task)) return { task, seen };
    if (Date.now() > deadline) {
      throw new Error(`Task ${id} is still ${task.progress} after ${timeoutMs} ms; saw ${seen.join(' > ')}`);
    }
    await new Promise((r) => setTimeout(r, 40));
  }
}

const order = (p: string) => PROGRESS.indexOf(p as (typeof PROGRESS)[number]);

beforeAll(async () => {
  // The SDK logs every URL it fetches and every transaction it sends; keep the test output readable.
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  rpc = new JsonRpcProvider(manifest.rpcUrl, manifest.chainId, {
    staticNetwork: true,
    pollingInterval: 50,
    cacheTimeout: -1,
  });
  // The SDK's typings name CommonJS ethers' Wallet, TypeScript gives ours the ESM typings: same class at run time.
  const wallet = new Wallet(account.privateKey, rpc) as unknown as Parameters<typeof createZGComputeNetworkBroker>[0];
  broker = await createZGComputeNetworkBroker(wallet);
  dir = await mkdtemp(path.join(tmpdir(), 'ft-test-'));
  await writeFile(path.join(dir, 'dataset.jsonl'), DATASET);
  await writeFile(path.join(dir, 'params.json'), PARAMS);

  await broker.ledger.addLedger(10);
  await broker.ledger.transferFund(ft.address, 'fine-tuning', 5n * 10n ** 18n);
  // settleFees reverts unless the user acknowledged the TEE signer themselves: the provider refuses tasks until then.
  await fineTuning().acknowledgeProviderSigner(ft.address);
});

afterAll(async () => {
  vi.restoreAllMocks();
  rpc?.destroy();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('fine-tuning with the real SDK', () => {
  it('lists the provider, its models and their usage packages', async () => {
    const [, customized = []] = await fineTuning().listModel();
    const ours = customized.filter(([, m]) => m.provider === ft.address).map(([name]) => name);
    expect(ours).toEqual(ft.models);
    const usage = path.join(dir, 'usage.zip');
    await fineTuning().modelUsage(ft.address, MODEL, usage);
    expect((await readFile(usage)).subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
  });

  it('uploads a dataset to the TEE and answers with its keccak256', async () => {
    const result = await fineTuning().uploadDatasetToTEE(ft.address, path.join(dir, 'dataset.jsonl'));
    expect(result.datasetHash).toBe(keccak256(Buffer.from(DATASET)));
    datasetHash = result.datasetHash;
  });

  it('trains, delivers, settles on acknowledgement, and the model decrypts to the adapter', async () => {
    const before = await fineTuning().getAccount(ft.address);
    const id = await fineTuning().createTask(ft.address, MODEL, datasetHash, path.join(dir, 'params.json'));
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const delivered = await pollTask(id, (t) => order(t.progress) >= order('Delivered') || t.progress === 'Failed');
    console.info(`fine-tuning progress observed: ${delivered.seen.join(' > ')}`);
    expect(delivered.task.progress).toBe('Delivered');
    expect(delivered.seen.map(order)).toEqual([...delivered.seen.map(order)].sort((a, b) => a - b));
    expect(delivered.seen.length).toBeGreaterThanOrEqual(3);
    const fee = BigInt(delivered.task.fee);
    expect(fee).toBe(BigInt(ft.pricePerToken) * BigInt(datasetTokens(Buffer.from(DATASET))));

    const log = await fineTuning().getLog(ft.address, id);
    for (const p of PROGRESS.slice(0, order('Delivered') + 1)) expect(log).toContain(`[${p}]`);
    expect(log).toMatch(/training step \d\/\d loss \d\.\d\d/);

    const encPath = path.join(dir, 'model.enc');
    await fineTuning().acknowledgeModel(ft.address, id, encPath, { downloadMethod: 'tee' });
    const contract = new Contract(manifest.contracts.fineTuning, artifacts.fineTuning.abi, rpc);
    const onChain = (await contract.getFunction('getDeliverable')(account.address, ft.address, id)) as {
      modelRootHash: string;
      acknowledged: boolean;
    };
    expect(onChain.acknowledged).toBe(true);
    expect(keccak256(await readFile(encPath))).toBe(onChain.modelRootHash);
    expect(delivered.task.outputRootHash).toBe(onChain.modelRootHash);

    const finished = await pollTask(id, (t) => t.progress === 'Finished' || t.progress === 'Failed');
    expect(finished.task.progress, await fineTuning().getLog(ft.address, id)).toBe('Finished');
    const settled = (await contract.getFunction('getDeliverable')(account.address, ft.address, id)) as {
      settled: boolean;
      encryptedSecret: string;
    };
    expect(settled.settled).toBe(true);
    expect(settled.encryptedSecret).not.toBe('0x');
    const after = await fineTuning().getAccount(ft.address);
    expect(after.balance).toBe(before.balance - fee);

    const decPath = path.join(dir, 'model.dec');
    await fineTuning().decryptModel(ft.address, id, encPath, decPath);
    expect((await readFile(decPath)).equals(loraPlaintext(finished.task))).toBe(true);
  });

  it('cancels a task before delivery and refuses to cancel a finished one', async () => {
    const id = await fineTuning().createTask(ft.address, MODEL, datasetHash, path.join(dir, 'params.json'));
    await fineTuning().cancelTask(ft.address, id);
    const { task } = await pollTask(id, (t) => t.progress === 'Cancelled', 2_000);
    expect(task.progress).toBe('Cancelled');
    expect(await fineTuning().getLog(ft.address, id)).toMatch(/\[Cancelled\] cancelled by the user/);
    const contract = new Contract(manifest.contracts.fineTuning, artifacts.fineTuning.abi, rpc);
    await expect(contract.getFunction('getDeliverable')(account.address, ft.address, id)).rejects.toThrow();

    const finishedId = (await fineTuning().listTask(ft.address)).find((t) => t.progress === 'Finished')?.id;
    if (!finishedId) throw new Error('The finished task from the previous test is not listed');
    // The SDK reads cancel answers as text, so only the status reaches the caller here.
    await expect(fineTuning().cancelTask(ft.address, finishedId)).rejects.toThrow(/409/);
  });

  it('fails a task at Training on the fail-next control action', async () => {
    const res = await fetch(`${manifest.simulator.controlUrl}/fine-tuning`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'fail-next' }),
    });
    expect(res.status).toBe(200);
    const id = await fineTuning().createTask(ft.address, MODEL, datasetHash, path.join(dir, 'params.json'));
    const { task, seen } = await pollTask(id, (t) => t.progress === 'Failed' || t.progress === 'Delivered');
    expect(task.progress).toBe('Failed');
    expect(seen).toContain('Training');
    expect(await fineTuning().getLog(ft.address, id)).toMatch(/\[Failed\] failed: training crashed/);
  });

  it('answers a forged dataset upload with 401 and a plain sentence', async () => {
    const stranger = Wallet.createRandom();
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = await stranger.signMessage(
      Buffer.from(keccak256(Buffer.from(`${account.address}${timestamp}`)).slice(2), 'hex'),
    );
    const form = new FormData();
    form.append('file', new Blob([DATASET]), 'dataset.jsonl');
    form.append('timestamp', String(timestamp));
    form.append('signature', signature);
    const res = await fetch(`${ft.url}/v1/user/${account.address}/dataset`, { method: 'POST', body: form });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: unknown };
    expect(body.error).toBe(`The dataset upload signature was not made by ${account.address}`);
  });

  it('drops every connection during a down outage and answers again after up', async () => {
    const control = async (body: object) => {
      const res = await fetch(`${manifest.simulator.controlUrl}/fine-tuning`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as { downUntil?: unknown } };
    };
    expect((await control({ action: 'down', ms: 0 })).status).toBe(400);
    try {
      const down = await control({ action: 'down', ms: 60_000 });
      expect(down.status).toBe(200);
      expect(Date.parse(String(down.body.downUntil))).toBeGreaterThan(Date.now());
      // A dead host, not an HTTP error: fetch itself rejects, for a plain GET and for the SDK's own calls.
      await expect(fetch(`${ft.url}/v1/task/pending`)).rejects.toThrow(TypeError);
      await expect(fineTuning().listTask(ft.address)).rejects.toThrow();
    } finally {
      const up = await control({ action: 'up' });
      expect(up.body.downUntil).toBeNull();
    }
    const res = await fetch(`${ft.url}/v1/task/pending`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^\d+$/);
  });

  it('shows the provider sentence through the SDK when a task is refused', async () => {
    const unknown = '0x' + '00'.repeat(32);
    await expect(fineTuning().createTask(ft.address, MODEL, unknown, path.join(dir, 'params.json'))).rejects.toThrow(
      `Failed to create task: Unknown dataset ${unknown}: upload it to this provider first`,
    );
  });
});
