import { describe, expect, it } from 'vitest';
import type { UsageRecord } from './records';
import { median, sharePercent, summarizeUsage, usageRunway } from './summary';

const NOW = new Date(2025, 2, 10, 18).getTime();
const noon = (d: number) => BigInt(Math.floor(new Date(2025, 2, d, 12).getTime() / 1000));

const rec = (extra: Partial<UsageRecord>): UsageRecord => ({
  provider: 'a',
  kind: 'chat',
  createdAt: 1,
  answered: true,
  verdict: 'verified',
  latencyMs: null,
  firstTokenMs: null,
  streamMs: null,
  outputTokens: null,
  cost: null,
  ...extra,
});

describe('median and sharePercent', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('rounds a share to whole percent and has none without a whole', () => {
    expect(sharePercent(2, 3)).toBe(67);
    expect(sharePercent(1, 3)).toBe(33);
    expect(sharePercent(0, 0)).toBeNull();
  });
});

describe('summarizeUsage', () => {
  const records = [
    rec({ latencyMs: 1000, outputTokens: 10, cost: 100n, createdAt: 50 }), // 10 tok/s
    rec({ latencyMs: 2000, outputTokens: 60, cost: 300n }), // 30 tok/s
    rec({ verdict: 'mismatch', latencyMs: 4000, outputTokens: 80 }), // 20 tok/s
    rec({ verdict: 'not-verifiable', latencyMs: 0, outputTokens: 5 }), // no rate from a zero time
    rec({ answered: false, verdict: 'not-verifiable', latencyMs: null }),
    rec({ provider: 'b', kind: 'image', verdict: 'failed', latencyMs: 7000, createdAt: 10 }),
  ];
  const spends = [
    { provider: 'a', timestamp: noon(9), amount: 600n },
    { provider: 'a', timestamp: noon(10), amount: 200n },
    { provider: 'c', timestamp: noon(1), amount: 5n },
  ];
  const [a, c, b] = summarizeUsage(records, spends, NOW, 3);

  it('counts answers per verdict, apart from requests that got nothing back', () => {
    expect(a).toMatchObject({
      provider: 'a',
      answers: 4,
      unanswered: 1,
      byKind: { chat: 4, image: 0, transcript: 0 },
      verdicts: { verified: 2, mismatch: 1, failed: 0, 'not-verifiable': 1, unchecked: 0 },
    });
    expect(b).toMatchObject({ provider: 'b', answers: 1, byKind: { image: 1 }, verdicts: { failed: 1 } });
  });

  it('takes medians over the answers that recorded a time, and tokens per second for chat only', () => {
    expect(a?.medianLatencyMs).toBe(1500); // 0, 1000, 2000, 4000
    expect(a?.tokensPerSecond).toBe(20);
    expect(b?.medianLatencyMs).toBe(7000);
    expect(b?.tokensPerSecond).toBeNull();
  });

  it('sums recorded and settled neuron, per day in the window, and lists the most recent first', () => {
    expect(a).toMatchObject({ recordedCost: 400n, costedAnswers: 2, settled: 800n });
    expect(a?.perDay.map((d) => d.amount)).toEqual([0n, 600n, 200n]);
    expect(a?.dailyRate).toBe(400n);
    // A provider known only from a settlement older than the window still appears, with no rate.
    expect(c).toMatchObject({ provider: 'c', answers: 0, settled: 5n, dailyRate: null });
  });

  it('gives the runway in days at the settled rate and in answers at the recorded cost', () => {
    expect(usageRunway(a!, 4000n)).toEqual({ days: 10n, answers: 20n });
    expect(usageRunway(b!, 4000n)).toEqual({ days: null, answers: null });
  });
});

describe('time to first token and streaming speed', () => {
  it('takes the median first token and measures tokens per second over the stream, else the whole answer', () => {
    const [u] = summarizeUsage(
      [
        rec({ firstTokenMs: 200, streamMs: 1000, latencyMs: 1500, outputTokens: 50 }),
        rec({ firstTokenMs: 400, streamMs: 2000, latencyMs: 2600, outputTokens: 40 }),
        rec({ latencyMs: 4000, outputTokens: 80 }),
      ],
      [],
      NOW,
    );
    expect(u?.medianFirstTokenMs).toBe(300);
    // 50/1 s, 40/2 s, and the older answer 80/4 s: median 20.
    expect(u?.tokensPerSecond).toBe(20);
  });
});
