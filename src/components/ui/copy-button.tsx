import { useState } from 'react';
import { cn } from '../../lib/cn';

/** Copies `value`; says "Copied" for a moment so the press is visibly confirmed. */
export function CopyButton({
  value,
  label,
  text = 'Copy',
  className,
}: {
  value: string;
  label: string;
  /** Visible text; the accessible name is `label`. */
  text?: string;
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
      className={cn(
        'rounded px-1.5 py-0.5 text-xs text-zinc-500 hover:bg-zinc-100 hover:text-zinc-800 dark:hover:bg-zinc-800 dark:hover:text-zinc-200',
        className,
      )}
    >
      {copied ? 'Copied' : text}
    </button>
  );
}
