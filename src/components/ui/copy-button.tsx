import { useState } from 'react';
import { cn } from '../../lib/cn';
import { buttonClass } from './button';

// Class strings, not merged here: merging at load time would run tailwind-merge's setup while the app's code is still
// loading, where it lengthens the first page's start.
const VARIANT = {
  // At least 24 x 24 px (the smallest tap target the app allows); zinc-600 stays 4.5:1 on the grey of a code header.
  inline:
    'inline-flex h-6 min-w-6 items-center justify-center rounded-md px-1.5 text-xs text-zinc-600 hover:bg-zinc-100 hover:text-zinc-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-500 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-200',
  secondary: null,
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
      className={
        variant === 'secondary'
          ? buttonClass('secondary', 'sm', cn('min-w-16', className))
          : cn(VARIANT.inline, className)
      }
    >
      {copied ? 'Copied' : text}
    </button>
  );
}
