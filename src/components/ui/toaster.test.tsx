// @vitest-environment happy-dom
import { useEffect } from 'react';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useToast, type ToastInput } from '../../hooks/ui/use-toast';
import { Toaster } from './toaster';

let push: (t: ToastInput) => void = () => {};
const grab = (p: typeof push) => (push = p);

/** Hands the toaster's push to the test. */
function Grab({ onPush }: { onPush: typeof grab }) {
  const toast = useToast();
  useEffect(() => void onPush(toast), [toast, onPush]);
  return null;
}

function renderToaster() {
  render(
    <Toaster>
      <Grab onPush={grab} />
    </Toaster>,
  );
  const region = screen.getByRole('status');
  const titles = () => [...region.children].map((el) => el.querySelector('p')?.textContent);
  return { region, titles };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('Toaster', () => {
  it('updates a toast in place when pushed again with its key', () => {
    const { region, titles } = renderToaster();
    act(() => push({ title: 'Earlier note', tone: 'neutral' }));
    act(() => push({ key: 'tx-1', pending: true, title: 'Deposit: sent, waiting for confirmation' }));
    act(() => push({ title: 'Later note', tone: 'neutral' }));
    const node = region.children[1];

    act(() => push({ key: 'tx-1', title: 'Deposit: confirmed', tone: 'success' }));
    expect(titles()).toEqual(['Earlier note', 'Deposit: confirmed', 'Later note']);
    // The same element, so a screen reader hears the change rather than a second toast.
    expect(region.children[1]).toBe(node);
    expect(region.textContent).not.toContain('waiting for confirmation');
  });

  it('keeps a pending toast until its outcome, then times the outcome out; errors stay', () => {
    const { titles } = renderToaster();
    act(() => push({ key: 'tx-1', pending: true, title: 'Deposit: sent' }));
    act(() => push({ title: 'Could not connect', tone: 'error' }));
    act(() => vi.advanceTimersByTime(60_000));
    expect(titles()).toEqual(['Deposit: sent', 'Could not connect']);

    act(() => push({ key: 'tx-1', title: 'Deposit: confirmed', tone: 'success' }));
    act(() => vi.advanceTimersByTime(5_000));
    expect(titles()).toEqual(['Deposit: confirmed', 'Could not connect']);
    act(() => vi.advanceTimersByTime(2_000));
    expect(titles()).toEqual(['Could not connect']);
  });

  it('shows at most three, dropping the oldest finished one before a transaction in flight', () => {
    const { titles } = renderToaster();
    act(() => push({ key: 'tx-1', pending: true, title: 'Transfer: sent' }));
    for (const n of [1, 2, 3, 4]) act(() => push({ title: `Note ${n}`, tone: 'error' }));
    expect(titles()).toEqual(['Transfer: sent', 'Note 3', 'Note 4']);

    // Its outcome still lands where it is.
    act(() => push({ key: 'tx-1', title: 'Transfer: confirmed', tone: 'success' }));
    expect(titles()).toEqual(['Transfer: confirmed', 'Note 3', 'Note 4']);
    act(() => push({ title: 'Note 5', tone: 'error' }));
    expect(titles()).toEqual(['Note 3', 'Note 4', 'Note 5']);
  });

  it('dismisses with a named button', () => {
    const { region, titles } = renderToaster();
    act(() => push({ title: 'Reverted', tone: 'error' }));
    act(() => push({ title: 'Also reverted', tone: 'error' }));
    fireEvent.click(within(region.children[0] as HTMLElement).getByRole('button', { name: 'Dismiss' }));
    expect(titles()).toEqual(['Also reverted']);
  });

  it('renders untrusted text as text', () => {
    const { region } = renderToaster();
    act(() => push({ title: '<img src=x onerror=alert(1)>', description: '<b>bold</b>', tone: 'error' }));
    expect(region.querySelector('img, b')).toBeNull();
    expect(region.textContent).toContain('<b>bold</b>');
  });
});
