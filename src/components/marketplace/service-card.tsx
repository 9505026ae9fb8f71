import { Link } from 'react-router';
import { paths, studioAction } from '../../config/routes';
import type { Service } from '../../lib/chain/services';
import { absoluteTime, relativeTime, shortAddress } from '../../lib/format';
import { TYPE_LABEL } from '../../lib/marketplace';
import { FundButton } from '../account/fund-button';
import { CopyButton } from '../ui/copy-button';
import { ModeBadge } from './mode-badge';
import { ServicePrices } from './service-prices';

interface Props {
  service: Service;
  compared: boolean;
  onCompare: (on: boolean) => void;
  /** Hide the model heading when the card sits under its model's heading. */
  showModel?: boolean;
}

const PRIMARY =
  'inline-flex items-center justify-center rounded-lg bg-violet-600 font-medium text-white hover:bg-violet-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-500';
const SIZE = { sm: 'h-8 px-3 text-sm', md: 'h-10 px-4 text-sm' } as const;

/**
 * The primary action for a provider: "Chat", "Generate", "Edit", "Transcribe" or "Fine-tune", opening
 * its page with this provider selected. The accessible name adds the provider (`name`, e.g. "qwen… by
 * 0x…") so a list of cards stays tellable apart; the visible word starts it. Nothing for an unknown type.
 */
export function StudioLink({
  serviceType,
  provider,
  name,
  size = 'md',
}: {
  serviceType: string;
  provider: string;
  name: string;
  size?: keyof typeof SIZE;
}) {
  const action = studioAction(serviceType, provider);
  if (!action) return null;
  return (
    <Link to={action.to} className={`${PRIMARY} ${SIZE[size]}`}>
      {action.verb}
      <span className="sr-only"> with {name}</span>
    </Link>
  );
}

/** One provider's service: model, type, provider, prices, mode and last update. All text, never HTML. */
export function ServiceCard({ service: s, compared, onCompare, showModel = true }: Props) {
  return (
    <article
      aria-label={`${s.model} by ${s.provider}`}
      className="flex flex-col gap-3 rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          {showModel && <h3 className="font-semibold break-words">{s.model}</h3>}
          <p className="text-xs text-zinc-500 dark:text-zinc-400">{TYPE_LABEL[s.serviceType] ?? s.serviceType}</p>
        </div>
        <ModeBadge verifiability={s.verifiability} />
      </div>
      <p className="flex items-center gap-1 text-sm">
        <span className="text-zinc-500 dark:text-zinc-400">Provider</span>
        <span className="font-mono" title={s.provider}>
          {shortAddress(s.provider)}
        </span>
        <CopyButton value={s.provider} label="Copy provider address" />
      </p>
      <ServicePrices service={s} />
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        Updated <time title={absoluteTime(s.updatedAt)}>{relativeTime(s.updatedAt)}</time>
      </p>
      <div className="mt-auto flex flex-wrap items-center gap-3 border-t border-zinc-100 pt-3 text-sm dark:border-zinc-800">
        <StudioLink serviceType={s.serviceType} provider={s.provider} name={`${s.model} by ${s.provider}`} size="sm" />
        <Link to={paths.provider(s.provider)} className="text-zinc-600 hover:underline dark:text-zinc-400">
          Details
          <span className="sr-only">
            {' '}
            of {s.model} by {s.provider}
          </span>
        </Link>
        <Link to={paths.build(s.provider)} className="text-zinc-600 hover:underline dark:text-zinc-400">
          Build
          <span className="sr-only">
            {' '}
            with {s.model} by {s.provider}
          </span>
        </Link>
        <FundButton
          size="sm"
          variant="ghost"
          target={{ kind: 'inference', provider: s.provider }}
          aria-label={`Fund ${s.model} by ${s.provider}`}
        />
        <label className="ml-auto flex items-center gap-1.5 text-zinc-600 dark:text-zinc-400">
          <input type="checkbox" checked={compared} onChange={(e) => onCompare(e.target.checked)} />
          Compare
          <span className="sr-only">
            {' '}
            {s.model} by {s.provider}
          </span>
        </label>
      </div>
    </article>
  );
}
