import { MODES, SERVICE_TYPES, TYPE_LABEL, type Filters, type Sort } from '../../lib/marketplace';
import { cn } from '../../lib/cn';

const field = 'h-9 rounded-lg border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900';

/** Search, type and mode filters, sort and the providers/models view switch. */
export function FilterBar({ filters, onChange }: { filters: Filters; onChange: (f: Partial<Filters>) => void }) {
  return (
    <div className="flex flex-wrap items-end gap-3" role="search">
      <label className="flex min-w-48 flex-1 flex-col gap-1 text-xs text-zinc-600 dark:text-zinc-400">
        Search
        <input
          type="search"
          value={filters.q}
          placeholder="Model or provider address"
          onChange={(e) => onChange({ q: e.target.value })}
          className={cn(field, 'w-full')}
        />
      </label>
      <label className="flex flex-col gap-1 text-xs text-zinc-600 dark:text-zinc-400">
        Service type
        <select
          className={field}
          value={filters.type ?? ''}
          onChange={(e) => onChange({ type: e.target.value || null })}
        >
          <option value="">All types</option>
          {SERVICE_TYPES.map((t) => (
            <option key={t} value={t}>
              {TYPE_LABEL[t]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs text-zinc-600 dark:text-zinc-400">
        Verification
        <select
          className={field}
          value={filters.mode ?? ''}
          onChange={(e) => onChange({ mode: (e.target.value || null) as Filters['mode'] })}
        >
          <option value="">Any mode</option>
          {MODES.map((m) => (
            <option key={m} value={m}>
              {m === 'none' ? 'No TEE' : m}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs text-zinc-600 dark:text-zinc-400">
        Sort
        <select className={field} value={filters.sort} onChange={(e) => onChange({ sort: e.target.value as Sort })}>
          <option value="model">Model name</option>
          <option value="price-asc">Price: low to high</option>
          <option value="price-desc">Price: high to low</option>
          <option value="updated">Recently updated</option>
        </select>
      </label>
      <div role="group" aria-label="View" className="flex rounded-lg border border-zinc-300 p-0.5 dark:border-zinc-700">
        {(['providers', 'models'] as const).map((v) => (
          <button
            key={v}
            type="button"
            aria-pressed={filters.view === v}
            onClick={() => onChange({ view: v })}
            className={cn(
              'rounded-md px-3 py-1.5 text-sm',
              filters.view === v ? 'bg-violet-600 text-white' : 'text-zinc-600 dark:text-zinc-400',
            )}
          >
            {v === 'providers' ? 'By provider' : 'By model'}
          </button>
        ))}
      </div>
    </div>
  );
}
