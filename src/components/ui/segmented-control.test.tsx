// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SegmentedControl } from './segmented-control';

afterEach(cleanup);

const OPTIONS = [
  { value: 'a', label: 'Alpha' },
  { value: 'b', label: 'Beta' },
  { value: 'c', label: 'Gamma' },
] as const;
type Value = (typeof OPTIONS)[number]['value'];

function Harness({ onChange }: { onChange?: (v: Value) => void }) {
  const [value, setValue] = useState<Value>('b');
  return (
    <>
      <SegmentedControl
        label="View"
        options={OPTIONS}
        value={value}
        onChange={(v) => {
          onChange?.(v);
          setValue(v);
        }}
      />
      <button type="button">After</button>
    </>
  );
}

const group = () => screen.getByRole('group', { name: 'View' });
const option = (name: string) => within(group()).getByRole('button', { name });
const pressed = () =>
  within(group())
    .getAllByRole('button')
    .filter((b) => b.getAttribute('aria-pressed') === 'true')
    .map((b) => b.textContent);
const tabStops = () =>
  within(group())
    .getAllByRole('button')
    .filter((b) => b.tabIndex === 0)
    .map((b) => b.textContent);

describe('SegmentedControl', () => {
  it('is a labelled group with exactly one pressed button, which is the one Tab stop', () => {
    render(<Harness />);
    expect(pressed()).toEqual(['Beta']);
    expect(option('Alpha').getAttribute('aria-pressed')).toBe('false');
    expect(tabStops()).toEqual(['Beta']);
  });

  it('chooses on click and moves the Tab stop with the choice', () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    fireEvent.click(option('Gamma'));
    expect(onChange).toHaveBeenCalledWith('c');
    expect(pressed()).toEqual(['Gamma']);
    expect(tabStops()).toEqual(['Gamma']);
  });

  it('arrows, Home and End move the focus without choosing', () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    option('Beta').focus();
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(option('Gamma'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(option('Alpha'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(option('Gamma'));
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement).toBe(option('Alpha'));
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement).toBe(option('Gamma'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(option('Beta'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(option('Gamma'));
    expect(onChange).not.toHaveBeenCalled();
    expect(pressed()).toEqual(['Beta']);
    // The focused button holds the Tab stop while focus is inside, so Shift+Tab and Tab come back to it.
    expect(tabStops()).toEqual(['Gamma']);
  });

  it('the focused button chooses with Enter or Space, being a real button', () => {
    render(<Harness />);
    option('Beta').focus();
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    const focused = document.activeElement as HTMLButtonElement;
    expect(focused.tagName).toBe('BUTTON');
    expect(focused.type).toBe('button');
    // Enter and Space on a focused <button> are its click in every browser.
    fireEvent.click(focused);
    expect(pressed()).toEqual(['Alpha']);
  });

  it('gives the Tab stop back to the chosen button when focus leaves', () => {
    render(<Harness />);
    option('Beta').focus();
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(tabStops()).toEqual(['Gamma']);
    const after = screen.getByRole('button', { name: 'After' });
    fireEvent.blur(document.activeElement!, { relatedTarget: after });
    after.focus();
    expect(tabStops()).toEqual(['Beta']);
  });

  it('ignores other keys', () => {
    render(<Harness />);
    option('Beta').focus();
    fireEvent.keyDown(document.activeElement!, { key: 'a' });
    expect(document.activeElement).toBe(option('Beta'));
  });
});
