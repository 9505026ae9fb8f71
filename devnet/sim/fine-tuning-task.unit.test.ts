import { Wallet } from 'ethers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FINE_TUNING } from '../catalogue.js';
import type { FineTuningAccount, FineTuningChain, OnChainDeliverable, VerifierInput } from './fine-tuning-chain.js';
import { TaskRunner, taskView, type SimTask } from './fine-tuning-runner.js';
import {
  canCancel,
  checkJsonl,
  datasetHashOf,
  datasetTokens,
  isTerminal,
  loraPlaintext,
  nextProgress,
  PROGRESS,
  taskFee,
  type Progress,
} from './fine-tuning-task.js';

const randomWallet = (): Wallet => new Wallet(Wallet.createRandom().privateKey);
const BASE_MODEL = FINE_TUNING.models[0]?.hash ?? '';

describe('progress state machine', () => {
  it('walks Init to Finished in the documented order', () => {
    const seen: Progress[] = ['Init'];
    for (let p = nextProgress('Init'); p; p = nextProgress(p)) seen.push(p);
    expect(seen).toEqual([...PROGRESS]);
  });

  it('ends at Finished, Failed and Cancelled', () => {
    for (const p of ['Finished', 'Failed', 'Cancelled'] as const) {
      expect(isTerminal(p)).toBe(true);
      expect(nextProgress(p)).toBeNull();
      expect(canCancel(p)).toBe(false);
    }
  });

  it('allows cancelling only before the deliverable is on chain', () => {
    const cancellable = PROGRESS.filter(canCancel);
    expect(cancellable).toEqual(['Init', 'SettingUp', 'SetUp', 'Training', 'Trained', 'Delivering']);
  });
});

describe('datasets and fees', () => {
  const jsonl = Buffer.from('{"instruction":"Say hi","output":"Hi!"}\n{"instruction":"Add 2+2","output":"4"}\n');

  it('hashes with keccak256 and counts words and punctuation', () => {
    expect(datasetHashOf(jsonl)).toMatch(/^0x[0-9a-f]{64}$/);
    expect(datasetTokens(Buffer.from('{"a": "b c"}'))).toBe(10);
    expect(taskFee(10)).toBe(10n * FINE_TUNING.pricePerToken);
  });

  it('accepts JSONL and names the first bad line', () => {
    expect(() => checkJsonl(jsonl)).not.toThrow();
    expect(() => checkJsonl(Buffer.from('{"a":1}\nnot json\n'))).toThrow('line 2');
    expect(() => checkJsonl(Buffer.from('\n \n'))).toThrow('empty');
  });

  it('derives the same adapter bytes from the same task, different ones from another', () => {
    const seed = {
      id: 'a',
      userAddress: '0x0000000000000000000000000000000000000001',
      datasetHash: '0x01',
      preTrainedModelHash: BASE_MODEL,
      trainingParams: '{"num_train_epochs":1}',
    };
    const a = loraPlaintext(seed);
    expect(a.equals(loraPlaintext({ ...seed }))).toBe(true);
    expect(a.equals(loraPlaintext({ ...seed, id: 'b' }))).toBe(false);
    expect(a.length).toBeGreaterThan(4000);
    expect(a.toString()).toContain('Qwen2.5-0.5B-Instruct');
  });
});

/** A chain that records calls and lets the test play the user's acknowledgement. */
function fakeChain(opts: { rejectDeliverable?: string } = {}) {
  const calls: string[] = [];
  const settled: Omit<VerifierInput, 'signature'>[] = [];
  let acknowledged = false;
  const chain = {
    provider: '0x0000000000000000000000000000000000000002',
    account: async (): Promise<FineTuningAccount> => ({
      nonce: 5n,
      balance: 10n ** 18n,
      pendingRefund: 0n,
      acknowledged: true,
    }),
    deliverable: async (): Promise<OnChainDeliverable> => ({
      modelRootHash: '0x',
      encryptedSecret: '0x',
      acknowledged,
      settled: false,
    }),
    addDeliverable: async (_user: string, id: string) => {
      calls.push(`addDeliverable ${id}`);
      if (opts.rejectDeliverable) throw new Error(opts.rejectDeliverable);
    },
    settle: async (input: Omit<VerifierInput, 'signature'>) => {
      calls.push(`settle ${input.id}`);
      settled.push(input);
    },
  };
  return { chain: chain as unknown as FineTuningChain, calls, settled, acknowledge: () => (acknowledged = true) };
}

function newTask(id: string, overrides: Partial<SimTask> = {}): SimTask {
  const user = randomWallet();
  return {
    id,
    userAddress: user.address,
    datasetHash: '0x' + '11'.repeat(32),
    preTrainedModelHash: BASE_MODEL,
    trainingParams: '{}',
    nonce: '100',
    signature: '0x',
    wait: false,
    tokens: 3,
    fee: 3n,
    createdAt: new Date(),
    updatedAt: new Date(),
    progress: 'Init',
    log: [],
    userPublicKey: user.signingKey.publicKey,
    failAtTraining: false,
    sending: false,
    ...overrides,
  };
}

describe('TaskRunner', () => {
  afterEach(() => vi.useRealTimers());
  const tee = randomWallet();

  it('delivers, waits for the acknowledgement, then settles with a nonce above the account', async () => {
    vi.useFakeTimers();
    const fake = fakeChain();
    const runner = new TaskRunner(fake.chain, tee, 100);
    const task = newTask('t1');
    runner.submit(task);
    await vi.advanceTimersByTimeAsync(100 * 6);
    expect(task.progress).toBe('Delivered');
    expect(task.modelRootHash).toMatch(/^0x[0-9a-f]{64}$/);
    await vi.advanceTimersByTimeAsync(100 * 5);
    expect(task.progress).toBe('Delivered');
    fake.acknowledge();
    await vi.advanceTimersByTimeAsync(100 * 2);
    expect(task.progress).toBe('Finished');
    expect(fake.calls).toEqual(['addDeliverable t1', 'settle t1']);
    expect(fake.settled[0]).toMatchObject({ id: 't1', nonce: 100n, taskFee: 3n, user: task.userAddress });
    expect(fake.settled[0]?.encryptedSecret).toMatch(/^0x[0-9a-f]{200,}$/);
    expect(taskView(task)).toMatchObject({ progress: 'Finished', fee: '3', deliverIndex: '0' });
    const log = task.log.join('\n');
    for (const p of PROGRESS) expect(log).toContain(`[${p}]`);
    expect(log).toMatch(/training step 4\/4 loss \d\.\d\d/);
    runner.stop();
  });

  it('queues a second task until the first is delivered', async () => {
    vi.useFakeTimers();
    const runner = new TaskRunner(fakeChain().chain, tee, 100);
    const [a, b] = [newTask('a'), newTask('b')];
    runner.submit(a);
    runner.submit(b);
    expect(runner.pending()).toBe(1);
    await vi.advanceTimersByTimeAsync(100 * 3);
    expect(b.progress).toBe('Init');
    await vi.advanceTimersByTimeAsync(100 * 3);
    expect(a.progress).toBe('Delivered');
    expect(runner.pending()).toBe(0);
    await vi.advanceTimersByTimeAsync(100);
    expect(b.progress).toBe('SettingUp');
    runner.stop();
  });

  it('fails at Training when told to, and cancels a queued task', async () => {
    vi.useFakeTimers();
    const fake = fakeChain();
    const runner = new TaskRunner(fake.chain, tee, 100);
    const [a, b] = [newTask('a', { failAtTraining: true }), newTask('b')];
    runner.submit(a);
    runner.submit(b);
    runner.cancel(b);
    expect(runner.pending()).toBe(0);
    await vi.advanceTimersByTimeAsync(100 * 8);
    expect(a.progress).toBe('Failed');
    expect(a.log.at(-1)).toMatch(/\[Failed\] failed: training crashed/);
    expect(b.progress).toBe('Cancelled');
    expect(fake.calls).toEqual([]);
    runner.stop();
  });

  it('fails with the revert reason when the deliverable cannot be recorded', async () => {
    vi.useFakeTimers();
    const runner = new TaskRunner(
      fakeChain({ rejectDeliverable: 'PreviousDeliverableNotAcknowledged(x)' }).chain,
      tee,
      50,
    );
    const task = newTask('t');
    runner.submit(task);
    await vi.advanceTimersByTimeAsync(50 * 8);
    expect(task.progress).toBe('Failed');
    expect(task.log.at(-1)).toContain('PreviousDeliverableNotAcknowledged(x)');
    runner.stop();
  });
});
