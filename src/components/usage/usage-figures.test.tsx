// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProviderUsage } from '../../lib/usage/summary';
import { NEURON_PER_OG } from '../../lib/units';
import { SpendChart } from './spend-chart';
import { UsageFigures } from './usage-figures';

afterEach(cleanup);

const usage = (extra: Partial<ProviderUsage> = {}): ProviderUsage => ({
  provider: '0xaa',
  answers: 3,
  unanswered: 0,
  byKind: { chat: 0, image: 3, transcript: 0 },
  verdicts: { verified: 2, mismatch: 1, failed: 0, 'not-verifiable': 0, unchecked: 0 },
  medianLatencyMs: 1234,
  medianFirstTokenMs: null,
  tokensPerSecond: null,
  recordedCost: 0n,
  costedAnswers: 0,
  settled: 0n,
  perDay: [
    { day: '2025-03-09', amount: 0n },
    { day: '2025-03-10', amount: 0n },
  ],
  dailyRate: null,
  lastUsed: 0,
  ...extra,
});

const value = (term: string) => screen.getByText(term, { selector: 'dt' }).nextElementSibling?.firstChild?.textContent;

describe('UsageFigures', () => {
  it('shows counts with shares, and says which figures pictures do not record', () => {
    render(<UsageFigures usage={usage()} usable={null} />);
    expect(value('Verified')).toBe('2 of 3 (67%)');
    expect(value('Content mismatch')).toBe('1 of 3 (33%)');
    expect(value('Median answer time')).toBe('1.23 s');
    expect(value('Tokens per second')).toBe('Not recorded for pictures and transcripts');
    expect(value('Median time to first token')).toMatch(/^Not recorded/);
    expect(value('Runway at that rate')).toBe('No sub-account with this provider');
    expect(screen.queryByText('No answer', { selector: 'dt' })).toBeNull();
  });
});

describe('SpendChart', () => {
  it('draws one bar per paid day, as tall as its share of the largest, and says the amounts in its label', () => {
    const perDay = [
      { day: '2025-03-08', amount: NEURON_PER_OG },
      { day: '2025-03-09', amount: 0n },
      { day: '2025-03-10', amount: NEURON_PER_OG / 4n },
    ];
    render(<SpendChart perDay={perDay} />);
    const chart = screen.getByRole('img');
    expect(chart.getAttribute('aria-label')).toBe(
      '0G settled per day from 2025-03-08 to 2025-03-10: 1 0G on 2025-03-08, 0.25 0G on 2025-03-10',
    );
    const bars = [...chart.querySelectorAll('rect[fill="currentColor"]')].map((r) => r.getAttribute('height'));
    expect(bars).toEqual(['48', '12']);
  });
});
