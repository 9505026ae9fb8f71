import { Link } from 'react-router';
import { paths } from '../../config/routes';
import { useFineTuningModels, useFineTuningTasks } from '../../hooks/fine-tuning/use-fine-tuning-provider';
import type { FineTuningService } from '../../lib/chain/services';
import { progressLabel } from '../../lib/fine-tuning/task';
import { og } from '../../lib/units';
import { Panel } from '../ui/panel';
import { QueryError } from '../ui/query-error';

const when = (iso: string) => {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? new Date(t).toLocaleString() : iso;
};

/** Step 9: every task of the user with this provider, each opening its monitor page. */
export function TaskList({ service }: { service: FineTuningService }) {
  const tasks = useFineTuningTasks(service);
  const models = useFineTuningModels(service);
  const name = (hash: string) => models.data?.find((m) => m.hash === hash)?.name ?? hash;
  return (
    <Panel title="Your tasks with this provider">
      {tasks.isPending && <p className="text-sm">Asking the provider for your tasks…</p>}
      {tasks.isError && <QueryError what="your tasks" error={tasks.error} onRetry={() => void tasks.refetch()} />}
      {tasks.data?.length === 0 && <p className="text-sm">No tasks yet.</p>}
      {tasks.data && tasks.data.length > 0 && (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Tasks table">
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-zinc-600 dark:text-zinc-400">
              <tr>
                <th className="py-1 pr-3">Task</th>
                <th className="py-1 pr-3">Status</th>
                <th className="py-1 pr-3">Model</th>
                <th className="py-1 pr-3">Fee</th>
                <th className="py-1 pr-3">Created</th>
                <th className="py-1">Updated</th>
              </tr>
            </thead>
            <tbody>
              {tasks.data.map((t) => (
                <tr key={t.id} className="border-t border-zinc-200 dark:border-zinc-800">
                  <td className="py-1 pr-3 font-mono text-xs">
                    <Link className="underline" to={paths.fineTuningTask(t.id, service.provider)}>
                      {t.id}
                    </Link>
                  </td>
                  <td className="py-1 pr-3 break-words">{progressLabel(t.progress)}</td>
                  <td className="py-1 pr-3 break-all">{name(t.preTrainedModelHash)}</td>
                  <td className="py-1 pr-3">{og(t.fee, 12)}</td>
                  <td className="py-1 pr-3">{when(t.createdAt)}</td>
                  <td className="py-1">{when(t.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
