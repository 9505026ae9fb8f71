import { lazy, Suspense, useDeferredValue, useState } from 'react';
import { useSearchParams } from 'react-router';
import { FilterBar } from '../components/marketplace/filter-bar';
import { GetStarted } from '../components/marketplace/get-started';
import { ServiceCard } from '../components/marketplace/service-card';
import { Button } from '../components/ui/button';
import { QueryError } from '../components/ui/query-error';
import { useServices } from '../hooks/marketplace/use-services';
import { useProbeUpdates } from '../hooks/health/use-probe';
import { useNetwork } from '../hooks/network/use-network';
import {
  applyFilters,
  filtersToParams,
  groupByModel,
  MAX_COMPARE,
  parseFilters,
  type Filters,
} from '../lib/marketplace';

// The comparison (with its attestation checks) loads when providers are picked for it, not with the front page.
const ComparePanel = lazy(() =>
  import('../components/marketplace/compare-panel').then((m) => ({ default: m.ComparePanel })),
);

const SHOWN_PER_PAGE = 50;

export function MarketplacePage() {
  const { network } = useNetwork();
  const services = useServices();
  const [params, setParams] = useSearchParams();
  const filters = parseFilters(params);
  const [shown, setShown] = useState(SHOWN_PER_PAGE);
  // Functional updates: two quick changes before the URL re-renders must both land.
  const update = (patch: Partial<Filters>) =>
    setParams((prev) => filtersToParams({ ...parseFilters(prev), ...patch }), { replace: true });

  // Deferred: the list arrives as one synchronous render otherwise, a long task on a slow phone; this way React
  // renders the cards in the background and keeps the page responsive meanwhile.
  const data = useDeferredValue(services.data);
  const all = data ?? [];
  useProbeUpdates(filters.sort === 'fastest' || filters.answering === true);
  const visible = applyFilters(all, filters);
  const selected = filters.compare
    .map((a) => all.find((s) => s.provider.toLowerCase() === a))
    .filter((s) => s !== undefined);
  const toggleCompare = (address: string, on: boolean) => {
    const a = address.toLowerCase();
    setParams(
      (prev) => {
        const f = parseFilters(prev);
        const rest = f.compare.filter((x) => x !== a);
        return filtersToParams({ ...f, compare: on ? [...rest, a].slice(-MAX_COMPARE) : rest });
      },
      { replace: true },
    );
  };
  const card = (s: (typeof all)[number], showModel = true) => (
    <li key={s.provider}>
      <ServiceCard
        service={s}
        showModel={showModel}
        compared={filters.compare.includes(s.provider.toLowerCase())}
        onCompare={(on) => toggleCompare(s.provider, on)}
      />
    </li>
  );

  return (
    <section aria-labelledby="page-title" className="flex flex-col gap-5">
      <div>
        <h1 id="page-title" className="text-2xl font-semibold">
          Providers on {network.chain.name}
        </h1>
        <p className="mt-1 max-w-2xl text-sm text-zinc-600 dark:text-zinc-400">
          Every inference service registered on chain, with its prices and how its answers can be verified. No wallet
          needed to browse.
        </p>
      </div>
      <GetStarted networkName={network.chain.name} />
      <FilterBar filters={filters} onChange={update} />
      {selected.length > 0 && (
        <Suspense fallback={null}>
          <ComparePanel selected={selected} onClear={() => update({ compare: [] })} />
        </Suspense>
      )}
      {data === undefined && !services.isError ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400" role="status">
          Loading providers from {network.chain.name}…
        </p>
      ) : services.isError ? (
        <QueryError
          what={`providers from ${network.chain.name}`}
          error={services.error}
          onRetry={() => void services.refetch()}
        />
      ) : all.length === 0 ? (
        <p className="rounded-xl border border-dashed border-zinc-300 p-6 text-sm dark:border-zinc-700">
          No provider has registered a service on {network.chain.name} yet.
        </p>
      ) : visible.length === 0 ? (
        <p className="rounded-xl border border-dashed border-zinc-300 p-6 text-sm dark:border-zinc-700">
          No provider matches these filters.{' '}
          <button
            type="button"
            className="text-violet-700 underline dark:text-violet-300"
            onClick={() => setParams({})}
          >
            Clear filters
          </button>
        </p>
      ) : (
        <>
          <p className="text-sm text-zinc-500 dark:text-zinc-400" aria-live="polite">
            {visible.length} of {all.length} services
          </p>
          {filters.view === 'models' ? (
            <div className="flex flex-col gap-6">
              {groupByModel(visible.slice(0, shown)).map((g) => (
                <section key={g.model} aria-label={`Model ${g.model}`}>
                  <h2 className="mb-2 font-semibold break-words">
                    {g.model}{' '}
                    <span className="text-sm font-normal text-zinc-500 dark:text-zinc-400">
                      {g.services.length} provider{g.services.length === 1 ? '' : 's'}
                    </span>
                  </h2>
                  <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">{g.services.map((s) => card(s, false))}</ul>
                </section>
              ))}
            </div>
          ) : (
            <ul aria-label="Providers" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {visible.slice(0, shown).map((s) => card(s))}
            </ul>
          )}
          {visible.length > shown && (
            <Button variant="secondary" className="self-center" onClick={() => setShown((n) => n + SHOWN_PER_PAGE)}>
              Show more ({visible.length - shown} left)
            </Button>
          )}
        </>
      )}
    </section>
  );
}
