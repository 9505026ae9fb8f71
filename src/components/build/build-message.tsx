import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { paths } from '../../config/routes';

/** The Build page when there is no code to show: a heading and why, in plain words. */
export function BuildMessage({ children }: { children: ReactNode }) {
  return (
    <section aria-labelledby="page-title" className="max-w-2xl">
      <h1 id="page-title" className="text-2xl font-semibold">
        Build
      </h1>
      <div className="mt-2 flex flex-col gap-2 text-zinc-600 dark:text-zinc-400">{children}</div>
      <Link to={paths.marketplace} className="mt-4 inline-block text-violet-700 underline dark:text-violet-300">
        Browse the providers
      </Link>
    </section>
  );
}
