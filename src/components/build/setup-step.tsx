import type { ReactNode } from 'react';
import type { StepStatus } from '../../lib/build/setup';
import { Badge, type BadgeTone } from '../ui/badge';

const LOOK: Record<StepStatus, { word: string; tone: BadgeTone; mark: string }> = {
  done: { word: 'Done', tone: 'good', mark: '✓' },
  todo: { word: 'Not done', tone: 'neutral', mark: '' },
  checking: { word: 'Checking', tone: 'info', mark: '…' },
  unknown: { word: 'Could not check', tone: 'warn', mark: '?' },
};

/**
 * One checklist item. Its accessible name is its title and state ("Ledger created: done"), and the
 * state is also written out, so neither relies on colour or the tick alone.
 */
export function SetupStep({
  n,
  title,
  status,
  word,
  children,
}: {
  n: number;
  title: string;
  status: StepStatus;
  /** Overrides the state's word, e.g. "Ready" for a step that is advice rather than a task. */
  word?: string;
  children: ReactNode;
}) {
  const look = LOOK[status];
  const said = word ?? look.word;
  return (
    <li aria-label={`${title}: ${said.toLowerCase()}`} className="flex gap-3">
      <span
        aria-hidden
        className={
          status === 'done'
            ? 'flex size-7 shrink-0 items-center justify-center rounded-full bg-emerald-600 text-sm font-semibold text-white'
            : 'flex size-7 shrink-0 items-center justify-center rounded-full border border-zinc-300 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400'
        }
      >
        {look.mark || n}
      </span>
      <div className="flex min-w-0 flex-1 flex-col gap-1.5">
        <p className="flex flex-wrap items-center gap-2">
          <span className="font-medium">{title}</span>
          <Badge tone={word && status === 'done' ? 'info' : look.tone}>{said}</Badge>
        </p>
        <div className="flex flex-col items-start gap-2 text-sm text-zinc-700 dark:text-zinc-300">{children}</div>
      </div>
    </li>
  );
}
