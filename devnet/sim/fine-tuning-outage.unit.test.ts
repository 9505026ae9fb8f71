import { describe, expect, it } from 'vitest';
import { FineTuningOutage, MAX_OUTAGE_MS } from './fine-tuning-outage.js';
import { HttpError } from './http.js';

function clock(start = Date.UTC(2025, 0, 1)) {
  const c = { t: start, now: () => c.t };
  return c;
}

function refusal(fn: () => unknown): { status: number; code: string } | 'ok' {
  try {
    fn();
    return 'ok';
  } catch (e) {
    if (!(e instanceof HttpError)) throw e;
    return { status: e.status, code: e.code };
  }
}

describe('FineTuningOutage', () => {
  it('is up until told otherwise', () => {
    const outage = new FineTuningOutage(clock().now);
    expect(outage.isDown()).toBe(false);
    expect(outage.downUntil()).toBeNull();
  });

  it('stays down for exactly ms, then comes back by itself', () => {
    const c = clock();
    const outage = new FineTuningOutage(c.now);
    outage.down(5_000);
    expect(outage.isDown()).toBe(true);
    expect(outage.downUntil()).toBe('2025-01-01T00:00:05.000Z');
    c.t += 4_999;
    expect(outage.isDown()).toBe(true);
    c.t += 1;
    expect(outage.isDown()).toBe(false);
    expect(outage.downUntil()).toBeNull();
    // An outage that ran out does not come back when the clock is read again later.
    c.t -= 1;
    expect(outage.isDown()).toBe(false);
  });

  it('ends at once on up()', () => {
    const c = clock();
    const outage = new FineTuningOutage(c.now);
    outage.down(MAX_OUTAGE_MS);
    outage.up();
    expect(outage.isDown()).toBe(false);
    expect(outage.downUntil()).toBeNull();
    outage.up();
    expect(outage.isDown()).toBe(false);
  });

  it('replaces a running outage with a new one, shorter or longer', () => {
    const c = clock();
    const outage = new FineTuningOutage(c.now);
    outage.down(60_000);
    c.t += 1_000;
    outage.down(1_000);
    expect(outage.downUntil()).toBe('2025-01-01T00:00:02.000Z');
    c.t += 1_000;
    expect(outage.isDown()).toBe(false);
  });

  it('accepts 1 and 600000 ms and refuses anything else with 400 invalid_outage', () => {
    const outage = new FineTuningOutage(clock().now);
    expect(refusal(() => outage.down(1))).toBe('ok');
    expect(refusal(() => outage.down(MAX_OUTAGE_MS))).toBe('ok');
    outage.up();
    for (const bad of [0, -5, MAX_OUTAGE_MS + 1, Number.NaN, Number.POSITIVE_INFINITY, '5000', null, undefined]) {
      expect(
        refusal(() => outage.down(bad)),
        String(bad),
      ).toEqual({ status: 400, code: 'invalid_outage' });
    }
    // A refused call leaves the provider as it was.
    expect(outage.isDown()).toBe(false);
  });
});
