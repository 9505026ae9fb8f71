// @vitest-environment happy-dom
import { ftTask } from './test-task';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import type { Address } from 'viem';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useFineTuningTasks, usePendingTasks } from '../../hooks/fine-tuning/use-fine-tuning-provider';
import { NetworkContext } from '../../hooks/network/use-network';
import { devnet } from '../../lib/chain/networks';
import type { FineTuningService } from '../../lib/chain/services';
import type { FtTask } from '../../lib/fine-tuning/task';
import { CreateStep } from './create-step';

vi.mock('wagmi', () => ({ useAccount: () => ({ address: '0x00000000000000000000000000000000000000bb' }) }));
vi.mock('../../hooks/fine-tuning/use-fine-tuning-chain', () => ({ endpointOf: vi.fn(), useSignDigest: () => vi.fn() }));
vi.mock('../../hooks/fine-tuning/use-fine-tuning-provider', () => ({
  useFineTuningTasks: vi.fn(),
  usePendingTasks: vi.fn(),
}));

const HOSTILE = '<img src=x onerror=alert(1)>';
const PROVIDER = '0x00000000000000000000000000000000000000a1' as Address;
const service = { provider: PROVIDER, url: 'https://ft.example' } as FineTuningService;
const network = devnet('http://127.0.0.1:8545', { ledger: PROVIDER, inference: PROVIDER, fineTuning: PROVIDER });

const task = (progress: string): FtTask => ftTask({ progress });

function mock(tasks: FtTask[], waiting: number) {
  const query = (data: unknown) => ({ isPending: false, isError: false, data, refetch: vi.fn() });
  vi.mocked(useFineTuningTasks).mockReturnValue(query(tasks) as unknown as ReturnType<typeof useFineTuningTasks>);
  vi.mocked(usePendingTasks).mockReturnValue(query(waiting) as unknown as ReturnType<typeof usePendingTasks>);
}

const wrap = (children: ReactNode) => (
  <NetworkContext.Provider value={{ network, networks: [network], setNetwork: () => {} }}>
    <MemoryRouter>{children}</MemoryRouter>
  </NetworkContext.Provider>
);

const show = () =>
  render(
    wrap(
      <CreateStep
        service={service}
        model={{ name: 'base', hash: '0xmodel', description: '' }}
        datasetHash="0xdata"
        trainingParams="{}"
        onBack={() => {}}
      />,
    ),
  );

const create = () => screen.getByRole('button', { name: 'Sign and create the task' }) as HTMLButtonElement;

afterEach(cleanup);

describe('CreateStep', () => {
  it('is ready when no task is unfinished and the queue is empty', () => {
    mock([task('Finished'), task('Failed'), task('Cancelled')], 0);
    show();
    expect(create().disabled).toBe(false);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('blocks a new task while one is unfinished, and shows its hostile state as text', () => {
    mock([task('Finished'), task(HOSTILE)], 3);
    const { container } = show();
    expect(create().disabled).toBe(true);
    expect(container.querySelector('img, script, iframe, [onerror]')).toBeNull();
    expect(screen.getByRole('alert').textContent).toContain(`(Provider state: ${HOSTILE})`);
    const open = screen.getByRole('link', { name: 'Open task 0a1b2c3d-0000-4000-8000-000000000001' });
    expect(open.getAttribute('href')).toMatch(/^\/fine-tuning\/tasks\//);
    // The queue question is moot while a task blocks: it is not asked.
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  it('blocks a new task on a busy provider until queueing is accepted', () => {
    mock([], 2);
    show();
    expect(create().disabled).toBe(true);
    const queue = screen.getByRole('checkbox', { name: /The provider is busy: 2 tasks wait/ });
    fireEvent.click(queue);
    expect(create().disabled).toBe(false);
    fireEvent.click(queue);
    expect(create().disabled).toBe(true);
  });
});
