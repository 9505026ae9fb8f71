import { useId, type ReactNode } from 'react';
import { cn } from '../../lib/cn';

const TONE = {
  plain: 'border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900',
  accent: 'border-violet-200 bg-violet-50/50 p-4 dark:border-violet-900 dark:bg-violet-950/30',
} as const;

/** A titled section card: the heading names the region, an optional action sits beside it. */
export function Panel({
  title,
  action,
  tone = 'plain',
  className,
  children,
}: {
  title: ReactNode;
  action?: ReactNode;
  tone?: keyof typeof TONE;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={cn('rounded-xl border', TONE[tone], className)}>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {action}
      </div>
      {children}
    </section>
  );
}
