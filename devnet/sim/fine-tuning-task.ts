import { keccak256, toUtf8Bytes } from 'ethers';
import { FINE_TUNING } from '../catalogue.js';
import { countTokens } from './reply.js';

/** The happy path a real fine-tuning broker walks, in order (PROTOCOL.md, "Fine-tuning"). */
export const PROGRESS = [
  'Init',
  'SettingUp',
  'SetUp',
  'Training',
  'Trained',
  'Delivering',
  'Delivered',
  'UserAcknowledged',
  'Finished',
] as const;

export type Progress = (typeof PROGRESS)[number] | 'Failed' | 'Cancelled';

const TERMINAL: ReadonlySet<Progress> = new Set(['Finished', 'Failed', 'Cancelled']);

/** The state after `p` on the happy path; null once a task has ended. */
export function nextProgress(p: Progress): Progress | null {
  if (TERMINAL.has(p)) return null;
  const i = PROGRESS.indexOf(p as (typeof PROGRESS)[number]);
  return PROGRESS[i + 1] ?? null;
}

/** Finished, Failed and Cancelled tasks never change again. */
export function isTerminal(p: Progress): boolean {
  return TERMINAL.has(p);
}

/** A user may cancel until the deliverable is on chain: after that the provider is owed its fee. */
export function canCancel(p: Progress): boolean {
  return !isTerminal(p) && PROGRESS.indexOf(p as (typeof PROGRESS)[number]) < PROGRESS.indexOf('Delivered');
}

/**
 * The dataset hash this provider answers for an upload: keccak256 of the file bytes, the same
 * hash the SDK uses to check a downloaded model, so one convention covers both directions.
 */
export function datasetHashOf(bytes: Uint8Array): string {
  return keccak256(bytes);
}

/**
 * Dataset tokens, counted like the simulated chat models count them (words and punctuation
 * marks); real brokers run the model's tokenizer, which the devnet does not ship.
 */
export function datasetTokens(bytes: Uint8Array): number {
  return countTokens(Buffer.from(bytes).toString('utf8'));
}

/** The task fee in neuron: price per token times dataset tokens. */
export function taskFee(tokens: number, pricePerToken: bigint = FINE_TUNING.pricePerToken): bigint {
  return BigInt(tokens) * pricePerToken;
}

/** Throws a plain sentence unless every non-empty line of the dataset is a JSON value. */
export function checkJsonl(bytes: Uint8Array): void {
  const lines = Buffer.from(bytes).toString('utf8').split('\n');
  let records = 0;
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      JSON.parse(line);
      records++;
    } catch {
      throw new Error(`The dataset must be JSONL: line ${i + 1} is not valid JSON`);
    }
  });
  if (records === 0) throw new Error('The dataset is empty: upload a JSONL file with at least one record');
}

/** The fields of a task the delivered adapter is derived from. */
export interface LoraSeed {
  id: string;
  userAddress: string;
  datasetHash: string;
  preTrainedModelHash: string;
  trainingParams: string;
}

const WEIGHT_ROWS = 64;

/**
 * The "LoRA adapter" the simulator delivers: deterministic text (a JSON header and rows of
 * pseudo-weights derived from the task), about 4.5 KB, so a test can predict the decrypted bytes.
 */
export function loraPlaintext(seed: LoraSeed): Buffer {
  const model = FINE_TUNING.models.find((m) => m.hash === seed.preTrainedModelHash);
  const header = {
    format: 'devnet-lora/1',
    simulated: true,
    task: seed.id,
    user: seed.userAddress,
    baseModel: model?.name ?? 'unknown',
    baseModelHash: seed.preTrainedModelHash,
    datasetHash: seed.datasetHash,
    trainingParams: seed.trainingParams,
    rank: 8,
    alpha: 16,
    targetModules: ['q_proj', 'v_proj'],
  };
  const rows: string[] = [];
  let h = keccak256(toUtf8Bytes(JSON.stringify(header)));
  for (let i = 0; i < WEIGHT_ROWS; i++) {
    h = keccak256(h);
    rows.push(h.slice(2));
  }
  return Buffer.from(`${JSON.stringify(header, null, 2)}\n--- weights ---\n${rows.join('\n')}\n`, 'utf8');
}

/** Training loss lines for the log: falling, deterministic per task. */
export function trainingSteps(id: string, steps = 4): string[] {
  const jitter = parseInt(keccak256(toUtf8Bytes(id)).slice(2, 6), 16) / 0xffff;
  return Array.from({ length: steps }, (_, i) => {
    const loss = (2.4 - 0.35 * i - 0.2 * jitter).toFixed(2);
    return `training step ${i + 1}/${steps} loss ${loss}`;
  });
}
