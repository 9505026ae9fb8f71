// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LogView } from './log-view';

afterEach(cleanup);

// happy-dom has no layout: give the log a fixed 100 px window onto content as tall as `height.value`.
function fakeLayout(el: HTMLElement, height: { value: number }) {
  let top = 0;
  Object.defineProperty(el, 'clientHeight', { configurable: true, get: () => 100 });
  Object.defineProperty(el, 'scrollHeight', { configurable: true, get: () => height.value });
  Object.defineProperty(el, 'scrollTop', {
    configurable: true,
    get: () => top,
    set: (v: number) => {
      top = Math.max(0, Math.min(v, height.value - 100));
    },
  });
}

function setup(text: string) {
  const view = render(<LogView text={text} />);
  const log = screen.getByRole('log', { name: 'Task log' });
  const height = { value: 1000 };
  fakeLayout(log, height);
  return { view, log, height };
}

const scrollTo = (log: HTMLElement, top: number) => {
  log.scrollTop = top;
  fireEvent.scroll(log);
};

describe('LogView', () => {
  it('shows the log as text in a focusable log region', () => {
    const hostile = 'step 1\n<img src=x onerror=alert(1)>\n';
    const { log } = setup(hostile);
    expect(log.tagName).toBe('PRE');
    expect(log.getAttribute('tabindex')).toBe('0');
    expect(log.textContent).toBe(hostile);
    expect(log.querySelector('img')).toBeNull();
  });

  it('follows the end as the text grows', () => {
    const { view, log, height } = setup('line 1\n');
    height.value = 1500;
    view.rerender(<LogView text={'line 1\nline 2\n'} />);
    expect(log.scrollTop).toBe(1400);
    expect(screen.queryByRole('button', { name: 'Jump to the latest lines' })).toBeNull();
  });

  it('stops following when the reader scrolls up, and the button resumes it', () => {
    const { view, log, height } = setup('line 1\n');
    scrollTo(log, 900);
    expect(screen.queryByRole('button', { name: 'Jump to the latest lines' })).toBeNull();
    scrollTo(log, 300);
    const jump = screen.getByRole('button', { name: 'Jump to the latest lines' });

    height.value = 2000;
    view.rerender(<LogView text={'line 1\nline 2\n'} />);
    expect(log.scrollTop).toBe(300);

    fireEvent.click(jump);
    expect(log.scrollTop).toBe(1900);
    expect(document.activeElement).toBe(log);
    expect(screen.queryByRole('button', { name: 'Jump to the latest lines' })).toBeNull();

    height.value = 2500;
    view.rerender(<LogView text={'line 1\nline 2\nline 3\n'} />);
    expect(log.scrollTop).toBe(2400);
  });

  it('resumes following when the reader scrolls back to the end', () => {
    const { view, log, height } = setup('a\n');
    scrollTo(log, 100);
    expect(screen.getByRole('button', { name: 'Jump to the latest lines' })).toBeDefined();
    scrollTo(log, 895);
    expect(screen.queryByRole('button', { name: 'Jump to the latest lines' })).toBeNull();
    height.value = 1200;
    view.rerender(<LogView text={'a\nb\n'} />);
    expect(log.scrollTop).toBe(1100);
  });

  it('takes its own label', () => {
    render(<LogView text="" label="Provider log" />);
    expect(screen.getByRole('log', { name: 'Provider log' }).textContent).toBe('No log lines yet.');
  });
});
