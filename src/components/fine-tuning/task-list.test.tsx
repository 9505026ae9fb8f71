// @vitest-environment happy-dom
import { ftTask } from './test-task';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { Address } from 'viem';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useFineTuningModels, useFineTuningTasks } from '../../hooks/fine-tuning/use-fine-tuning-provider';
import type { FineTuningService } from '../../lib/chain/services';
import type { FtModel } from '../../lib/fine-tuning/provider-api';
import type { FtTask } from '../../lib/fine-tuning/task';
import { TaskList } from './task-list';

vi.mock('../../hooks/fine-tuning/use-fine-tuning-provider', () => ({
  useFineTuningModels: vi.fn(),
  useFineTuningTasks: vi.fn(),
}));

const HOSTILE = '<img src=x onerror=alert(1)>';
const LONG = 'q'.repeat(10_000);
const PROVIDER = '0x00000000000000000000000000000000000000a1' as Address;

const service = { provider: PROVIDER, url: 'https://ft.example' } as FineTuningService;

const task = (over: Partial<FtTask>): FtTask => ftTask(over);

function mock(tasks: FtTask[], models: FtModel[]) {
  const query = (data: unknown) => ({ isPending: false, isError: false, data, refetch: vi.fn() });
  vi.mocked(useFineTuningTasks).mockReturnValue(query(tasks) as unknown as ReturnType<typeof useFineTuningTasks>);
  vi.mocked(useFineTuningModels).mockReturnValue(query(models) as unknown as ReturnType<typeof useFineTuningModels>);
}

const show = () =>
  render(
    <MemoryRouter>
      <TaskList service={service} />
    </MemoryRouter>,
  );

afterEach(cleanup);

describe('TaskList', () => {
  it('renders hostile task fields from the provider as text, in cells that wrap or scroll', () => {
    mock(
      [
        // Not what parseTask lets through (ids are hex, times parse): the table must hold anyway.
        task({ id: `javascript:alert(1)//${HOSTILE}`, progress: HOSTILE, createdAt: HOSTILE, updatedAt: HOSTILE }),
        task({ id: '0a1b2c3d-0000-4000-8000-000000000002', preTrainedModelHash: 'h-long' }),
        task({ id: '0a1b2c3d-0000-4000-8000-000000000003', preTrainedModelHash: LONG }),
      ],
      [
        { name: HOSTILE, hash: '0xmodel', description: '' },
        { name: LONG, hash: 'h-long', description: '' },
      ],
    );
    const { container } = show();
    expect(container.querySelector('img, script, iframe, object, embed, [onerror]')).toBeNull();
    const region = screen.getByRole('region', { name: 'Tasks table' });
    expect(region.className).toMatch(/overflow-x-auto/);
    const rows = within(region).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    const cells = (r: number) => within(rows[r] as HTMLElement).getAllByRole('cell');
    expect(cells(0).map((c) => c.textContent)).toEqual([
      `javascript:alert(1)//${HOSTILE}`,
      `Provider state: ${HOSTILE}`,
      HOSTILE,
      '0 0G',
      HOSTILE,
      HOSTILE,
    ]);
    // The model column shows the provider's name for the hash, else the hash itself; both wrap.
    expect(cells(1)[2]?.textContent).toBe(LONG);
    expect(cells(2)[2]?.textContent).toBe(LONG);
    for (const r of [1, 2]) expect(cells(r)[2]?.className).toMatch(/break-all|break-words/);
    for (const a of within(region).getAllByRole('link')) {
      // Always a path inside the app: a hostile id is encoded into it, never a scheme of its own.
      expect(a.getAttribute('href')).toMatch(/^\/fine-tuning\/tasks\/[^/:]+\?provider=0x/);
    }
  });

  it('says so when there are no tasks', () => {
    mock([], []);
    show();
    expect(screen.getByText('No tasks yet.')).toBeDefined();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
