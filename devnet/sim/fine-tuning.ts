import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getAddress, isAddress, ZeroAddress, type Contract, type Wallet } from 'ethers';
import { FINE_TUNING } from '../catalogue.js';
import { verifyCancel, verifyDatasetUpload, verifyLoraDownload } from './fine-tuning-auth.js';
import { checkAccount, customizedModel, parseTaskRequest, usagePackage } from './fine-tuning-requests.js';
import { FineTuningChain } from './fine-tuning-chain.js';
import { FineTuningOutage } from './fine-tuning-outage.js';
import { holdOf, TaskRunner, taskView, type SimTask } from './fine-tuning-runner.js';
import { canCancel, checkJsonl, datasetHashOf, datasetTokens, isTerminal, taskFee } from './fine-tuning-task.js';
import { HttpError, parseJson, parseMultipart, readBody, sendJson, sendText } from './http.js';
import { attestationReport } from './quote.js';
import type { SubService } from './server.js';

export { loraPlaintext } from './fine-tuning-task.js';

export interface FineTuningOptions {
  /** FineTuningServing (abi from artifacts.fineTuning) connected to the provider's Wallet. */
  contract: Contract;
  /** The provider's address (the contract's `provider`). */
  providerAddress: string;
  /** The TEE signer registered on chain and acknowledged by the owner. */
  teeKey: Wallet;
  chainId: bigint;
  /** The service URL registered on chain, e.g. http://127.0.0.1:8600/finetune. */
  url: string;
  /** Time spent in each progress state. */
  stepMs: number;
}

export type FineTuningProvider = SubService & {
  stop(): void;
  control: (body: Record<string, unknown>) => Promise<unknown>;
};

/** Large enough for the SDK's default 100 MB upload limit. */
const MAX_DATASET_BYTES = 100 * 1024 * 1024;

interface Dataset {
  bytes: Buffer;
  tokens: number;
}

function userFrom(raw: string): string {
  const user = decodeURIComponent(raw);
  if (!isAddress(user)) throw new HttpError(400, `"${user}" is not an address`, 'invalid_address');
  return user;
}

const CONTROL_ACTIONS = ['fail-next', 'down', 'up', 'state'] as const;

function stepOf(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 1 || value > 600_000) {
    throw new HttpError(400, 'stepMs must be 1..600000', 'invalid_step');
  }
  return value;
}

const nowS = (): number => Math.floor(Date.now() / 1000);

/**
 * The simulated fine-tuning provider (a TEE broker in real life): the HTTP API the SDK 0.7.4
 * calls under the registered service URL, a timer-driven training pipeline, and the provider's
 * chain side (addDeliverable, then settleFees with the encrypted model key once acknowledged).
 */
export function createFineTuningProvider(opts: FineTuningOptions): FineTuningProvider {
  const chain = new FineTuningChain(opts.contract, opts.providerAddress, opts.teeKey, opts.chainId);
  const runner = new TaskRunner(chain, opts.teeKey, opts.stepMs);
  const datasets = new Map<string, Map<string, Dataset>>();
  const outage = new FineTuningOutage();
  let failNext = false;

  function ownTask(user: string, id: string): SimTask {
    const task = runner.tasks.get(decodeURIComponent(id));
    if (!task || task.userAddress !== getAddress(user)) {
      throw new HttpError(404, `No task ${id} for this user`, 'not_found');
    }
    return task;
  }

  async function uploadDataset(req: IncomingMessage, res: ServerResponse, user: string): Promise<void> {
    const form = await parseMultipart(req, await readBody(req, MAX_DATASET_BYTES));
    verifyDatasetUpload(user, form.get('timestamp'), form.get('signature'), nowS());
    const file = form.get('file');
    if (!(file instanceof Blob)) throw new HttpError(400, 'The upload has no "file" part', 'missing_file');
    const bytes = Buffer.from(await file.arrayBuffer());
    try {
      checkJsonl(bytes);
    } catch (e) {
      throw new HttpError(400, (e as Error).message, 'invalid_dataset');
    }
    const datasetHash = datasetHashOf(bytes);
    const key = getAddress(user);
    const own = datasets.get(key) ?? new Map<string, Dataset>();
    own.set(datasetHash, { bytes, tokens: datasetTokens(bytes) });
    datasets.set(key, own);
    sendJson(res, 200, { datasetHash, message: `Dataset received: ${bytes.length} bytes` });
  }

  async function createTask(req: IncomingMessage, res: ServerResponse, user: string): Promise<void> {
    const request = parseTaskRequest(parseJson<Record<string, unknown>>(await readBody(req, 1024 * 1024)), user);
    const dataset = datasets.get(request.userAddress)?.get(request.datasetHash);
    if (!dataset) {
      throw new HttpError(
        404,
        `Unknown dataset ${request.datasetHash}: upload it to this provider first`,
        'unknown_dataset',
      );
    }
    const active = [...runner.tasks.values()].find(
      (t) => t.userAddress === request.userAddress && !isTerminal(t.progress),
    );
    if (active) {
      // The contract refuses a new deliverable while the previous one is unacknowledged: one task at a time.
      throw new HttpError(
        409,
        `You already have an unfinished task (${active.id}, ${active.progress}): wait for it, acknowledge it or cancel it first`,
        'task_active',
      );
    }
    const fee = taskFee(dataset.tokens);
    checkAccount(await chain.account(request.userAddress), fee);
    const now = new Date();
    const task: SimTask = {
      ...request,
      id: randomUUID(),
      tokens: dataset.tokens,
      fee,
      createdAt: now,
      updatedAt: now,
      progress: 'Init',
      log: [],
      failAtTraining: failNext,
      sending: false,
    };
    failNext = false;
    runner.submit(task);
    sendJson(res, 200, { id: task.id });
  }

  async function cancelTask(req: IncomingMessage, res: ServerResponse, user: string, task: SimTask): Promise<void> {
    const body = parseJson<{ signature?: unknown }>(await readBody(req, 64 * 1024));
    verifyCancel(user, task.id, body.signature);
    if (!canCancel(task.progress) || task.sending) {
      throw new HttpError(409, `The task can no longer be cancelled: it is ${task.progress}`, 'not_cancellable');
    }
    runner.cancel(task);
    sendJson(res, 200, { id: task.id, progress: task.progress, message: 'Task cancelled' });
  }

  async function downloadLora(req: IncomingMessage, res: ServerResponse, user: string, task: SimTask): Promise<void> {
    const body = parseJson<{ signature?: unknown; timestamp?: unknown }>(await readBody(req, 64 * 1024));
    verifyLoraDownload(user, task.id, body.timestamp, body.signature, nowS());
    if (!task.encrypted || !['Delivered', 'UserAcknowledged', 'Finished'].includes(task.progress)) {
      throw new HttpError(409, `The model is not delivered yet: the task is ${task.progress}`, 'not_delivered');
    }
    sendText(res, 200, task.encrypted, 'application/octet-stream');
  }

  async function route(req: IncomingMessage, res: ServerResponse, rawPath: string): Promise<void> {
    const method = req.method ?? 'GET';
    const url = new URL(rawPath, 'http://local');
    const path = url.pathname.replace(/\/+$/, '');
    if (method === 'GET' && path === '/v1/model') {
      return void sendJson(res, 200, FINE_TUNING.models.map(customizedModel));
    }
    const model = path.match(/^\/v1\/model\/(desc\/)?([^/]+)$/);
    if (method === 'GET' && model) {
      const found = FINE_TUNING.models.find((m) => m.name === decodeURIComponent(model[2] ?? ''));
      if (!found) throw new HttpError(404, `Unknown model "${decodeURIComponent(model[2] ?? '')}"`, 'not_found');
      if (model[1]) return void sendText(res, 200, usagePackage(found), 'application/zip');
      return void sendJson(res, 200, customizedModel(found));
    }
    if (method === 'GET' && path === '/v1/quote') {
      return void sendText(
        res,
        200,
        attestationReport(opts.teeKey.address, 'fine-tuning', 'good', ZeroAddress),
        'application/json',
      );
    }
    if (method === 'GET' && path === '/v1/task/pending') return void sendText(res, 200, String(runner.pending()));
    const m = path.match(/^\/v1\/user\/([^/]+)\/(dataset|task)(?:\/([^/]+)(?:\/(log|cancel|lora))?)?$/);
    if (!m) throw new HttpError(404, `No route ${method} ${path}`, 'not_found');
    const [, rawUser = '', kind, id, action] = m;
    const user = userFrom(rawUser);
    if (kind === 'dataset' && !id && method === 'POST') return uploadDataset(req, res, user);
    if (kind === 'task' && !id && method === 'POST') return createTask(req, res, user);
    if (kind === 'task' && !id && method === 'GET') {
      const own = [...runner.tasks.values()].filter((t) => t.userAddress === getAddress(user)).reverse();
      const latest = url.searchParams.get('latest') === 'true';
      return void sendJson(res, 200, (latest ? own.slice(0, 1) : own).map(taskView));
    }
    if (kind === 'task' && id) {
      const task = ownTask(user, id);
      if (!action && method === 'GET') return void sendJson(res, 200, taskView(task));
      if (action === 'log' && method === 'GET') return void sendText(res, 200, task.log.join('\n') + '\n');
      if (action === 'cancel' && method === 'POST') return cancelTask(req, res, user, task);
      if (action === 'lora' && method === 'POST') return downloadLora(req, res, user, task);
    }
    throw new HttpError(404, `No route ${method} ${path}`, 'not_found');
  }

  return {
    async handle(req, res, path) {
      // A dead host answers nothing: the client sees its connection drop, not an HTTP error.
      if (outage.isDown()) return void req.socket.destroy();
      try {
        await route(req, res, path);
      } catch (e) {
        // The SDK shows `error` of a failed response as the message, so answer a plain sentence there.
        if (!(e instanceof HttpError)) throw e;
        if (res.headersSent) res.destroy();
        else sendJson(res, e.status, { error: e.message, code: e.code }, e.headers);
      }
    },
    stop: () => runner.stop(),
    async control(body) {
      const { action } = body;
      if (action !== undefined && !CONTROL_ACTIONS.some((a) => a === action)) {
        throw new HttpError(
          400,
          `Unknown fine-tuning action "${String(action)}": use ${CONTROL_ACTIONS.join(', ')}`,
          'invalid_action',
        );
      }
      // Everything is checked before anything changes, so a refused call leaves the provider as it was.
      const stepMs = stepOf(body.stepMs);
      const holdAt = holdOf(body.holdAt);
      if (action === 'down') outage.down(body.ms);
      else if (action === 'up') outage.up();
      else if (action === 'fail-next') failNext = true;
      if (stepMs !== undefined) runner.stepMs = stepMs;
      if (holdAt !== undefined) runner.holdAt = holdAt;
      return {
        stepMs: runner.stepMs,
        holdAt: runner.holdAt,
        failNext,
        downUntil: outage.downUntil(),
        pending: runner.pending(),
        tasks: [...runner.tasks.values()].map((t) => ({ id: t.id, user: t.userAddress, progress: t.progress })),
      };
    },
  };
}
