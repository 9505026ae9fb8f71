import { describe, expect, it } from 'vitest';
import { ProviderHttpError } from '../errors';
import {
  canCancel,
  deliveredOrLater,
  isKnownProgress,
  isTaskId,
  isTerminal,
  parseTask,
  progressLabel,
  PROGRESS,
  stateTimes,
} from './task';

describe('task progress', () => {
  it('knows which states end a task and which can still be cancelled', () => {
    expect(PROGRESS.filter(isTerminal)).toEqual(['Finished']);
    expect(isTerminal('Failed') && isTerminal('Cancelled')).toBe(true);
    expect(PROGRESS.filter(canCancel)).toEqual(['Init', 'SettingUp', 'SetUp', 'Training', 'Trained', 'Delivering']);
    expect(canCancel('Failed') || canCancel('Cancelled') || canCancel('Whatever')).toBe(false);
    expect(PROGRESS.filter(deliveredOrLater)).toEqual(['Delivered', 'UserAcknowledged', 'Finished']);
    expect(deliveredOrLater('Failed')).toBe(false);
  });

  it('labels every state and shows an unknown one as text', () => {
    expect(progressLabel('Training')).toBe('Training the model');
    const labels = [...PROGRESS, 'Failed', 'Cancelled'].map(progressLabel);
    expect(new Set(labels).size).toBe(labels.length);
    expect(isKnownProgress('<b>x</b>')).toBe(false);
    expect(progressLabel('<b>x</b>')).toBe('Provider state: <b>x</b>');
  });
});

const t0 = Date.parse('2025-01-01T00:00:00.000Z');
const at = (s: number) => new Date(t0 + s * 1000).toISOString();

describe('stateTimes', () => {
  it('times each state from its first log line and runs the current one until now', () => {
    const log = [
      `${at(0)} [Init] task created: 12 dataset tokens`,
      `${at(0)} [Init] queued behind 1 other task(s)`,
      `${at(30)} [SettingUp] setting up`,
      `${at(40)} [SetUp] dataset verified`,
      `${at(45)} [Training] training started`,
      `${at(50)} [Training] training step 1/4 loss 2.31`,
      'not a log line [Trained] at all',
    ].join('\n');
    const times = stateTimes(log, {}, t0 + 100_000);
    expect(times.map((x) => x.state)).toEqual([...PROGRESS]);
    expect(times.slice(0, 5)).toEqual([
      { state: 'Init', startedAt: t0, ms: 30_000 },
      { state: 'SettingUp', startedAt: t0 + 30_000, ms: 10_000 },
      { state: 'SetUp', startedAt: t0 + 40_000, ms: 5_000 },
      { state: 'Training', startedAt: t0 + 45_000, ms: 55_000 },
      { state: 'Trained', startedAt: null, ms: null },
    ]);
  });

  it('falls back to when the app saw a state, and spans a state it never saw', () => {
    const log = `${at(0)} [Init] created\n${at(60)} [Training] started`;
    const times = stateTimes(log, { SettingUp: t0 + 20_000, Init: t0 + 5_000 }, t0 + 70_000);
    expect(times[0]).toEqual({ state: 'Init', startedAt: t0, ms: 20_000 });
    expect(times[1]).toEqual({ state: 'SettingUp', startedAt: t0 + 20_000, ms: 40_000 });
    expect(times[2]).toEqual({ state: 'SetUp', startedAt: null, ms: null });
    expect(times[3]).toEqual({ state: 'Training', startedAt: t0 + 60_000, ms: 10_000 });
  });

  it('appends the failure state, ends the last state there, and gives a final state no length', () => {
    const log = `${at(0)} [Init] a\n${at(10)} [Training] b\n${at(25)} [Failed] failed: out of memory`;
    const times = stateTimes(log, {}, t0 + 999_000);
    expect(times.at(-1)).toEqual({ state: 'Failed', startedAt: t0 + 25_000, ms: null });
    expect(times.find((x) => x.state === 'Training')?.ms).toBe(15_000);
    expect(times.some((x) => x.state === 'Cancelled')).toBe(false);
    const done = stateTimes(`${at(0)} [Finished] settled`, {}, t0 + 50_000);
    expect(done.find((x) => x.state === 'Finished')).toEqual({ state: 'Finished', startedAt: t0, ms: null });
  });

  it('never reports a negative length when clocks disagree', () => {
    const times = stateTimes(`${at(100)} [Init] a`, { SettingUp: t0 }, t0 + 200_000);
    expect(times[0]?.ms).toBe(0);
  });
});

const good = {
  id: '3f2b8c1e-9d4a-4b7e-8f00-1a2b3c4d5e6f',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:01:00.000Z',
  userAddress: '0x19e7e376e7c213b7e7e7e46cc70a5dd086daff2a',
  preTrainedModelHash: '0xabc',
  datasetHash: '0xdef',
  trainingParams: '{"num_train_epochs":1}',
  fee: '123456789012345678901',
  nonce: '5',
  signature: '0x00',
  progress: 'Delivered',
  deliverIndex: '0',
  outputRootHash: '0x99',
  wait: false,
};

describe('parseTask', () => {
  it('reads the task the provider sends, amounts as bigint and the address checksummed', () => {
    expect(parseTask(good)).toEqual({
      ...good,
      signature: undefined,
      wait: undefined,
      userAddress: '0x19E7E376E7C213B7E7e7e46cc70A5dD086DAff2A',
      fee: 123456789012345678901n,
    });
    const early = parseTask({ ...good, deliverIndex: undefined, outputRootHash: undefined, nonce: 5, fee: 10 });
    expect(early).not.toHaveProperty('deliverIndex');
    expect(early).not.toHaveProperty('outputRootHash');
    expect(early.nonce).toBe('5');
    expect(early.fee).toBe(10n);
  });

  it('throws a malformed provider error on any wrong field', () => {
    const broken = [
      null,
      [],
      { ...good, id: '../x' },
      { ...good, fee: '-1' },
      { ...good, fee: 1.5 },
      { ...good, nonce: undefined },
      { ...good, userAddress: 'bob' },
      { ...good, createdAt: 'yesterday' },
      { ...good, progress: 7 },
      { ...good, trainingParams: 'x'.repeat(70_000) },
    ];
    for (const raw of broken) {
      const thrown = (() => {
        try {
          parseTask(raw);
        } catch (e) {
          return e;
        }
      })();
      expect(thrown).toBeInstanceOf(ProviderHttpError);
      expect((thrown as ProviderHttpError).kind).toBe('malformed');
    }
  });

  it('accepts only lowercase hex-and-dash task ids', () => {
    expect(isTaskId(good.id)).toBe(true);
    expect(isTaskId('ABC')).toBe(false);
    expect(isTaskId('')).toBe(false);
    expect(isTaskId('a'.repeat(65))).toBe(false);
  });
});
