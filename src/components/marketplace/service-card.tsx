import { Link } from 'react-router';
import { paths, studioAction } from '../../config/routes';
import type { Service } from '../../lib/chain/services';
import { absoluteTime, relativeTime, shortAddress } from '../../lib/format';
import { TYPE_LABEL } from '../../lib/marketplace';
import { FundButton } from '../account/fund-button';
import { HealthBadge } from '../health/health-badge';
import type { ButtonSize } from '../ui/button';
import { ButtonLink } from '../ui/button-link';
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
  size?: ButtonSize;
}) {
  const action = studioAction(serviceType, provider);
  if (!action) return null;
  return (
    <ButtonLink to={action.to} size={size}>
      {action.verb}
      <span className="sr-only"> with {name}</span>
    </ButtonLink>
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
          {/* h2: the page's h1 is the list's heading, so the cards come next (a model group's h2 names them instead). */}
          {showModel && <h2 className="font-semibold break-words">{s.model}</h2>}
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
      <HealthBadge service={s} />
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        Updated <time title={absoluteTime(s.updatedAt)}>{relativeTime(s.updatedAt)}</time>
      </p>
      <div className="mt-auto flex flex-wrap items-center gap-3 border-t border-zinc-100 pt-3 text-sm dark:border-zinc-800">
        <StudioLink serviceType={s.serviceType} provider={s.provider} name={`${s.model} by ${s.provider}`} size="sm" />
        <Link
          to={paths.provider(s.provider)}
          className="inline-flex min-h-6 items-center text-zinc-600 hover:underline dark:text-zinc-400"
        >
          Details
          <span className="sr-only">
            {' '}
            of {s.model} by {s.provider}
          </span>
        </Link>
        <Link
          to={paths.build(s.provider)}
          className="inline-flex min-h-6 items-center text-zinc-600 hover:underline dark:text-zinc-400"
        >
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
        <label className="ml-auto flex min-h-6 cursor-pointer items-center gap-1.5 text-zinc-600 dark:text-zinc-400">
          <input
            type="checkbox"
            checked={compared}
            onChange={(e) => onCompare(e.target.checked)}
            className="size-4 accent-violet-600"
          />
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
