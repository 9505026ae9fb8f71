import { Link } from 'react-router';
import { paths } from '../../config/routes';
import type { Service } from '../../lib/chain/services';
import { TYPE_LABEL } from '../../lib/marketplace';
import { CopyButton } from '../ui/copy-button';

const link = 'text-violet-700 hover:underline dark:text-violet-300';

/** Breadcrumb and heading: the model, its service type and the provider's address, as text. */
export function BuildHeader({ service: s, networkName }: { service: Service; networkName: string }) {
  return (
    <div className="flex flex-col gap-2">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link to={paths.marketplace} className={link}>
          Marketplace
        </Link>{' '}
        /{' '}
        <Link to={paths.provider(s.provider)} className={link}>
          Provider
        </Link>{' '}
        / Build
      </nav>
      <h1 id="page-title" className="text-2xl font-semibold break-words">
        Build with {s.model}
      </h1>
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
        <span>{TYPE_LABEL[s.serviceType] ?? s.serviceType}</span>
        <span aria-hidden>·</span>
        <span className="flex min-w-0 items-center gap-1">
          provider <span className="font-mono text-xs break-all text-zinc-900 dark:text-zinc-100">{s.provider}</span>
          <CopyButton value={s.provider} label="Copy provider address" />
        </span>
        <span aria-hidden>·</span>
        <span>on {networkName}</span>
      </p>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Code that calls this provider from your own app, filled in for it and this network.
      </p>
    </div>
  );
}
