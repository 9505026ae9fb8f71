import { useEffect, useMemo, useState } from 'react';
import { useFineTuningModels } from '../../hooks/fine-tuning/use-fine-tuning-provider';
import { useCancelTask, useTaskMonitor, type TaskNotesHandle } from '../../hooks/fine-tuning/use-task-monitor';
import type { FineTuningService } from '../../lib/chain/services';
import { describeOutage } from '../../lib/fine-tuning/backoff';
import { parseLoss } from '../../lib/fine-tuning/loss';
import { timelineSteps } from '../../lib/fine-tuning/monitor';
import { canCancel, deliveredOrLater, isTerminal, progressLabel, stateTimes } from '../../lib/fine-tuning/task';
import { absoluteTime } from '../../lib/format';
import { og } from '../../lib/units';
import { Button } from '../ui/button';
import { Panel } from '../ui/panel';
import { DeliverPanel } from './deliver-panel';
import { LogView } from './log-view';
import { LossChart } from './loss-chart';
import { ProgressTimeline } from './progress-timeline';

const muted = 'text-sm text-zinc-600 dark:text-zinc-400';

// The clock the durations run on: ticks each second only while something is still moving.
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

const when = (iso: string) => absoluteTime(Math.floor(Date.parse(iso) / 1000));

/** A task live: details, progress with time per state, cancel, the log, the loss chart and, once delivered, delivery. */
export function TaskMonitor({
  service,
  taskId,
  notes,
}: {
  service: FineTuningService;
  taskId: string;
  notes: TaskNotesHandle;
}) {
  const { task, log, error, outage } = useTaskMonitor(service, taskId, notes);
  const models = useFineTuningModels(service);
  const progress = task?.progress ?? '';
  const now = useNow(!task || !isTerminal(progress));
  const seen = notes.notes?.seen;
  const steps = useMemo(() => timelineSteps(stateTimes(log, seen ?? {}, now), progress), [log, seen, now, progress]);
  const points = useMemo(() => parseLoss(log), [log]);
  const cancelling = useCancelTask(service, taskId);
  // Kept once answered, so the provider's refusal stays readable after the state moved on.
  const showCancel = canCancel(progress) || cancelling.state.step === 'failed' || cancelling.state.step === 'done';
  const model = task && (models.data?.find((m) => m.hash === task.preTrainedModelHash)?.name ?? notes.notes?.model);

  return (
    <div className="flex min-w-0 flex-col gap-5">
      {outage ? (
        <p role="status" className="text-sm text-amber-800 dark:text-amber-300">
          {describeOutage(outage.since, now)}
        </p>
      ) : (
        error && (
          <p role="alert" className="text-sm break-words text-red-700 dark:text-red-400">
            {error.message} Asking again by itself.
          </p>
        )
      )}
      {!task ? (
        !error && <p className={muted}>Asking the provider for the task…</p>
      ) : (
        <>
          <dl className="grid min-w-0 grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-zinc-600 dark:text-zinc-400">State</dt>
            <dd className="font-medium break-words">{progressLabel(progress)}</dd>
            <dt className="text-zinc-600 dark:text-zinc-400">Model</dt>
            <dd className="min-w-0 break-all">{model ?? task.preTrainedModelHash}</dd>
            <dt className="text-zinc-600 dark:text-zinc-400">Fee</dt>
            <dd>{og(task.fee)}</dd>
            <dt className="text-zinc-600 dark:text-zinc-400">Created</dt>
            <dd>{when(task.createdAt)}</dd>
            <dt className="text-zinc-600 dark:text-zinc-400">Updated</dt>
            <dd>{when(task.updatedAt)}</dd>
          </dl>
          {progress === 'Failed' && (
            <p className="text-sm">
              The training failed. The last log lines below say why; nothing was delivered, so there is nothing to
              download.
            </p>
          )}
          {progress === 'Cancelled' && (
            <p className="text-sm">The task was cancelled. Nothing was delivered, so there is nothing to download.</p>
          )}
          <Panel
            title="Progress"
            action={showCancel && <CancelTask cancelling={cancelling} allowed={canCancel(progress)} />}
          >
            <ProgressTimeline steps={steps} />
          </Panel>
          {deliveredOrLater(progress) && (
            <DeliverPanel service={service} model={model ?? task.preTrainedModelHash} taskId={taskId} notes={notes} />
          )}
        </>
      )}
      <Panel title="Log">
        <LogView text={log} label="Task log" />
      </Panel>
      <Panel title="Training loss">
        <LossChart points={points} />
      </Panel>
      {notes.saveError && <p className={muted}>The times seen could not be saved: {notes.saveError}</p>}
    </div>
  );
}

// Confirmed in place: a cancel is final, but it costs nothing before delivery.
function CancelTask({ cancelling, allowed }: { cancelling: ReturnType<typeof useCancelTask>; allowed: boolean }) {
  const { state, cancel, reset } = cancelling;
  const [asking, setAsking] = useState(false);
  const busy = state.step === 'signing' || state.step === 'sending';

  if (state.step === 'done')
    return (
      <p role="status" className={muted}>
        Cancel requested: the provider stops the task.
      </p>
    );
  return (
    <div className="flex max-w-md flex-col items-end gap-2 text-right">
      {!allowed ? null : asking ? (
        <>
          <p className="text-sm">Cancel this task? The provider stops it; nothing is charged before delivery.</p>
          <div className="flex gap-2">
            <Button variant="danger" size="sm" disabled={busy} onClick={() => void cancel()}>
              Cancel task
            </Button>
            <Button
              variant="secondary"
              size="sm"
              disabled={busy}
              onClick={() => {
                setAsking(false);
                reset();
              }}
            >
              Keep training
            </Button>
          </div>
        </>
      ) : (
        <Button variant="secondary" size="sm" onClick={() => setAsking(true)}>
          Cancel task
        </Button>
      )}
      {state.step === 'signing' && <p className={muted}>Confirm the signature in your wallet…</p>}
      {state.step === 'declined' && <p className={muted}>Nothing was signed.</p>}
      {state.step === 'failed' && (
        <p role="alert" className="text-sm break-words text-red-700 dark:text-red-400">
          {state.error.message}
        </p>
      )}
    </div>
  );
}
