import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../chain/history';
import { NEURON_PER_OG } from '../units';
import { dailyRate, dayKey, runwayDays, settledSpends, spendByDay, unattributed } from './spend';

const A = '0x00000000000000000000000000000000000000aA';
const B = '0x00000000000000000000000000000000000000bB';
// Local noon, so the day is the same in every time zone the test runs in.
const at = (y: number, m: number, d: number) => BigInt(Math.floor(new Date(y, m - 1, d, 12).getTime() / 1000));
const NOW = new Date(2025, 2, 10, 18).getTime();

const entry = (hash: string, extra: Partial<HistoryEntry>): HistoryEntry => ({
  hash: hash as HistoryEntry['hash'],
  blockNumber: 1n,
  timestamp: at(2025, 3, 10),
  type: 'Fees settled',
  amount: 100n,
  provider: null,
  service: 'inference',
  status: 'success',
  from: 'chain',
  ...extra,
});

describe('settledSpends', () => {
  const entries = [
    entry('0x01', { provider: A }),
    entry('0x02', { provider: null }),
    entry('0x03', { service: 'fine-tuning', provider: B }),
    entry('0x04', { type: 'Deposit', provider: A }),
    entry('0x05', { amount: 0n, provider: A }),
    entry('0x06', { provider: null }),
  ];

  it('asks for the sender only of inference settlements without a provider', () => {
    expect(unattributed(entries)).toEqual(['0x02', '0x06']);
  });

  it('attributes each inference settlement to its provider, by event or by sender, and skips the rest', () => {
    const senders = new Map([
      ['0x02', B.toLowerCase()],
      ['0x06', null],
    ]);
    expect(settledSpends(entries, senders)).toEqual([
      { provider: A.toLowerCase(), timestamp: at(2025, 3, 10), amount: 100n },
      { provider: B.toLowerCase(), timestamp: at(2025, 3, 10), amount: 100n },
    ]);
  });
});

describe('spendByDay', () => {
  it('sums bigint neuron per local day over the window, oldest first, with empty days as 0', () => {
    const big = 3n * NEURON_PER_OG + 1n; // beyond a float's precision
    const days = spendByDay(
      [
        { provider: 'a', timestamp: at(2025, 3, 8), amount: big },
        { provider: 'a', timestamp: at(2025, 3, 8), amount: 2n },
        { provider: 'a', timestamp: at(2025, 3, 10), amount: 5n },
        { provider: 'a', timestamp: at(2025, 2, 1), amount: 999n }, // outside the window
      ],
      NOW,
      4,
    );
    expect(days).toEqual([
      { day: '2025-03-07', amount: 0n },
      { day: '2025-03-08', amount: big + 2n },
      { day: '2025-03-09', amount: 0n },
      { day: '2025-03-10', amount: 5n },
    ]);
    expect(dayKey(NOW)).toBe('2025-03-10');
  });
});

describe('dailyRate and runwayDays', () => {
  it('averages from the first day with a fee to today, not over the empty days before it', () => {
    const perDay = [
      { day: 'd1', amount: 0n },
      { day: 'd2', amount: 0n },
      { day: 'd3', amount: 90n },
      { day: 'd4', amount: 0n },
      { day: 'd5', amount: 30n },
    ];
    expect(dailyRate(perDay)).toBe(40n); // 120 over 3 days
    expect(dailyRate([{ day: 'd1', amount: 0n }])).toBeNull();
  });

  it('counts whole days a balance lasts at the rate', () => {
    expect(runwayDays(1000n, 40n)).toBe(25n);
    expect(runwayDays(39n, 40n)).toBe(0n);
    expect(runwayDays(-5n, 40n)).toBe(0n);
    expect(runwayDays(1000n, null)).toBeNull();
  });
});
