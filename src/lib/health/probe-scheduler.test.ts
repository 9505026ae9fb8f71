import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProbeResult } from './probe';
import { ProbeScheduler } from './probe-scheduler';

const ok = (): ProbeResult => ({ state: 'answers', latencyMs: 10, status: 200, at: Date.now() });
const MINUTE = 60_000;

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

function setup(result: () => Promise<ProbeResult> = async () => ok()) {
  const probe = vi.fn((_url: string) => result());
  return { probe, scheduler: new ProbeScheduler(probe) };
}

describe('ProbeScheduler', () => {
  it('checks a URL on screen at once, then once a minute however many show it', async () => {
    const { probe, scheduler } = setup();
    const heard = vi.fn();
    scheduler.subscribe(heard);
    const hideA = scheduler.show('u');
    scheduler.show('u');
    expect(scheduler.isRunning('u')).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(scheduler.isRunning('u')).toBe(false);
    expect(probe).toHaveBeenCalledTimes(1);
    expect(scheduler.get('u')?.state).toBe('answers');
    expect(heard).toHaveBeenCalledTimes(2); // started, ended
    await vi.advanceTimersByTimeAsync(MINUTE - 1);
    expect(probe).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(probe).toHaveBeenCalledTimes(2);
    hideA();
    hideA(); // twice counts once: the other watcher keeps it checked
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(probe).toHaveBeenCalledTimes(3);
  });

  it('stops while nothing shows it, and on return waits out the minute since the last check', async () => {
    const { probe, scheduler } = setup();
    const hide = scheduler.show('u');
    await vi.advanceTimersByTimeAsync(0);
    hide();
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    expect(probe).toHaveBeenCalledTimes(1);
    const hideAgain = scheduler.show('u'); // 5 min later: due, checked at once
    await vi.advanceTimersByTimeAsync(0);
    expect(probe).toHaveBeenCalledTimes(2);
    hideAgain();
    await vi.advanceTimersByTimeAsync(20_000);
    scheduler.show('u'); // 20 s after a check: the old result stands until the minute is up
    await vi.advanceTimersByTimeAsync(39_999);
    expect(probe).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(probe).toHaveBeenCalledTimes(3);
  });

  it('never runs two checks of a URL at once, and keeps checking after a slow or failed one', async () => {
    let release: (r: ProbeResult) => void = () => undefined;
    const { probe, scheduler } = setup(() => new Promise((r) => (release = r)));
    scheduler.show('u');
    await vi.advanceTimersByTimeAsync(2 * MINUTE); // the check hangs (a timeout is the probe's to end)
    expect(probe).toHaveBeenCalledTimes(1);
    release({ state: 'timeout', latencyMs: null, status: null, at: Date.now() });
    await vi.advanceTimersByTimeAsync(0);
    expect(scheduler.get('u')?.state).toBe('timeout');
    expect(probe).toHaveBeenCalledTimes(2); // more than a minute since it started: retried at once

    const failing = setup(() => Promise.reject(new Error('boom')));
    failing.scheduler.show('v');
    await vi.advanceTimersByTimeAsync(0);
    expect(failing.scheduler.get('v')?.state).toBe('unreachable');
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(failing.probe).toHaveBeenCalledTimes(2);
  });

  it('checks each URL on its own schedule', async () => {
    const { probe, scheduler } = setup();
    scheduler.show('a');
    await vi.advanceTimersByTimeAsync(30_000);
    scheduler.show('b');
    await vi.advanceTimersByTimeAsync(0);
    expect(probe.mock.calls.map((c) => c[0])).toEqual(['a', 'b']);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(probe.mock.calls.map((c) => c[0])).toEqual(['a', 'b', 'a']);
  });
});
