import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAccount } from 'wagmi';
import { paths } from '../../config/routes';
import { endpointOf, useSignDigest } from '../../hooks/fine-tuning/use-fine-tuning-chain';
import { useFineTuningTasks, usePendingTasks } from '../../hooks/fine-tuning/use-fine-tuning-provider';
import { useNetwork } from '../../hooks/network/use-network';
import type { FineTuningService } from '../../lib/chain/services';
import { toAppError } from '../../lib/errors';
import { taskDigest } from '../../lib/fine-tuning/digests';
import { fineTuningStore } from '../../lib/fine-tuning/draft-store';
import type { FtModel } from '../../lib/fine-tuning/provider-api';
import { createTask } from '../../lib/fine-tuning/provider-api';
import { isTerminal, progressLabel } from '../../lib/fine-tuning/task';
import { Button } from '../ui/button';

/** The SDK's task nonce: milliseconds × 10000 + 40, above any nonce the account has used. */
const taskNonce = () => BigInt(Date.now()) * 10_000n + 40n;

/**
 * Step 6: the checks before sending (an unfinished task blocks a new one on chain; a busy provider
 * queues it), then one signature over (user, nonce, dataset hash) and the task request.
 */
export function CreateStep({
  service,
  model,
  datasetHash,
  trainingParams,
  onBack,
}: {
  service: FineTuningService;
  model: FtModel;
  datasetHash: string;
  trainingParams: string;
  onBack: () => void;
}) {
  const { network } = useNetwork();
  const { address } = useAccount();
  const tasks = useFineTuningTasks(service);
  const pending = usePendingTasks(service);
  const sign = useSignDigest();
  const navigate = useNavigate();
  const [queueOk, setQueueOk] = useState(false);
  const [busy, setBusy] = useState<'signing' | 'sending' | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const unfinished = tasks.data?.find((t) => !isTerminal(t.progress));
  const waiting = pending.data ?? 0;

  async function create() {
    if (!address || busy) return;
    setMessage(null);
    setBusy('signing');
    try {
      const nonce = taskNonce();
      const signature = await sign(taskDigest(address, nonce, datasetHash));
      setBusy('sending');
      const { id } = await createTask(endpointOf(network, service), address, {
        userAddress: address,
        datasetHash,
        preTrainedModelHash: model.hash,
        trainingParams,
        // As the SDK sends it: the provider counts the tokens and sets the fee itself.
        fee: '0',
        nonce: nonce.toString(),
        signature,
      });
      await fineTuningStore()
        .saveTask({ chainId: network.chain.id, address }, id, {
          provider: service.provider,
          model: model.name,
          seen: {},
        })
        .catch(() => undefined);
      void tasks.refetch();
      void navigate(paths.fineTuningTask(id, service.provider));
    } catch (err) {
      const e = toAppError(err);
      setMessage(
        e.kind === 'user-rejected'
          ? { text: 'Nothing was signed, so no task was sent.', error: false }
          : { text: e.message, error: true },
      );
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="flex flex-col gap-4 text-sm">
      {unfinished && (
        <div role="alert" className="rounded-lg bg-amber-50 p-3 dark:bg-amber-950">
          <p>
            You already have an unfinished task with this provider ({progressLabel(unfinished.progress)}). The contract
            accepts a new delivery only after the last one is acknowledged, so the provider refuses a second task until
            this one ends: follow it, accept its model or cancel it first.
          </p>
          <Link className="mt-1 inline-block underline" to={paths.fineTuningTask(unfinished.id, service.provider)}>
            Open task {unfinished.id}
          </Link>
        </div>
      )}
      {pending.isError && <p>The provider’s queue could not be read; it will say so if it cannot take the task.</p>}
      {waiting > 0 && !unfinished && (
        <label className="flex items-start gap-2 rounded-lg bg-amber-50 p-3 dark:bg-amber-950">
          <input type="checkbox" checked={queueOk} onChange={(e) => setQueueOk(e.target.checked)} className="mt-1" />
          <span>
            The provider is busy: {waiting} {waiting === 1 ? 'task waits' : 'tasks wait'} before yours would start.
            Queue my task anyway (or come back later: your choices are kept).
          </span>
        </label>
      )}
      <p>
        Creating the task asks for one wallet signature; the provider then trains in its TEE. Nothing is charged until
        you accept the delivered model.
      </p>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'text-red-700 dark:text-red-400' : ''}>
          {message.text}
        </p>
      )}
      <div className="flex gap-3">
        <Button variant="ghost" onClick={onBack} disabled={busy !== null}>
          Back
        </Button>
        <Button
          onClick={() => void create()}
          disabled={busy !== null || !!unfinished || tasks.isPending || (waiting > 0 && !queueOk)}
        >
          {busy === 'signing' ? 'Sign in your wallet…' : busy === 'sending' ? 'Creating…' : 'Sign and create the task'}
        </Button>
      </div>
    </div>
  );
}
