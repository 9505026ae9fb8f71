// @vitest-environment happy-dom
import { ftTask } from './test-task';
import { cleanup, render, screen } from '@testing-library/react';
import type { Address } from 'viem';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useDeliverable, useFineTuningTx } from '../../hooks/fine-tuning/use-fine-tuning-chain';
import { useFineTuningModels } from '../../hooks/fine-tuning/use-fine-tuning-provider';
import { useModelDownload } from '../../hooks/fine-tuning/use-model-download';
import { useCancelTask, useTaskMonitor, type TaskNotesHandle } from '../../hooks/fine-tuning/use-task-monitor';
import { NetworkContext } from '../../hooks/network/use-network';
import { devnet } from '../../lib/chain/networks';
import type { FineTuningService } from '../../lib/chain/services';
import { ProviderHttpError, toAppError } from '../../lib/errors';
import type { FtModel } from '../../lib/fine-tuning/provider-api';
import type { FtTask } from '../../lib/fine-tuning/task';
import { TaskMonitor } from './task-monitor';

vi.mock('../../hooks/fine-tuning/use-task-monitor', () => ({ useTaskMonitor: vi.fn(), useCancelTask: vi.fn() }));
vi.mock('../../hooks/fine-tuning/use-fine-tuning-provider', () => ({ useFineTuningModels: vi.fn() }));
vi.mock('../../hooks/fine-tuning/use-fine-tuning-chain', () => ({ useDeliverable: vi.fn(), useFineTuningTx: vi.fn() }));
vi.mock('../../hooks/fine-tuning/use-model-download', () => ({
  useModelDownload: vi.fn(),
  useTagSigner: () => undefined,
}));

const HOSTILE = '<img src=x onerror=alert(1)>';
const LONG = 'z'.repeat(10_000);
const TASK = '0a1b2c3d-0000-4000-8000-000000000001';
const PROVIDER = '0x00000000000000000000000000000000000000a1' as Address;
const service = { provider: PROVIDER, url: 'https://ft.example' } as FineTuningService;
const network = devnet('http://127.0.0.1:8545', { ledger: PROVIDER, inference: PROVIDER, fineTuning: PROVIDER });
const notes: TaskNotesHandle = { notes: null, loaded: true, update: vi.fn(), saveError: HOSTILE };

const task = (over: Partial<FtTask>): FtTask => ftTask({ id: TASK, ...over });

function mock(monitor: ReturnType<typeof useTaskMonitor>, models: FtModel[]) {
  vi.mocked(useTaskMonitor).mockReturnValue(monitor);
  vi.mocked(useCancelTask).mockReturnValue({ state: { step: 'idle' }, cancel: vi.fn(async () => {}), reset: vi.fn() });
  vi.mocked(useFineTuningModels).mockReturnValue({
    isPending: false,
    isError: false,
    data: models,
  } as unknown as ReturnType<typeof useFineTuningModels>);
  vi.mocked(useDeliverable).mockReturnValue({ data: null, isError: false } as ReturnType<typeof useDeliverable>);
  vi.mocked(useFineTuningTx).mockReturnValue({ pending: null } as unknown as ReturnType<typeof useFineTuningTx>);
  vi.mocked(useModelDownload).mockReturnValue({
    ...{ state: 'declined', received: 0, total: null, message: HOSTILE, file: null },
    start: vi.fn(async () => {}),
    cancel: vi.fn(),
  });
}

const show = () =>
  render(
    <NetworkContext.Provider value={{ network, networks: [network], setNetwork: () => {} }}>
      <TaskMonitor service={service} taskId={TASK} notes={notes} />
    </NetworkContext.Provider>,
  );

const dd = (name: string) => screen.getByText(name, { selector: 'dt' }).nextElementSibling as HTMLElement;

function expectInert(root: HTMLElement) {
  expect(root.querySelector('img, script, iframe, object, embed, [onerror]')).toBeNull();
  for (const a of root.querySelectorAll('a')) expect(a.getAttribute('href') ?? '').not.toMatch(/^\s*javascript:/i);
}

afterEach(cleanup);

describe('TaskMonitor', () => {
  it('renders a hostile task, log and model name as wrapping text', () => {
    const log = `${HOSTILE}\n[javascript:alert(1)](javascript:alert(1))\n${LONG}`;
    mock({ task: task({ progress: HOSTILE }), log, error: null, outage: null }, [
      { name: LONG, hash: '0xmodel', description: '' },
    ]);
    const { container } = show();
    expectInert(container);
    expect(dd('State').textContent).toBe(`Provider state: ${HOSTILE}`);
    expect(dd('State').className).toMatch(/break-words|break-all/);
    expect(dd('Model').textContent).toBe(LONG);
    expect(dd('Model').className).toMatch(/break-all|break-words/);
    expect(screen.getByRole('log', { name: 'Task log' }).textContent).toContain(log);
    expect(screen.getByText(`The times seen could not be saved: ${HOSTILE}`)).toBeDefined();
  });

  it('falls back to the hash as the model name, and wraps it', () => {
    mock({ task: task({ preTrainedModelHash: LONG }), log: '', error: null, outage: null }, []);
    show();
    expect(dd('Model').textContent).toBe(LONG);
    expect(dd('Model').className).toMatch(/break-all|break-words/);
  });

  it('shows a hostile provider error as text, wrapped', () => {
    const error = toAppError(new ProviderHttpError('malformed', HOSTILE, { code: 'malformed' }));
    mock({ task: null, log: '', error, outage: null }, []);
    const { container } = show();
    expectInert(container);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(HOSTILE);
    expect(alert.className).toMatch(/break-words/);
  });

  it('once delivered, shows the delivery with a hostile download message as text', () => {
    mock({ task: task({ progress: 'Delivered' }), log: '', error: null, outage: null }, []);
    const { container } = show();
    expectInert(container);
    expect(screen.getByRole('heading', { name: /Acknowledge the model on chain/ })).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Acknowledge the model on chain' })).toBeNull();
    expect(screen.getByText(HOSTILE, { selector: 'span' })).toBeDefined();
  });
});
