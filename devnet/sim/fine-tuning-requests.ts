import { getAddress, isAddress } from 'ethers';
import { FINE_TUNING } from '../catalogue.js';
import { verifyTaskRequest } from './fine-tuning-auth.js';
import type { FineTuningAccount } from './fine-tuning-chain.js';
import { storedZip } from './fine-tuning-zip.js';
import { HttpError } from './http.js';

/** The SDK's `CustomizedModel`, as `GET /v1/model` lists it. */
export function customizedModel(m: (typeof FINE_TUNING.models)[number]): Record<string, string> {
  return {
    name: m.name,
    hash: m.hash,
    image: 'simulated/0g-fine-tuning:devnet',
    dataType: 'text',
    trainingScript: '/app/train_lora.py',
    description: m.description,
    tokenizer: `Qwen/${m.name}`,
  };
}

/** `GET /v1/model/desc/{name}`: a zip with a README, an example dataset and example training parameters. */
export function usagePackage(m: (typeof FINE_TUNING.models)[number]): Buffer {
  const readme = [
    `# ${m.name} (devnet simulation)`,
    '',
    m.description,
    '',
    '- Dataset: JSONL, one JSON object per line (see dataset.example.jsonl).',
    '- Training parameters: a JSON object (see training_params.example.json).',
    '- The fee is the price per token times the dataset tokens (words and punctuation marks on the devnet).',
    '- The delivered adapter is simulated: deterministic text, not real LoRA weights.',
    '',
  ].join('\n');
  const example = [
    { instruction: 'Summarise: 0G is a modular AI chain.', input: '', output: '0G is an AI-focused blockchain.' },
    { instruction: 'Reply politely.', input: 'Thanks!', output: 'You are welcome.' },
  ];
  const params = { num_train_epochs: 1, per_device_train_batch_size: 2, learning_rate: 0.0002, max_steps: 3 };
  return storedZip([
    { name: 'README.md', data: Buffer.from(readme) },
    { name: 'dataset.example.jsonl', data: Buffer.from(example.map((r) => JSON.stringify(r)).join('\n') + '\n') },
    { name: 'training_params.example.json', data: Buffer.from(JSON.stringify(params, null, 2) + '\n') },
  ]);
}

/** A `POST /v1/user/{user}/task` body that passed every check that needs no chain or stored state. */
export interface TaskRequest {
  userAddress: string;
  datasetHash: string;
  preTrainedModelHash: string;
  trainingParams: string;
  nonce: string;
  signature: string;
  wait: boolean;
  /** Recovered from the signature: the model key is encrypted to it. */
  userPublicKey: string;
}

function isJsonObject(text: unknown): boolean {
  if (typeof text !== 'string') return false;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  } catch {
    return false;
  }
}

/** Validates a task body against the URL's user; throws HttpError with a plain sentence. */
export function parseTaskRequest(body: Record<string, unknown>, user: string): TaskRequest {
  const { userAddress, datasetHash, preTrainedModelHash, trainingParams, nonce, signature } = body;
  if (typeof userAddress !== 'string' || !isAddress(userAddress) || getAddress(userAddress) !== getAddress(user)) {
    throw new HttpError(400, 'userAddress must be the address in the URL', 'invalid_user');
  }
  if (typeof nonce !== 'string' || !/^\d{1,30}$/.test(nonce)) {
    throw new HttpError(400, 'nonce must be a decimal integer string', 'invalid_nonce');
  }
  if (typeof datasetHash !== 'string' || datasetHash === '') {
    throw new HttpError(400, 'datasetHash is required', 'invalid_dataset');
  }
  const userPublicKey = verifyTaskRequest(user, nonce, datasetHash, signature);
  const model = FINE_TUNING.models.find((m) => m.hash === preTrainedModelHash);
  if (!model) {
    const names = FINE_TUNING.models.map((m) => m.name).join(', ');
    throw new HttpError(
      400,
      `Unknown pre-trained model hash ${String(preTrainedModelHash)}; this provider trains: ${names}`,
      'unknown_model',
    );
  }
  if (!isJsonObject(trainingParams)) {
    throw new HttpError(400, 'trainingParams must be a JSON object, sent as a string', 'invalid_params');
  }
  return {
    userAddress: getAddress(userAddress),
    datasetHash,
    preTrainedModelHash: model.hash,
    trainingParams: trainingParams as string,
    nonce,
    signature: signature as string,
    wait: body.wait === true,
    userPublicKey,
  };
}

/** The sub-account must exist, trust this TEE signer (or settleFees reverts) and cover the fee. */
export function checkAccount(account: FineTuningAccount | null, fee: bigint): void {
  if (!account) {
    throw new HttpError(
      403,
      "No fine-tuning sub-account with this provider: transfer funds to it first (ledger transferFund with 'fine-tuning')",
      'account_not_found',
    );
  }
  if (!account.acknowledged) {
    throw new HttpError(
      403,
      "Acknowledge this provider's TEE signer first (acknowledgeProviderSigner): the fee cannot be settled without it",
      'not_acknowledged',
    );
  }
  const available = account.balance - account.pendingRefund;
  if (available < fee) {
    throw new HttpError(
      402,
      `The task costs ${fee} neuron but the sub-account holds ${available} neuron: transfer more funds to it`,
      'insufficient_balance',
    );
  }
}
