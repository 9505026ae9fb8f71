import { MODES, SERVICE_TYPES, TYPE_LABEL, type Filters, type Sort } from '../../lib/marketplace';
import { Field } from '../ui/field';
import { Input } from '../ui/input';
import { SegmentedControl } from '../ui/segmented-control';
import { Select } from '../ui/select';

const LABEL = 'text-xs font-normal text-zinc-600 dark:text-zinc-400';

const VIEWS = [
  { value: 'providers', label: 'By provider' },
  { value: 'models', label: 'By model' },
] as const;

/** Search, type, mode and "answers now" filters, sort (fastest too) and the providers/models view switch. */
export function FilterBar({ filters, onChange }: { filters: Filters; onChange: (f: Partial<Filters>) => void }) {
  return (
    <div className="flex flex-wrap items-end gap-3" role="search">
      <Field label="Search" labelClassName={LABEL} className="min-w-48 flex-1">
        {(control) => (
          <Input
            {...control}
            type="search"
            value={filters.q}
            placeholder="Model or provider address"
            onChange={(e) => onChange({ q: e.target.value })}
            className="h-9 px-2"
          />
        )}
      </Field>
      <Field label="Service type" labelClassName={LABEL}>
        {(control) => (
          <Select
            {...control}
            value={filters.type ?? ''}
            onChange={(e) => onChange({ type: e.target.value || null })}
            className="h-9"
          >
            <option value="">All types</option>
            {SERVICE_TYPES.map((t) => (
              <option key={t} value={t}>
                {TYPE_LABEL[t]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Verification" labelClassName={LABEL}>
        {(control) => (
          <Select
            {...control}
            value={filters.mode ?? ''}
            onChange={(e) => onChange({ mode: (e.target.value || null) as Filters['mode'] })}
            className="h-9"
          >
            <option value="">Any mode</option>
            {MODES.map((m) => (
              <option key={m} value={m}>
                {m === 'none' ? 'No TEE' : m}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Sort" labelClassName={LABEL}>
        {(control) => (
          <Select
            {...control}
            value={filters.sort}
            onChange={(e) => onChange({ sort: e.target.value as Sort })}
            className="h-9"
          >
            <option value="model">Model name</option>
            <option value="price-asc">Price: low to high</option>
            <option value="price-desc">Price: high to low</option>
            <option value="updated">Recently updated</option>
            <option value="fastest">Fastest</option>
          </Select>
        )}
      </Field>
      <label
        className="flex h-9 cursor-pointer items-center gap-1.5 text-sm text-zinc-700 dark:text-zinc-300"
        title="Hides providers that did not answer this browser's last check (or that 0G reports as down)"
      >
        <input
          type="checkbox"
          checked={filters.answering === true}
          onChange={(e) => onChange({ answering: e.target.checked || undefined })}
          className="size-4 accent-violet-600"
        />
        Answers now
      </label>
      <SegmentedControl label="View" options={VIEWS} value={filters.view} onChange={(view) => onChange({ view })} />
    </div>
  );
}
