import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProviderHttpError } from '../errors';
import {
  deliverablePoll,
  hashVerdict,
  isOutage,
  keyPublished,
  noteSeen,
  signerVerdict,
  startPolling,
  timelineSteps,
  type TaskRead,
} from './monitor';
import { stateTimes, type FtTask } from './task';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const statuses = (progress: string, seen: Record<string, number>) =>
  timelineSteps(stateTimes('', seen, T0 + 60_000), progress).map((s) => `${s.state}:${s.status}`);

describe('timelineSteps', () => {
  it('marks the states before the current one done, the current one current, the rest waiting', () => {
    const rows = statuses('Training', { Init: T0, Training: T0 + 10_000 });
    expect(rows.slice(0, 5)).toEqual([
      'Init:done',
      'SettingUp:done',
      'SetUp:done',
      'Training:current',
      'Trained:waiting',
    ]);
    expect(rows.at(-1)).toBe('Finished:waiting');
  });

  it('shows a finished task as all done, with the time spent in each state', () => {
    const steps = timelineSteps(stateTimes('', { Init: T0, Training: T0 + 5000, Finished: T0 + 9000 }, T0), 'Finished');
    expect(steps.every((s) => s.status === 'done')).toBe(true);
    expect(steps.find((s) => s.state === 'Training')?.ms).toBe(4000);
    expect(steps.find((s) => s.state === 'Init')?.label).toBe('Waiting for a training slot');
  });

  it('ends a failed or cancelled task with that state, even before a time for it is known', () => {
    expect(statuses('Failed', { Init: T0, Training: T0 + 1000 }).slice(-2)).toEqual([
      'Finished:waiting',
      'Failed:failed',
    ]);
    const cancelled = statuses('Cancelled', { Init: T0, Cancelled: T0 + 1000 });
    expect(cancelled.at(-1)).toBe('Cancelled:cancelled');
    expect(cancelled).not.toContain('Init:current');
    expect(cancelled).toContain('SetUp:waiting');
  });

  it('marks nothing current for a state the app does not know', () => {
    expect(statuses('Paused', { Init: T0 }).filter((s) => s.endsWith(':current'))).toEqual([]);
  });
});

describe('noteSeen', () => {
  it('records the first time a state is seen, once', () => {
    const first = noteSeen(null, '0xP', 'Init', 5);
    expect(first).toEqual({ provider: '0xP', seen: { Init: 5 } });
    const second = noteSeen(first, '0xP', 'Training', 9);
    expect(second?.seen).toEqual({ Init: 5, Training: 9 });
    expect(noteSeen(second, '0xP', 'Init', 99)).toBeNull();
  });

  it('keeps the download check and ignores unknown state names', () => {
    const download = { fileName: 'f.enc', bytes: 3, hash: '0x01', matches: true, checkedAt: 1 };
    expect(noteSeen({ provider: '0xP', seen: {}, download }, '0xP', 'Delivered', 2)?.download).toBe(download);
    expect(noteSeen(null, '0xP', '<script>', 1)).toBeNull();
  });
});

describe('hash check and deliverable', () => {
  const h = `0x${'ab'.repeat(32)}` as const;
  it('compares the file hash with the root hash, case-insensitively', () => {
    expect(hashVerdict(h, h.toUpperCase().replace('0X', '0x') as `0x${string}`)).toBe('match');
    expect(hashVerdict(h, `0x${'cd'.repeat(32)}`)).toBe('mismatch');
  });

  it("says whether the file's tags are signed by the provider's TEE signer", () => {
    const tee = '0x00000000000000000000000000000000000000A1' as const;
    expect(signerVerdict(true, '0x00000000000000000000000000000000000000a1', tee)).toBe('match');
    expect(signerVerdict(true, '0x00000000000000000000000000000000000000b2', tee)).toBe('mismatch');
    expect(signerVerdict(true, null, tee)).toBe('mismatch');
    expect(signerVerdict(true, undefined, tee)).toBe('pending');
    expect(signerVerdict(false, undefined, tee)).toBe('unsigned');
    expect(signerVerdict(undefined, undefined, tee)).toBe('unknown');
  });

  it('cannot check without a root, or with an all-zero one', () => {
    expect(hashVerdict(h, null)).toBe('no-root');
    expect(hashVerdict(h, `0x${'00'.repeat(32)}`)).toBe('no-root');
    expect(hashVerdict(h, '0x')).toBe('no-root');
  });

  it('polls the deliverable while its hash or its key is awaited', () => {
    const d = { modelRootHash: h, acknowledged: false, encryptedSecret: '0x' as const };
    expect(deliverablePoll(null)).toBe(5000);
    expect(deliverablePoll({ ...d, modelRootHash: '0x00' })).toBe(5000);
    expect(deliverablePoll(d)).toBe(false);
    expect(deliverablePoll({ ...d, acknowledged: true })).toBe(5000);
    expect(keyPublished({ ...d, acknowledged: true })).toBe(false);
    expect(deliverablePoll({ ...d, acknowledged: true, encryptedSecret: '0x1234' })).toBe(false);
    expect(keyPublished({ ...d, acknowledged: true, encryptedSecret: '0x1234' })).toBe(true);
  });
});

describe('isOutage', () => {
  it('counts no answer and 5xx as an outage, a refusal not', () => {
    expect(isOutage(new ProviderHttpError('unreachable', 'x'))).toBe(true);
    expect(isOutage(new ProviderHttpError('refused', 'x', { status: 502 }))).toBe(true);
    expect(isOutage(new ProviderHttpError('refused', 'x', { status: 404 }))).toBe(false);
    expect(isOutage(new ProviderHttpError('malformed', 'x'))).toBe(false);
  });
});

const task = (progress: string) => ({ id: 'abc', progress }) as FtTask;
const answer = (progress: string): TaskRead => ({ task: task(progress), log: `log ${progress}` });
const down = () => new ProviderHttpError('unreachable', 'The provider could not be reached.');

describe('startPolling', () => {
  beforeEach(() => vi.useFakeTimers({ now: T0 }));
  afterEach(() => vi.useRealTimers());

  it('reads every 2 s and stops after the read that sees a final state', async () => {
    const states = ['Init', 'Training', 'Finished'];
    const read = vi.fn(async () => answer(states.shift() ?? 'Never'));
    const onRead = vi.fn();
    startPolling({ read, onRead, onFailure: vi.fn() });
    await vi.advanceTimersByTimeAsync(0);
    expect(read).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1999);
    expect(read).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(read).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(onRead.mock.calls.map(([r]) => (r as TaskRead).task.progress)).toEqual(['Init', 'Training', 'Finished']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(read).toHaveBeenCalledTimes(3);
  });

  it('backs off while the provider is down, reports since when, and resumes by itself', async () => {
    let up = false;
    const read = vi.fn(async () => {
      if (!up) throw down();
      return answer('Training');
    });
    const onFailure = vi.fn();
    const onRead = vi.fn();
    startPolling({ read, onRead, onFailure });
    // Reads at 0, 4 s (2 s × 2), 12 s (+8 s): the waits double.
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(3999);
    expect(read).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(read).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(8000);
    expect(read).toHaveBeenCalledTimes(3);
    expect(onFailure.mock.calls.map(([, n, since]) => [n, since])).toEqual([
      [1, T0],
      [2, T0],
      [3, T0],
    ]);
    up = true;
    await vi.advanceTimersByTimeAsync(16_000);
    expect(onRead).toHaveBeenCalledTimes(1);
    // Back to the 2 s pace once it answers again.
    await vi.advanceTimersByTimeAsync(2000);
    expect(onRead).toHaveBeenCalledTimes(2);
  });

  it('treats a refusal as an answer: slower retries, but no outage', async () => {
    const onFailure = vi.fn();
    startPolling({
      read: async () => {
        throw new ProviderHttpError('refused', 'The provider refused: task not found.', { status: 404 });
      },
      onRead: vi.fn(),
      onFailure,
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(onFailure).toHaveBeenCalledWith(expect.any(ProviderHttpError), 1, null);
  });

  it('never overlaps reads, and aborts one that hangs as an outage', async () => {
    const signals: AbortSignal[] = [];
    const read = vi.fn(
      (signal: AbortSignal) =>
        new Promise<TaskRead>((_, reject) => {
          signals.push(signal);
          signal.addEventListener('abort', () => reject(new ProviderHttpError('cancelled', 'stopped')));
        }),
    );
    const onFailure = vi.fn();
    startPolling({ read, onRead: vi.fn(), onFailure, timeoutMs: 10_000 });
    await vi.advanceTimersByTimeAsync(9999);
    expect(read).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(signals[0]?.aborted).toBe(true);
    expect(onFailure).toHaveBeenCalledWith(expect.any(ProviderHttpError), 1, T0 + 10_000);
  });

  it('stops when told: aborts the read in flight and reports nothing more', async () => {
    let signal: AbortSignal | undefined;
    const read = vi.fn((s: AbortSignal) => {
      signal = s;
      return new Promise<TaskRead>((_, reject) => s.addEventListener('abort', () => reject(down())));
    });
    const onFailure = vi.fn();
    const stop = startPolling({ read, onRead: vi.fn(), onFailure });
    await vi.advanceTimersByTimeAsync(0);
    stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(signal?.aborted).toBe(true);
    expect(onFailure).not.toHaveBeenCalled();
    expect(read).toHaveBeenCalledTimes(1);
  });
});
