// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { LossPoint } from '../../lib/fine-tuning/loss';
import { LossChart, lossText } from './loss-chart';

afterEach(cleanup);

// Every number-bearing attribute of the drawing: none may be NaN or Infinity.
function badAttributes(root: Element): string[] {
  const bad: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (/NaN|Infinity/.test(attr.value)) bad.push(`${el.tagName} ${attr.name}=${attr.value}`);
    }
  }
  return bad;
}

const POINTS: LossPoint[] = [
  { step: 1, loss: 2.4 },
  { step: 2, loss: 2.05 },
  { step: 3, loss: 1.7 },
  { step: 4, loss: 1.35 },
];

describe('LossChart', () => {
  it('summarises the loss in its accessible name and draws a line', () => {
    const { container } = render(<LossChart points={POINTS} />);
    const chart = screen.getByRole('img', { name: 'Training loss from 2.40 at step 1 to 1.35 at step 4' });
    const path = chart.querySelector('path');
    expect(path?.getAttribute('d')?.match(/[ML]/g)).toHaveLength(4);
    // The last value is labelled on the chart.
    expect([...chart.querySelectorAll('text')].some((t) => t.textContent === '1.35')).toBe(true);
    // Axes carry ticks: step numbers below, losses on the left.
    const labels = [...chart.querySelectorAll('text')].map((t) => t.textContent);
    expect(labels).toEqual(expect.arrayContaining(['1', '2', '3', '4']));
    expect(badAttributes(container)).toEqual([]);
  });

  it('lists the points in a visually hidden table', () => {
    const { container } = render(<LossChart points={POINTS.map((p, i) => ({ ...p, epoch: i / 4 }))} />);
    const table = container.querySelector('table');
    expect(table?.className).toContain('sr-only');
    const rows = within(table as HTMLElement).getAllByRole('row');
    expect(rows[0]?.textContent).toBe('StepLossEpoch');
    expect(rows.slice(1).map((r) => r.textContent)).toEqual(['12.40', '22.050.25', '31.70.5', '41.350.75']);
  });

  it('keeps only the last 200 rows in the table', () => {
    const many = Array.from({ length: 450 }, (_, i) => ({ step: i + 1, loss: 3 - i / 500 }));
    const { container } = render(<LossChart points={many} />);
    const rows = container.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(200);
    expect(rows[0]?.firstElementChild?.textContent).toBe('251');
    expect(container.querySelector('caption')?.textContent).toBe('Training loss, the last 200 of 450 points');
  });

  it('says so when there are no points', () => {
    const { container } = render(<LossChart points={[]} />);
    expect(screen.getByText('No loss lines in the log yet.')).toBeDefined();
    expect(container.querySelector('svg')).toBeNull();
  });

  it('draws one point as a dot, without NaN', () => {
    const { container } = render(<LossChart points={[{ step: 7, loss: 0.8 }]} />);
    const chart = screen.getByRole('img', { name: 'Training loss 0.80 at step 7' });
    expect(chart.querySelector('path')).toBeNull();
    expect(chart.querySelectorAll('circle')).toHaveLength(1);
    expect(badAttributes(container)).toEqual([]);
  });

  it('produces no NaN when every loss is equal, or zero', () => {
    for (const loss of [1.5, 0]) {
      const { container, unmount } = render(<LossChart points={[1, 2, 3].map((step) => ({ step, loss }))} />);
      expect(badAttributes(container)).toEqual([]);
      unmount();
    }
  });

  it('leaves out non-finite points and thins a very long series', () => {
    const many = Array.from({ length: 50_000 }, (_, i) => ({ step: i, loss: i === 20_000 ? 9 : 1 + Math.sin(i) }));
    many.push({ step: 50_001, loss: Number.NaN });
    const { container } = render(<LossChart points={many} />);
    const d = container.querySelector('path')?.getAttribute('d') ?? '';
    expect(d.match(/[ML]/g)?.length).toBeLessThanOrEqual(1300);
    // The spike survives the thinning: its y is the top of the plot.
    const ys = [...d.matchAll(/[ML][\d.]+ ([\d.]+)/g)].map((m) => Number(m[1]));
    expect(Math.min(...ys)).toBeCloseTo(14, 0);
    expect(badAttributes(container)).toEqual([]);
    expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(/at step 49999$/);
  });

  it('writes small losses with significant digits', () => {
    expect(lossText(2.4)).toBe('2.40');
    expect(lossText(0.00123)).toBe('0.0012');
    expect(lossText(0)).toBe('0.00');
  });
});
