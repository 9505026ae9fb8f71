// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImageRun, ReceivedPicture } from '../../hooks/image/use-image-run';
import type { Service } from '../../lib/chain/services';
import { RunView } from './run-view';

const HOSTILE = '<img src=x onerror=alert(1)>';
const HOSTILE_MODEL = '<b onmouseover=alert(1)>flux</b>';
const REFUSALS = ['Not a picture: <script>alert(1)</script>', 'Refused the link javascript:alert(1)'];

const service = (model = 'flux'): Service => ({
  provider: '0x0000000000000000000000000000000000000001',
  serviceType: 'text-to-image',
  url: 'https://provider.example',
  inputPrice: 0n,
  outputPrice: 0n,
  updatedAt: 0n,
  model,
  verifiability: 'TeeML',
  additionalInfo: '',
  teeSignerAddress: '0x0000000000000000000000000000000000000002',
  teeSignerAcknowledged: true,
});

const picture = (itemId: string, over: Partial<ReceivedPicture> = {}): ReceivedPicture => ({
  itemId,
  blob: new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }),
  mime: 'image/png',
  source: 'inline',
  ...over,
});

const run = (over: Partial<ImageRun> = {}): ImageRun => ({
  id: 'r1',
  chainId: 31337,
  service: service(),
  ask: { mode: 'generate', prompt: 'A red fox in the snow', size: '512x512', n: 1 },
  status: 'done',
  message: null,
  declined: false,
  pictures: [],
  refusals: [],
  verification: { state: 'verified', reason: 'Signed by the TEE.' },
  cost: null,
  msToPictures: null,
  msToBadge: null,
  exchange: null,
  saveError: null,
  ...over,
});

function renderRun(r: ImageRun, onOpen = vi.fn(), onReuse = vi.fn()) {
  return render(<RunView run={r} chainId={31337} onOpen={onOpen} onReuse={onReuse} />);
}

const blobImagesOnly = () => {
  for (const img of document.querySelectorAll('img')) expect(img.getAttribute('src')).toMatch(/^blob:/);
};

afterEach(cleanup);

describe('RunView', () => {
  it('shows a refused run’s message as an alert', () => {
    renderRun(run({ status: 'refused', message: 'The provider refused this request.' }));
    expect(screen.getByRole('alert').textContent).toBe('The provider refused this request.');
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.queryByRole('list', { name: 'Pictures' })).toBeNull();
  });

  it('shows a declined signature as a status, not an alert', () => {
    renderRun(run({ status: 'refused', declined: true, message: 'You declined the signature.' }));
    expect(screen.getByRole('status').textContent).toBe('You declined the signature.');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('renders a hostile message, model name and refusals as text', () => {
    const { container } = renderRun(
      run({ service: service(HOSTILE_MODEL), status: 'refused', message: HOSTILE, refusals: REFUSALS }),
    );
    expect(screen.getByRole('article', { name: `Generation with ${HOSTILE_MODEL}` })).toBeTruthy();
    expect(screen.getByText(HOSTILE_MODEL)).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe(HOSTILE);
    const refused = screen.getByRole('list', { name: 'Pictures refused' });
    expect(
      within(refused)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(REFUSALS);
    expect(container.querySelector('img, b, script, a')).toBeNull();
  });

  it('lists the refused pictures beside the ones shown', () => {
    renderRun(run({ pictures: [picture('p1')], refusals: [REFUSALS[1]!] }));
    const refused = screen.getByRole('list', { name: 'Pictures refused' });
    expect(within(refused).getByText(REFUSALS[1]!)).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Pictures' })).getAllByRole('listitem')).toHaveLength(1);
  });

  it('says what it waits for, and gives the cost and timings once done', () => {
    const r = run({ cost: 1_250_000_000_000_000n, msToPictures: 1234, msToBadge: 2500 });
    const { rerender } = renderRun({ ...r, status: 'sending', verification: null });
    expect(screen.getByText('Waiting for the provider…')).toBeTruthy();
    rerender(<RunView run={{ ...r, status: 'verifying' }} chainId={31337} onOpen={vi.fn()} onReuse={vi.fn()} />);
    expect(screen.getByText('Checking the signature…')).toBeTruthy();
    expect(screen.queryByText(/^Cost /)).toBeNull();
    rerender(<RunView run={r} chainId={31337} onOpen={vi.fn()} onReuse={vi.fn()} />);
    expect(screen.getAllByText('Cost 0.00125 0G · pictures in 1.2 s · badge in 2.5 s')).toHaveLength(1);
  });

  it('shows each picture from its blob with the run’s prompt, and opens or reuses it', () => {
    const onOpen = vi.fn();
    const onReuse = vi.fn();
    const r = run({ ask: { mode: 'generate', prompt: HOSTILE, size: '512x512', n: 2 } });
    renderRun({ ...r, pictures: [picture('p1'), picture('p2')] }, onOpen, onReuse);
    expect(screen.getAllByRole('img', { name: HOSTILE })).toHaveLength(2);
    blobImagesOnly();
    fireEvent.click(screen.getAllByRole('button', { name: `Open full size: ${HOSTILE}` })[1]!);
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: 'r1' }), 1);
    fireEvent.click(screen.getAllByRole('button', { name: 'Reuse settings' })[0]!);
    expect(onReuse).toHaveBeenCalledWith(expect.objectContaining({ id: 'r1' }));
  });

  it('badges a picture fetched from a link as link-only, and an inline one as Verified', () => {
    renderRun(run({ pictures: [picture('p1', { source: 'url', sourceUrl: 'https://cdn.example/a.png' })] }));
    expect(screen.getByRole('button', { name: 'Link signed, picture not verified' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Verified' })).toBeNull();
    blobImagesOnly();
    cleanup();
    renderRun(run({ pictures: [picture('p1')] }));
    expect(screen.getByRole('button', { name: 'Verified' })).toBeTruthy();
  });

  it('badges pictures as Verifying until the verification is in', () => {
    renderRun(run({ status: 'verifying', verification: null, pictures: [picture('p1')] }));
    expect(screen.getByRole('button', { name: 'Verifying' })).toBeTruthy();
  });

  it('shows an edit before and after, both from blobs', () => {
    const image = { bytes: new Uint8Array([1, 2, 3]), mime: 'image/png', name: 'mine.png' };
    renderRun(run({ ask: { mode: 'edit', prompt: 'Make it blue', n: 1, image }, pictures: [picture('p1')] }));
    expect(screen.getByRole('article', { name: 'Edit with flux' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Before: your picture' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'After: the edit' })).toBeTruthy();
    blobImagesOnly();
  });

  it('shows a saving failure as an alert beside the pictures', () => {
    renderRun(run({ pictures: [picture('p1')], saveError: 'The browser’s storage for this site is full.' }));
    expect(screen.getByRole('alert').textContent).toBe('The browser’s storage for this site is full.');
    expect(screen.getByRole('list', { name: 'Pictures' })).toBeTruthy();
  });
});
