import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { getAddress, isAddress, type Address } from 'viem';
import { BuildHeader } from '../components/build/build-header';
import { BuildMessage } from '../components/build/build-message';
import { EndpointWarning } from '../components/build/endpoint-warning';
import { SetupChecklist } from '../components/build/setup-checklist';
import { SnippetTabs } from '../components/build/snippet-tabs';
import { QueryError } from '../components/ui/query-error';
import { paths } from '../config/routes';
import { useService } from '../hooks/marketplace/use-services';
import { useNetwork } from '../hooks/network/use-network';
import type { Service } from '../lib/chain/services';
import { TYPE_LABEL } from '../lib/marketplace';
import { safeHref } from '../lib/safe-url';
import { snippetTarget } from '../lib/snippets';

export function BuildPage() {
  const { address = '' } = useParams();
  const provider: Address | null = isAddress(address) ? getAddress(address) : null;
  const { network } = useNetwork();
  const service = useService(provider);
  if (!provider)
    return (
      <BuildMessage>
        <p className="break-all">“{address}” is not a provider address, so there is no code to show.</p>
      </BuildMessage>
    );
  if (service.isPending) return <p role="status">Loading provider…</p>;
  if (service.isError)
    return (
      <QueryError
        what={`this provider from ${network.chain.name}`}
        error={service.error}
        onRetry={() => void service.refetch()}
      />
    );
  if (!service.data)
    return (
      <BuildMessage>
        <p className="break-all">
          Provider {provider} offers no service on {network.chain.name}, so there is no code to show for it here.
        </p>
        <p>If it serves on another network, pick that network in the header.</p>
      </BuildMessage>
    );
  return <BuildDetails service={service.data} />;
}

function BuildDetails({ service: s }: { service: Service }) {
  const { network } = useNetwork();
  const target = useMemo(() => snippetTarget(s, network), [s, network]);
  const safe = safeHref(s.url, { allowLocalHttp: network.kind === 'devnet' }) !== null;
  return (
    <article aria-labelledby="page-title" className="flex flex-col gap-5">
      <BuildHeader service={s} networkName={network.chain.name} />
      {!target ? (
        <p className="rounded-xl border border-dashed border-zinc-300 p-5 dark:border-zinc-700">
          This provider’s service type, “{s.serviceType}”, has no code here yet: there is code for{' '}
          {Object.values(TYPE_LABEL).join(', ').toLowerCase()} services.{' '}
          <Link to={paths.provider(s.provider)} className="text-violet-700 underline dark:text-violet-300">
            See the provider’s details
          </Link>
          .
        </p>
      ) : (
        <>
          {!safe && <EndpointWarning url={s.url} />}
          <SetupChecklist provider={s.provider} networkName={network.chain.name} />
          <section aria-labelledby="code-title" className="flex flex-col gap-3">
            <h2 id="code-title" className="text-lg font-semibold">
              Code
            </h2>
            <SnippetTabs target={target} />
          </section>
        </>
      )}
    </article>
  );
}
