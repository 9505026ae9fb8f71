// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import type { Hex } from 'viem';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ModelDownload } from '../../hooks/fine-tuning/use-model-download';
import type { HashVerdict, SignerVerdict } from '../../lib/fine-tuning/monitor';
import { DeliverDownload } from './deliver-download';

const HOSTILE = '<img src=x onerror=alert(1)>';
const TASK = '0a1b2c3d-0000-4000-8000-000000000001';
const FILE_HASH = `0x${'1'.repeat(64)}` as Hex;
// modelRootHash is `bytes` on chain: the provider chooses its length.
const LONG_ROOT = `0x${'ab'.repeat(5_000)}` as Hex;

const download = (over: Partial<ModelDownload> = {}) => ({
  state: 'done' as const,
  received: 10,
  total: 10,
  message: null,
  file: {
    blob: new Blob([new Uint8Array(10)]),
    hash: FILE_HASH,
    bytes: 10,
    tags: { signature: `0x${'2'.repeat(130)}` as Hex, keccak256: `0x${'3'.repeat(64)}` as Hex },
    receivedAt: 1,
  },
  start: vi.fn(async () => {}),
  cancel: vi.fn(),
  ...over,
});

const show = (
  dl: ReturnType<typeof download>,
  root: Hex | null | undefined,
  verdict: HashVerdict | null,
  signed: SignerVerdict = 'match',
) =>
  render(
    <DeliverDownload taskId={TASK} download={dl} root={root} verdict={verdict} saved={undefined} signed={signed} />,
  );

afterEach(cleanup);

describe('DeliverDownload', () => {
  it('on a mismatch says not to acknowledge, with both hashes in full and wrapping', () => {
    const { container } = show(download(), LONG_ROOT, 'mismatch');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The file does NOT match the hash on chain: do not acknowledge it');
    expect(screen.queryByText(/The file matches/)).toBeNull();
    const file = screen.getByText(FILE_HASH);
    const root = screen.getByText(LONG_ROOT);
    for (const el of [file, root]) expect(el.className).toMatch(/break-all/);
    expect(container.querySelector('img, script, [onerror]')).toBeNull();
  });

  it('on a match says so, and that the TEE key signed it, without the warning', () => {
    show(download(), FILE_HASH, 'match');
    expect(screen.getByRole('status').textContent).toContain('The file matches the model root hash');
    expect(screen.getByText('✓ Signed by the provider’s TEE key')).toBeDefined();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('warns when the file is signed by another key, or not at all, even though its hash matches', () => {
    show(download(), FILE_HASH, 'match', 'mismatch');
    expect(screen.getByRole('alert').textContent).toContain('NOT signed by the provider’s TEE key');
    expect(screen.queryByText(/Signed by the provider/)).toBeNull();
    cleanup();
    show(download(), FILE_HASH, 'match', 'unsigned');
    expect(screen.getByRole('alert').textContent).toContain('holds no TEE signature');
  });

  it('shows a hostile failure message from the provider as text', () => {
    const { container } = show(download({ state: 'failed', file: null, message: HOSTILE }), LONG_ROOT, null);
    expect(screen.getByRole('alert').textContent).toBe(HOSTILE);
    expect(screen.getByRole('alert').className).toMatch(/break-words/);
    expect(container.querySelector('img, script, [onerror]')).toBeNull();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeDefined();
  });

  it('shows a declined download’s message as text', () => {
    const { container } = show(download({ state: 'declined', file: null, message: HOSTILE }), undefined, null);
    expect(screen.getByText(HOSTILE)).toBeDefined();
    expect(container.querySelector('img, script, [onerror]')).toBeNull();
  });
});
