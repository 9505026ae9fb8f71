// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CommandBox } from './command-box';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const COMMAND = `0g-compute-cli fine-tuning create-task --provider 0xabc --dataset-path '<img src=x onerror=alert(1)>' # go`;

describe('CommandBox', () => {
  it('shows the command as text in a named code region, with bash colours', () => {
    const { container } = render(<CommandBox command={COMMAND} label="Create the task" note="<b>needs</b> the CLI" />);
    const code = screen.getByRole('region', { name: 'Create the task' });
    expect(code.textContent).toBe(COMMAND);
    expect(container.querySelector('img, b')).toBeNull();
    // The tokenizer coloured the comment: highlighting reached the box.
    expect([...code.querySelectorAll('span')].some((s) => s.textContent === '# go')).toBe(true);
    expect(screen.getByText('<b>needs</b> the CLI')).toBeDefined();
  });

  it('copies exactly the command', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    render(<CommandBox command={COMMAND} label="Create the task" />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy command' }));
    });
    expect(writeText).toHaveBeenCalledWith(COMMAND);
    expect(screen.getByRole('button', { name: 'Copied' })).toBeDefined();
  });
});
