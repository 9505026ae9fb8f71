// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { transferText, UploadProgress } from './upload-progress';

afterEach(cleanup);

const MB = 1024 * 1024;
const HOSTILE = '<img src=x onerror=alert(1)>';

describe('transferText', () => {
  it('writes both sizes in one unit', () => {
    expect(transferText(4.2 * MB, 10 * MB)).toBe('4.2 of 10.0 MB');
    expect(transferText(512, 2048)).toBe('0.5 of 2.0 KB');
    expect(transferText(3 * MB, null)).toBe('3.0 MB sent');
    expect(transferText(20 * MB, 10 * MB)).toBe('10.0 of 10.0 MB');
    expect(transferText(Number.NaN, 10 * MB)).toBe('0.0 of 10.0 MB');
  });
});

describe('UploadProgress', () => {
  it('shows a labelled bar, the size and Cancel while running', () => {
    const onCancel = vi.fn();
    const onRetry = vi.fn();
    render(
      <UploadProgress
        label="Dataset upload"
        sent={4.2 * MB}
        total={10 * MB}
        state="running"
        onCancel={onCancel}
        onRetry={onRetry}
      />,
    );
    const bar = screen.getByRole('progressbar', { name: 'Dataset upload' }) as HTMLProgressElement;
    expect(Number(bar.getAttribute('value'))).toBeCloseTo(4.2 * MB);
    expect(Number(bar.getAttribute('max'))).toBe(10 * MB);
    const size = document.getElementById(bar.getAttribute('aria-describedby') ?? '');
    expect(size?.textContent).toBe('4.2 of 10.0 MB (42%)');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('is indeterminate while the total is unknown', () => {
    render(<UploadProgress label="Upload" sent={MB} total={null} state="running" />);
    expect(screen.getByRole('progressbar').getAttribute('value')).toBeNull();
    expect(screen.getByText('1.0 MB sent')).toBeDefined();
    // No handler, no button.
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('announces a failure as an alert, as text, and offers Retry', () => {
    const onRetry = vi.fn();
    const { container } = render(
      <UploadProgress
        label="Upload"
        sent={MB}
        total={4 * MB}
        state="failed"
        onCancel={() => {}}
        onRetry={onRetry}
        message={HOSTILE}
      />,
    );
    expect(screen.getByRole('alert').textContent).toBe(HOSTILE);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('offers Retry after a cancel, with the message not as an alert', () => {
    render(
      <UploadProgress
        label="Upload"
        sent={MB}
        total={4 * MB}
        state="cancelled"
        onRetry={() => {}}
        message="Cancelled."
      />,
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('Cancelled.')).toBeDefined();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeDefined();
  });

  it('fills the bar when done and offers nothing', () => {
    render(
      <UploadProgress
        label="Upload"
        sent={3 * MB}
        total={4 * MB}
        state="done"
        onCancel={() => {}}
        onRetry={() => {}}
      />,
    );
    const bar = screen.getByRole('progressbar');
    expect(bar.getAttribute('value')).toBe(bar.getAttribute('max'));
    expect(screen.getByText('4.0 of 4.0 MB (100%) · Done')).toBeDefined();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
