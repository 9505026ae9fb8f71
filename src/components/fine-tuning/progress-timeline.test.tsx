// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { durationText, ProgressTimeline, type TimelineStep } from './progress-timeline';

afterEach(cleanup);

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('durationText', () => {
  it('writes seconds, minutes and hours with at most two units', () => {
    expect(durationText(4_000)).toBe('4 s');
    expect(durationText(4_999)).toBe('4 s');
    expect(durationText(125_000)).toBe('2 min 5 s');
    expect(durationText(120_000)).toBe('2 min');
    expect(durationText(3_780_000 + 42_000)).toBe('1 h 3 min');
    expect(durationText(3_600_000)).toBe('1 h');
    expect(durationText(300)).toBe('under 1 s');
    expect(durationText(Number.NaN)).toBe('');
    expect(durationText(-5)).toBe('');
  });
});

describe('ProgressTimeline', () => {
  const steps: TimelineStep[] = [
    { state: 'Init', label: 'Task created', status: 'done', ms: 4_000 },
    { state: 'SettingUp', label: 'Setting up', status: 'done', ms: 125_000 },
    { state: 'Training', label: 'Training', status: 'current', ms: 3_800_000 },
    { state: 'Delivered', label: HOSTILE, status: 'waiting', ms: null },
  ];

  it('lists the steps in order with their status words and times', () => {
    render(<ProgressTimeline steps={steps} />);
    const list = screen.getByRole('list', { name: 'Task progress' });
    expect(list.tagName).toBe('OL');
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      '✓Task created: done4 s',
      '✓Setting up: done2 min 5 s',
      '●Training: in progress1 h 3 min',
      `○${HOSTILE}: waiting`,
    ]);
  });

  it('marks only the current step with aria-current="step"', () => {
    render(<ProgressTimeline steps={steps} />);
    const items = screen.getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('aria-current'))).toEqual([null, null, 'step', null]);
  });

  it('says failed and cancelled, and renders a hostile label as text', () => {
    const { container } = render(
      <ProgressTimeline
        steps={[
          { state: 'a', label: HOSTILE, status: 'failed', ms: 1_000 },
          { state: 'b', label: 'Delivered', status: 'cancelled', ms: null },
        ]}
      />,
    );
    expect(screen.getByText(': failed').className).toContain('sr-only');
    expect(screen.getByText(': cancelled')).toBeDefined();
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getAllByRole('listitem')[0]?.textContent).toContain(HOSTILE);
  });
});
