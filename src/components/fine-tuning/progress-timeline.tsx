import { cn } from '../../lib/cn';

export type StepStatus = 'done' | 'current' | 'waiting' | 'failed' | 'cancelled';

export interface TimelineStep {
  /** The provider's state name, e.g. "SettingUp"; a key, never shown. */
  state: string;
  label: string;
  status: StepStatus;
  /** Time spent in the step, or null when unknown or not started. */
  ms: number | null;
}

const WORD: Record<StepStatus, string> = {
  done: 'done',
  current: 'in progress',
  waiting: 'waiting',
  failed: 'failed',
  cancelled: 'cancelled',
};

// A different mark per status, so the state never rests on colour alone.
const MARK: Record<StepStatus, { symbol: string; className: string }> = {
  done: { symbol: '✓', className: 'bg-emerald-600 text-white dark:bg-emerald-500 dark:text-zinc-950' },
  current: { symbol: '●', className: 'bg-violet-600 text-white ring-4 ring-violet-200 dark:ring-violet-900' },
  waiting: { symbol: '○', className: 'border border-zinc-400 text-zinc-500 dark:border-zinc-600 dark:text-zinc-400' },
  failed: { symbol: '✕', className: 'bg-red-600 text-white' },
  cancelled: { symbol: '–', className: 'bg-zinc-500 text-white dark:bg-zinc-600' },
};

/** "4 s", "2 min 5 s", "1 h 3 min" for a duration in ms; "under 1 s" below a second, "" when not a duration. */
export function durationText(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  const s = Math.floor(ms / 1000);
  if (s < 1) return 'under 1 s';
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  // Two units at most: seconds stop mattering once a step takes hours.
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  if (m > 0) return s % 60 > 0 ? `${m} min ${s % 60} s` : `${m} min`;
  return `${s} s`;
}

/** The task's steps in order: each with its status (a mark, and a word for screen readers) and time spent. */
export function ProgressTimeline({ steps }: { steps: readonly TimelineStep[] }) {
  return (
    <ol aria-label="Task progress" className="flex flex-col gap-3">
      {steps.map((step, i) => {
        const mark = MARK[step.status];
        const time = step.ms === null ? '' : durationText(step.ms);
        return (
          <li
            key={`${i}-${step.state}`}
            aria-current={step.status === 'current' ? 'step' : undefined}
            className="flex items-center gap-3 text-sm"
          >
            <span
              aria-hidden="true"
              className={cn('flex size-6 shrink-0 items-center justify-center rounded-full text-xs', mark.className)}
            >
              {mark.symbol}
            </span>
            <span
              className={cn(
                'min-w-0 break-words',
                step.status === 'current' && 'font-semibold',
                step.status === 'waiting' && 'text-zinc-600 dark:text-zinc-400',
              )}
            >
              {step.label}
              <span className="sr-only">: {WORD[step.status]}</span>
            </span>
            {time && (
              <span className="ml-auto shrink-0 text-xs text-zinc-600 tabular-nums dark:text-zinc-400">{time}</span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
