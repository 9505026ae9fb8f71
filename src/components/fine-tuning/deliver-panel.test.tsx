// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { Address, Hex } from 'viem';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDeliverable, useFineTuningTx } from '../../hooks/fine-tuning/use-fine-tuning-chain';
import { useModelDownload, useTagSigner, type ModelDownload } from '../../hooks/fine-tuning/use-model-download';
import type { TaskNotesHandle } from '../../hooks/fine-tuning/use-task-monitor';
import { NetworkContext } from '../../hooks/network/use-network';
import type { Deliverable } from '../../lib/chain/fine-tuning-reads';
import { devnet } from '../../lib/chain/networks';
import type { FineTuningService } from '../../lib/chain/services';
import type { TaskNotes } from '../../lib/fine-tuning/draft-store';
import { DeliverPanel } from './deliver-panel';

vi.mock('../../hooks/fine-tuning/use-fine-tuning-chain', () => ({ useDeliverable: vi.fn(), useFineTuningTx: vi.fn() }));
vi.mock('../../hooks/fine-tuning/use-model-download', () => ({ useModelDownload: vi.fn(), useTagSigner: vi.fn() }));
vi.mock('wagmi', () => ({ useAccount: () => ({ address: '0x00000000000000000000000000000000000000c3' }) }));

const TASK = '0a1b2c3d-0000-4000-8000-000000000001';
const PROVIDER = '0x00000000000000000000000000000000000000a1' as Address;
const ROOT = `0x${'a'.repeat(64)}` as Hex;
const OTHER = `0x${'b'.repeat(64)}` as Hex;
const TEE = '0x00000000000000000000000000000000000000e5' as Address;
const TAGS = { signature: `0x${'2'.repeat(130)}` as Hex, keccak256: `0x${'3'.repeat(64)}` as Hex };
const service = {
  provider: PROVIDER,
  url: 'https://ft.example',
  teeSignerAddress: TEE,
  teeSignerAcknowledged: true,
} as FineTuningService;
const network = devnet('http://127.0.0.1:8545', { ledger: PROVIDER, inference: PROVIDER, fineTuning: PROVIDER });
const acknowledgeDeliverable = vi.fn(async () => ({ status: 'confirmed' }));

const deliverable = (over: Partial<Deliverable> = {}): Deliverable => ({
  id: TASK,
  modelRootHash: ROOT,
  encryptedSecret: '0x',
  acknowledged: false,
  settled: false,
  ...over,
});

function mock(d: Deliverable, file: Hex | null, signer: Address | null = TEE) {
  vi.mocked(useTagSigner).mockReturnValue(signer);
  vi.mocked(useDeliverable).mockReturnValue({
    data: d,
    isError: false,
    refetch: vi.fn(),
  } as unknown as ReturnType<typeof useDeliverable>);
  const dl: ModelDownload = file
    ? {
        state: 'done',
        received: 3,
        total: 3,
        message: null,
        file: { blob: new Blob(['abc']), hash: file, bytes: 3, tags: TAGS, receivedAt: 1 },
      }
    : { state: 'idle', received: 0, total: null, message: null, file: null };
  vi.mocked(useModelDownload).mockReturnValue({ ...dl, start: vi.fn(async () => {}), cancel: vi.fn() });
}

const show = (saved?: TaskNotes['download']) => {
  const notes: TaskNotesHandle = {
    notes: { provider: PROVIDER, seen: {}, ...(saved ? { download: saved } : {}) },
    loaded: true,
    update: vi.fn(),
    saveError: null,
  };
  render(
    <NetworkContext.Provider value={{ network, networks: [network], setNetwork: () => {} }}>
      <DeliverPanel service={service} model="Qwen2.5-0.5B-Instruct" taskId={TASK} notes={notes} />
    </NetworkContext.Provider>,
  );
  return notes;
};

const saved = (hash: Hex, matches: boolean, tags?: typeof TAGS) => ({
  fileName: 'f.enc',
  bytes: 3,
  hash,
  matches,
  checkedAt: 1,
  ...(tags ? { tags } : {}),
});
const ackButton = () => screen.queryByRole('button', { name: 'Acknowledge the model on chain' });

beforeEach(() => {
  acknowledgeDeliverable.mockClear();
  vi.mocked(useFineTuningTx).mockReturnValue({
    pending: null,
    acknowledgeDeliverable,
    acknowledgeSigner: vi.fn(),
  } as unknown as ReturnType<typeof useFineTuningTx>);
});
afterEach(cleanup);

describe('DeliverPanel', () => {
  it('blocks "Acknowledge the model on chain" when the downloaded file does not match', () => {
    mock(deliverable(), OTHER);
    const notes = show();
    expect(ackButton()).toBeNull();
    expect(screen.getByText('Blocked: the downloaded file does not match.')).toBeDefined();
    // The failed check is noted, so a reload still says so.
    const change = vi.mocked(notes.update).mock.calls[0]?.[0];
    expect(change?.(null)?.download).toMatchObject({ hash: OTHER, matches: false });
  });

  it('offers the acknowledgement once the file matches, and sends it for this provider and task', () => {
    mock(deliverable(), ROOT);
    const notes = show();
    fireEvent.click(ackButton()!);
    expect(acknowledgeDeliverable).toHaveBeenCalledWith(PROVIDER, TASK);
    // The tags are noted with the check, so the proof can still be made after a reload.
    const change = vi.mocked(notes.update).mock.calls[0]?.[0];
    expect(change?.(null)?.download).toMatchObject({ hash: ROOT, matches: true, tags: TAGS });
  });

  it('blocks the acknowledgement when the file matches but is not signed by the TEE signer on chain', () => {
    mock(deliverable(), ROOT, '0x00000000000000000000000000000000000000b2');
    show();
    expect(ackButton()).toBeNull();
    expect(screen.getByText('Blocked: the file is not signed by the provider’s TEE key.')).toBeDefined();
    cleanup();
    mock(deliverable(), ROOT, null);
    show();
    expect(ackButton()).toBeNull();
  });

  it('offers the proof: a zip with the model this visit, hashes only after a reload', () => {
    mock(deliverable(), ROOT);
    show();
    const proof = screen.getByRole('region', { name: 'Proof' });
    expect(proof.textContent).toContain('a zip with the encrypted model');
    expect(screen.getByRole('button', { name: 'Download proof' })).toBeDefined();
    expect(screen.getByRole('button', { name: 'Copy proof (JSON)' })).toBeDefined();
    expect(screen.getByRole('button', { name: 'Copy share link' })).toBeDefined();
    cleanup();
    mock(deliverable(), null);
    show(saved(ROOT, true, TAGS));
    expect(screen.getByRole('region', { name: 'Proof' }).textContent).toContain('holds its hashes only');
    expect(ackButton()).not.toBeNull();
    cleanup();
    // A check saved by an older version has no tags: no proof, and nothing claimed about the signature.
    mock(deliverable(), null, null);
    show(saved(ROOT, true));
    expect(screen.queryByRole('region', { name: 'Proof' })).toBeNull();
    expect(screen.queryByText(/Signed by the provider|NOT signed/)).toBeNull();
  });

  it('after a reload, blocks on a saved mismatch and on a saved match of another hash', () => {
    mock(deliverable(), null);
    show(saved(ROOT, false));
    expect(ackButton()).toBeNull();
    cleanup();
    mock(deliverable(), null);
    show(saved(OTHER, true));
    expect(ackButton()).toBeNull();
    cleanup();
    mock(deliverable(), null);
    show(saved(ROOT, true));
    expect(ackButton()).not.toBeNull();
  });

  it('does not offer it while the chain has no model root hash', () => {
    mock(deliverable({ modelRootHash: '0x' }), ROOT);
    show();
    expect(ackButton()).toBeNull();
    expect(screen.getByText('Available once the downloaded file matches the hash on chain.')).toBeDefined();
  });
});
