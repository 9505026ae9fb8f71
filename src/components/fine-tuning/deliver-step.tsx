import type { ReactNode } from 'react';

/** One numbered step of the delivery: a heading that says what it does, then its content. */
export function DeliverStep({ n, title, children }: { n: number; title: string; children: ReactNode }) {
  return (
    <li className="flex min-w-0 flex-col gap-2 border-t border-zinc-200 pt-4 first:border-t-0 first:pt-0 dark:border-zinc-800">
      <h3 className="font-medium">
        <span className="text-zinc-600 dark:text-zinc-400">{n}. </span>
        {title}
      </h3>
      {children}
    </li>
  );
}

/** A hash as selectable monospace text, with its name. */
export function HashLine({ name, hash }: { name: string; hash: string }) {
  return (
    <p className="min-w-0 text-xs">
      <span className="text-zinc-600 dark:text-zinc-400">{name}: </span>
      <span className="font-mono break-all">{hash}</span>
    </p>
  );
}
