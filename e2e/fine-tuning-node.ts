import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { artifacts } from '../devnet/contracts';
import type { Manifest } from '../devnet/manifest';
import { loraPlaintext, type LoraSeed } from '../devnet/sim/fine-tuning-task';

// The SDK's ESM bundle breaks in Node (form-data's browser stub) and builds a fine-tuning broker only for
// `instanceof Wallet` of the ethers it loads itself: its CommonJS build and CommonJS ethers, as the devnet test does.
const require = createRequire(import.meta.url);
const { createZGComputeNetworkBroker } =
  require('@0glabs/0g-serving-broker') as typeof import('@0glabs/0g-serving-broker');
const { Contract, JsonRpcProvider, Wallet } = require('ethers') as typeof import('ethers');

type BrokerSigner = Parameters<typeof createZGComputeNetworkBroker>[0];

/** What `POST /_control/fine-tuning` takes (README, "Control endpoint"). */
export interface FineTuningControl {
  action?: 'fail-next' | 'down' | 'up' | 'state';
  /** Time per progress state from now on, 1..600000. */
  stepMs?: number;
  /** With `down`: how long the provider stays unreachable, 1..600000. */
  ms?: number;
  /** Tasks that reach this state stay there until it is set to null. */
  holdAt?: string | null;
}

/** The simulated fine-tuning provider's state, as its control answers it. */
export interface FineTuningState {
  stepMs: number;
  holdAt: string | null;
  failNext: boolean;
  /** ISO time the running outage ends, or null. */
  downUntil: string | null;
  pending: number;
  tasks: { id: string; user: string; progress: string }[];
}

/** A task's deliverable as the FineTuningServing contract holds it. */
export interface OnChainDeliverable {
  modelRootHash: string;
  acknowledged: boolean;
  settled: boolean;
  encryptedSecret: string;
}

function rpcFor(manifest: Manifest): InstanceType<typeof JsonRpcProvider> {
  return new JsonRpcProvider(manifest.rpcUrl, manifest.chainId, { staticNetwork: true, cacheTimeout: -1 });
}

let silenced = 0;
let consoleLog: typeof console.log = console.log;

/** Runs `fn` with console.log muted: the SDK logs every URL it fetches and every transaction it sends. */
async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  if (silenced++ === 0) {
    consoleLog = console.log;
    console.log = () => undefined;
  }
  try {
    return await fn();
  } finally {
    if (--silenced === 0) console.log = consoleLog;
  }
}

/**
 * Decrypts a delivered model the way a user's own machine would: the real SDK's `decryptModel` with the
 * user's key (it reads the encrypted secret from chain, so the task must be acknowledged and settled).
 */
export async function decryptWithSdk(opts: {
  manifest: Manifest;
  privateKey: string;
  taskId: string;
  encrypted: Buffer;
}): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'e2e-ft-decrypt-'));
  const rpc = rpcFor(opts.manifest);
  try {
    const encPath = path.join(dir, 'model.enc');
    const decPath = path.join(dir, 'model.dec');
    await writeFile(encPath, opts.encrypted);
    // The SDK's typings name CommonJS ethers' Wallet, TypeScript gives ours the ESM typings: same class at run time.
    const wallet = new Wallet(opts.privateKey, rpc) as unknown as BrokerSigner;
    await quietly(async () => {
      const broker = await createZGComputeNetworkBroker(wallet);
      if (!broker.fineTuning) throw new Error('The SDK built no fine-tuning broker for a Wallet signer');
      await broker.fineTuning.decryptModel(opts.manifest.fineTuning.address, opts.taskId, encPath, decPath);
    });
    return await readFile(decPath);
  } finally {
    rpc.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The adapter bytes the simulator delivers for a task (id, user, dataset, model and parameters decide them). */
export function expectedPlaintext(task: LoraSeed): Buffer {
  return loraPlaintext(task);
}

/** Reads `getDeliverable(user, provider, id)` from the FineTuningServing contract; throws if there is none. */
export async function onChainDeliverable(manifest: Manifest, user: string, id: string): Promise<OnChainDeliverable> {
  const rpc = rpcFor(manifest);
  try {
    const contract = new Contract(manifest.contracts.fineTuning, artifacts.fineTuning.abi, rpc);
    const d = (await contract.getFunction('getDeliverable')(user, manifest.fineTuning.address, id)) as Record<
      string,
      unknown
    >;
    const { modelRootHash, acknowledged, settled, encryptedSecret } = d;
    if (
      typeof modelRootHash !== 'string' ||
      typeof acknowledged !== 'boolean' ||
      typeof settled !== 'boolean' ||
      typeof encryptedSecret !== 'string'
    ) {
      throw new Error(`getDeliverable answered an unexpected shape for task ${id}`);
    }
    return { modelRootHash, acknowledged, settled, encryptedSecret };
  } finally {
    rpc.destroy();
  }
}

/** POSTs `/_control/fine-tuning` and returns the provider's state; throws with the simulator's answer when refused. */
export async function setFineTuning(manifest: Manifest, body: FineTuningControl): Promise<FineTuningState> {
  const res = await fetch(`${manifest.simulator.controlUrl}/fine-tuning`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`devnet control fine-tuning answered ${res.status}: ${await res.text()}`);
  const state = (await res.json()) as FineTuningState;
  if (typeof state.stepMs !== 'number' || !Array.isArray(state.tasks)) {
    throw new Error('devnet control fine-tuning answered an unexpected shape');
  }
  return state;
}
