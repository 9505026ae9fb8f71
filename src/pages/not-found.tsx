import { Link } from 'react-router';

export function NotFoundPage({ what = 'page' }: { what?: string }) {
  return (
    <section aria-labelledby="page-title" className="max-w-xl">
      <h1 id="page-title" className="text-2xl font-semibold">
        Not found
      </h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">There is no such {what} here.</p>
      <Link to="/" className="mt-4 inline-block text-violet-700 underline dark:text-violet-300">
        Back to the marketplace
      </Link>
    </section>
  );
}
