import { useId } from 'react';
import { cn } from '../../lib/cn';
import { Button } from '../ui/button';

export type UploadState = 'running' | 'done' | 'failed' | 'cancelled';

const MIB = 1024 * 1024;
const STATE_WORD: Record<UploadState, string> = {
  running: '',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

const count = (n: number) => (Number.isFinite(n) && n > 0 ? n : 0);

/** "4.2 of 10.0 MB", or "4.2 MB sent" while the total is unknown; KB below a megabyte. */
export function transferText(sent: number, total: number | null): string {
  const s = count(sent);
  const t = total === null ? null : count(total);
  // One unit for both numbers, chosen by the larger, so "512.0 KB of 1.2 MB" never happens.
  const kb = Math.max(s, t ?? 0) < MIB;
  const show = (n: number) => (n / (kb ? 1024 : MIB)).toFixed(1);
  const unit = kb ? 'KB' : 'MB';
  return t === null ? `${show(s)} ${unit} sent` : `${show(Math.min(s, t))} of ${show(t)} ${unit}`;
}

/** An upload's progress bar and size, Cancel while it runs, Retry after it failed or was cancelled. */
export function UploadProgress({
  label,
  sent,
  total,
  state,
  onCancel,
  onRetry,
  message,
}: {
  label: string;
  sent: number;
  total: number | null;
  state: UploadState;
  onCancel?: () => void;
  onRetry?: () => void;
  message?: string;
}) {
  const id = useId();
  const t = total === null ? null : count(total);
  const max = t || 1;
  // No value is the browser's busy bar: right while a running upload's size is unknown, wrong once it stopped.
  const value = state === 'done' ? max : t === null ? (state === 'running' ? undefined : 0) : Math.min(count(sent), t);
  const percent = t ? Math.floor(((value ?? 0) / t) * 100) : null;
  const stopped = state === 'failed' || state === 'cancelled';
  const cancel = state === 'running' && onCancel;
  const retry = stopped && onRetry;

  return (
    <div className="flex min-w-0 flex-col gap-2">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
        <span className="font-medium">{label}</span>
        <span id={id} className="text-zinc-600 tabular-nums dark:text-zinc-400">
          {transferText(state === 'done' && t !== null ? t : sent, t)}
          {percent !== null && ` (${percent}%)`}
          {STATE_WORD[state] && ` · ${STATE_WORD[state]}`}
        </span>
      </div>
      <progress
        aria-label={label}
        aria-describedby={id}
        value={value}
        max={max}
        className={cn(
          'h-2 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800',
          '[&::-moz-progress-bar]:bg-violet-600 [&::-webkit-progress-bar]:bg-zinc-200 [&::-webkit-progress-value]:bg-violet-600 dark:[&::-webkit-progress-bar]:bg-zinc-800',
          state === 'failed' && '[&::-moz-progress-bar]:bg-red-600 [&::-webkit-progress-value]:bg-red-600',
        )}
      />
      {message &&
        (state === 'failed' ? (
          <p role="alert" className="text-sm break-words text-red-700 dark:text-red-400">
            {message}
          </p>
        ) : (
          <p className="text-sm break-words text-zinc-600 dark:text-zinc-400">{message}</p>
        ))}
      {(cancel || retry) && (
        <div className="flex gap-2">
          {cancel && (
            <Button variant="secondary" size="sm" onClick={onCancel}>
              Cancel
            </Button>
          )}
          {retry && (
            <Button size="sm" onClick={onRetry}>
              Retry
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
