import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A route whose feature is not built yet: says what will be here, and where to go meanwhile. */
export function ComingSoon({
  title,
  intro,
  items,
  children,
}: {
  title: string;
  intro: string;
  items: string[];
  children?: ReactNode;
}) {
  return (
    <section aria-labelledby="page-title" className="max-w-2xl">
      <h1 id="page-title" className="text-2xl font-semibold">
        {title}
      </h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">{intro}</p>
      <div className="mt-6 rounded-xl border border-dashed border-zinc-300 p-5 dark:border-zinc-700">
        <p className="text-sm font-medium">Coming to this page</p>
        <ul className="mt-2 list-disc pl-5 text-sm text-zinc-600 dark:text-zinc-400">
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        {children}
      </div>
      <p className="mt-6 text-sm">
        Meanwhile,{' '}
        <Link to="/" className="text-violet-700 underline dark:text-violet-300">
          browse the providers
        </Link>{' '}
        and check their attestations.
      </p>
    </section>
  );
}
