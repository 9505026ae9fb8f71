import { useState } from 'react';
import { cn } from '../../lib/cn';

const VARIANT = {
  inline:
    'rounded px-1.5 py-0.5 text-xs text-zinc-500 dark:text-zinc-400 hover:bg-zinc-100 hover:text-zinc-800 dark:hover:bg-zinc-800 dark:hover:text-zinc-200',
  secondary:
    'inline-flex h-8 min-w-16 items-center justify-center rounded-lg border border-zinc-300 bg-white px-2.5 text-sm font-medium text-zinc-900 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800',
} as const;

/** Copies `value`; says "Copied" for a moment so the press is visibly confirmed. */
export function CopyButton({
  value,
  label,
  text = 'Copy',
  variant = 'inline',
  className,
}: {
  value: string;
  label: string;
  /** Visible text; the accessible name is `label`. */
  text?: string;
  /** `inline` beside a value, `secondary` as a full-size button. */
  variant?: keyof typeof VARIANT;
  className?: string;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      aria-label={copied ? 'Copied' : label}
      title={label}
      onClick={() => {
        void navigator.clipboard.writeText(value).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        });
      }}
      className={cn(VARIANT[variant], className)}
    >
      {copied ? 'Copied' : text}
    </button>
  );
}
