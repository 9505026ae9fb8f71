import type { Wallet } from 'ethers';
import { keccak256 } from 'ethers';
import { FINE_TUNING } from '../catalogue.js';
import type { FineTuningChain } from './fine-tuning-chain.js';
import { revertReason } from './fine-tuning-chain.js';
import { encryptModel, encryptModelKey, newModelKey } from './fine-tuning-crypto.js';
import type { TaskRequest } from './fine-tuning-requests.js';
import { isTerminal, loraPlaintext, PROGRESS, trainingSteps, type Progress } from './fine-tuning-task.js';
import { HttpError } from './http.js';

/** One task as the simulated provider keeps it: the accepted request plus its run state. */
export interface SimTask extends TaskRequest {
  id: string;
  tokens: number;
  fee: bigint;
  createdAt: Date;
  updatedAt: Date;
  progress: Progress;
  log: string[];
  /** Set by the `fail-next` control action. */
  failAtTraining: boolean;
  deliverIndex?: number;
  modelKey?: Buffer;
  encrypted?: Buffer;
  modelRootHash?: string;
  /** A chain transaction for this task is in flight: the task cannot be cancelled meanwhile. */
  sending: boolean;
}

/** A control's `holdAt`: undefined leaves it, null clears it, otherwise a state of the happy path. */
export function holdOf(value: unknown): Progress | null | undefined {
  if (value === undefined || value === null) return value;
  if (typeof value === 'string' && (PROGRESS as readonly string[]).includes(value)) return value as Progress;
  throw new HttpError(400, `holdAt must be null or one of ${PROGRESS.join(', ')}`, 'invalid_hold');
}

/** The Task JSON the SDK reads (`getTask`, `listTask`), plus `outputRootHash` once delivered. */
export function taskView(t: SimTask): Record<string, unknown> {
  return {
    id: t.id,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    userAddress: t.userAddress,
    preTrainedModelHash: t.preTrainedModelHash,
    datasetHash: t.datasetHash,
    trainingParams: t.trainingParams,
    fee: t.fee.toString(),
    nonce: t.nonce,
    signature: t.signature,
    progress: t.progress,
    deliverIndex: t.deliverIndex === undefined ? undefined : String(t.deliverIndex),
    outputRootHash: t.modelRootHash,
    wait: t.wait,
  };
}

/**
 * Walks tasks through their states, one state per `stepMs`. One task trains at a time (one GPU):
 * later tasks wait in Init and count as pending; the slot frees once the model is delivered.
 */
export class TaskRunner {
  readonly tasks = new Map<string, SimTask>();
  stepMs: number;
  /** Tasks that reach this state stay in it until it is cleared (control `holdAt`): tests act mid-state without racing a timer. */
  holdAt: Progress | null = null;
  private readonly waiting: SimTask[] = [];
  private running: SimTask | null = null;
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly chain: FineTuningChain,
    private readonly teeKey: Wallet,
    stepMs: number,
  ) {
    this.stepMs = stepMs;
  }

  /** Tasks created but still waiting for the training slot. */
  pending(): number {
    return this.waiting.length;
  }

  submit(task: SimTask): void {
    this.tasks.set(task.id, task);
    this.note(task, `task created: ${task.tokens} dataset tokens, fee ${task.fee} neuron`);
    if (this.running) {
      this.waiting.push(task);
      this.note(task, `queued behind ${this.waiting.length} other task(s)`);
    } else {
      this.running = task;
      this.schedule(task);
    }
  }

  cancel(task: SimTask): void {
    this.move(task, 'Cancelled', 'cancelled by the user');
    this.release(task);
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private note(task: SimTask, message: string): void {
    task.log.push(`${new Date().toISOString()} [${task.progress}] ${message}`);
  }

  private move(task: SimTask, progress: Progress, message: string): void {
    task.progress = progress;
    task.updatedAt = new Date();
    this.note(task, message);
  }

  private release(task: SimTask): void {
    const i = this.waiting.indexOf(task);
    if (i >= 0) this.waiting.splice(i, 1);
    if (this.running !== task) return;
    this.running = this.waiting.shift() ?? null;
    if (this.running) this.schedule(this.running);
  }

  private schedule(task: SimTask): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.step(task);
    }, this.stepMs);
    this.timers.add(timer);
  }

  private async step(task: SimTask): Promise<void> {
    if (this.stopped || isTerminal(task.progress)) return;
    if (task.progress === this.holdAt) return this.schedule(task);
    try {
      await this.advance(task);
    } catch (e) {
      task.sending = false;
      this.move(task, 'Failed', `failed: ${revertReason(e)}`);
      this.release(task);
    }
    if (!isTerminal(task.progress)) this.schedule(task);
  }

  private async advance(task: SimTask): Promise<void> {
    const model = FINE_TUNING.models.find((m) => m.hash === task.preTrainedModelHash)?.name ?? task.preTrainedModelHash;
    switch (task.progress) {
      case 'Init':
        return this.move(task, 'SettingUp', `setting up the training container for ${model}`);
      case 'SettingUp':
        return this.move(task, 'SetUp', `dataset ${task.datasetHash} verified; base model weights loaded`);
      case 'SetUp':
        return this.move(task, 'Training', `training started with params ${task.trainingParams.replace(/\s+/g, ' ')}`);
      case 'Training':
        for (const line of trainingSteps(task.id)) this.note(task, line);
        if (task.failAtTraining)
          throw new Error('training crashed: simulated CUDA out of memory (control action fail-next)');
        return this.move(task, 'Trained', 'training finished; adapter saved');
      case 'Trained': {
        task.modelKey = newModelKey();
        task.encrypted = encryptModel(loraPlaintext(task), task.modelKey, this.teeKey.signingKey);
        task.modelRootHash = keccak256(task.encrypted);
        return this.move(
          task,
          'Delivering',
          `adapter encrypted (${task.encrypted.length} bytes, model root hash ${task.modelRootHash}); recording the deliverable on chain`,
        );
      }
      case 'Delivering': {
        task.sending = true;
        await this.chain.addDeliverable(task.userAddress, task.id, task.modelRootHash ?? '0x');
        task.sending = false;
        task.deliverIndex = [...this.tasks.values()].filter(
          (t) => t.userAddress === task.userAddress && t.deliverIndex !== undefined,
        ).length;
        this.move(
          task,
          'Delivered',
          'deliverable recorded on chain; waiting for the user to download and acknowledge it',
        );
        return this.release(task);
      }
      case 'Delivered': {
        const deliverable = await this.chain.deliverable(task.userAddress, task.id).catch(() => null);
        if (deliverable?.acknowledged)
          this.move(task, 'UserAcknowledged', 'the user acknowledged the deliverable on chain');
        return;
      }
      case 'UserAcknowledged':
        return this.settle(task);
      default:
        return;
    }
  }

  private async settle(task: SimTask): Promise<void> {
    const account = await this.chain.account(task.userAddress);
    if (!account) throw new Error('the user no longer has a sub-account with this provider');
    // The task nonce is what the user signed; the contract only needs it above the account's.
    const nonce = BigInt(task.nonce) > account.nonce ? BigInt(task.nonce) : account.nonce + 1n;
    task.sending = true;
    await this.chain.settle({
      id: task.id,
      encryptedSecret: encryptModelKey(task.modelKey ?? Buffer.alloc(0), task.userPublicKey),
      modelRootHash: task.modelRootHash ?? '0x',
      nonce,
      taskFee: task.fee,
      user: task.userAddress,
    });
    task.sending = false;
    this.move(task, 'Finished', `fees settled on chain: ${task.fee} neuron; the encrypted model key is published`);
  }
}
