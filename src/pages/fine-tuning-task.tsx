import type { ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { getAddress, isAddress } from 'viem';
import { useAccount } from 'wagmi';
import { TaskMonitor } from '../components/fine-tuning/task-monitor';
import { CopyButton } from '../components/ui/copy-button';
import { QueryError } from '../components/ui/query-error';
import { ConnectButton } from '../components/wallet/connect-button';
import { paths } from '../config/routes';
import { useTaskNotes } from '../hooks/fine-tuning/use-task-monitor';
import { useFineTuningServices } from '../hooks/marketplace/use-services';
import { useNetwork } from '../hooks/network/use-network';
import { sameAddress } from '../lib/address';
import { isTaskId } from '../lib/fine-tuning/task';

const muted = 'text-sm text-zinc-600 dark:text-zinc-400';
const back = (
  <Link to={paths.fineTuning} className="text-violet-700 underline dark:text-violet-300">
    Back to fine-tuning
  </Link>
);

// The provider comes from the address (a link from the wizard), else from what this browser noted for the task.
const asAddress = (v: string | null | undefined) => (v && isAddress(v, { strict: false }) ? getAddress(v) : null);

/** One fine-tuning task of the connected wallet: its progress, log and loss, cancel, and the delivered model. */
export function FineTuningTaskPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { network } = useNetwork();
  const { address } = useAccount();
  const notes = useTaskNotes(id);
  const services = useFineTuningServices();
  const fromUrl = asAddress(params.get('provider'));
  const provider = fromUrl ?? asAddress(notes.notes?.provider);
  const service = services.data?.find((s) => sameAddress(s.provider, provider));
  const validId = isTaskId(id);

  const body = (): ReactNode => {
    if (!validId) return <p>This address does not name a task: task ids are hex digits and dashes. {back}</p>;
    if (!address)
      return (
        <div className="flex flex-col items-start gap-3 rounded-xl border border-dashed border-zinc-300 p-6 dark:border-zinc-700">
          <p>Tasks belong to the wallet that created them: connect it to follow this one.</p>
          <ConnectButton />
        </div>
      );
    if (!provider && !notes.loaded) return <p className={muted}>Looking up the task…</p>;
    if (!provider)
      return (
        <p>
          This app does not know which provider runs this task: open it from the fine-tuning page, where your tasks are
          listed. {back}
        </p>
      );
    if (services.isError)
      return (
        <QueryError
          what={`the fine-tuning providers on ${network.chain.name}`}
          error={services.error}
          onRetry={() => void services.refetch()}
        />
      );
    if (!services.data) return <p className={muted}>Reading the fine-tuning providers from {network.chain.name}…</p>;
    if (!service)
      return (
        <p>
          The provider {provider} offers no fine-tuning service on {network.chain.name}. {back}
        </p>
      );
    return <TaskMonitor key={`${network.chain.id}:${address}`} service={service} taskId={id} notes={notes} />;
  };

  return (
    <section aria-labelledby="page-title" className="flex min-w-0 flex-col gap-5">
      <div className="flex min-w-0 flex-col gap-1">
        <h1 id="page-title" className="text-2xl font-semibold">
          Fine-tuning task
        </h1>
        <p className="flex min-w-0 flex-wrap items-center gap-1 text-sm">
          <span className="text-zinc-600 dark:text-zinc-400">Task</span>
          <span className="font-mono break-all">{id}</span>
          {validId && <CopyButton value={id} label="Copy task id" />}
        </p>
        {provider && (
          <p className="flex min-w-0 flex-wrap items-center gap-1 text-sm">
            <span className="text-zinc-600 dark:text-zinc-400">Provider</span>
            <span className="font-mono break-all">{provider}</span>
          </p>
        )}
      </div>
      {body()}
    </section>
  );
}
