import { toAppError } from '../../lib/errors';
import { Button } from './button';

/** A failed read: what could not be loaded, why in plain words, and a retry. Never an empty list. */
export function QueryError({ what, error, onRetry }: { what: string; error: unknown; onRetry: () => void }) {
  const e = toAppError(error);
  return (
    <div role="alert" className="rounded-xl border border-red-300 bg-red-50 p-5 dark:border-red-900 dark:bg-red-950">
      <p className="font-medium">Could not load {what}.</p>
      <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{e.message}</p>
      <details className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
        <summary className="cursor-pointer">Details</summary>
        <p className="mt-1 break-words whitespace-pre-wrap">{e.details}</p>
      </details>
      <Button className="mt-3" size="sm" onClick={onRetry}>
        Retry
      </Button>
    </div>
  );
}
