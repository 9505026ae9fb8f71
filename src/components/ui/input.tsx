import type { ComponentProps } from 'react';
import { cn } from '../../lib/cn';

/**
 * What every text control shares: a border of at least 3:1 against the page in both themes (zinc-500),
 * text and placeholder of at least 4.5:1, the app's focus outline and a red border when invalid.
 */
export const CONTROL_CLASS =
  'min-w-0 max-w-full rounded-lg border border-zinc-500 bg-white text-sm text-zinc-900 placeholder:text-zinc-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-500 disabled:cursor-not-allowed disabled:bg-zinc-100 aria-invalid:border-red-600 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-400 dark:disabled:bg-zinc-800 dark:aria-invalid:border-red-500';

/** A text input (text, search, number…); full width of its container unless a class says otherwise. */
export function Input({ className, ...props }: ComponentProps<'input'>) {
  return <input className={cn(CONTROL_CLASS, 'h-10 w-full px-3', className)} {...props} />;
}
