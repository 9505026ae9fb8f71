import { useMemo } from 'react';
import { Link } from 'react-router';
import { ApiKeysPanel } from '../components/api-keys/api-keys-panel';
import { BuildHeader } from '../components/build/build-header';
import { BuildMessage } from '../components/build/build-message';
import { EndpointWarning } from '../components/build/endpoint-warning';
import { SetupChecklist } from '../components/build/setup-checklist';
import { SnippetTabs } from '../components/build/snippet-tabs';
import { ProviderRoute } from '../components/provider/provider-route';
import { paths } from '../config/routes';
import { useNetwork } from '../hooks/network/use-network';
import type { Service } from '../lib/chain/services';
import { TYPE_LABEL } from '../lib/marketplace';
import { safeHref } from '../lib/safe-url';
import { snippetTarget } from '../lib/snippets';

export function BuildPage() {
  return (
    <ProviderRoute
      notAnAddress={(text) => (
        <BuildMessage>
          <p className="break-all">“{text}” is not a provider address, so there is no code to show.</p>
        </BuildMessage>
      )}
      noService={(provider, networkName) => (
        <BuildMessage>
          <p className="break-all">
            Provider {provider} offers no service on {networkName}, so there is no code to show for it here.
          </p>
          <p>If it serves on another network, pick that network in the header.</p>
        </BuildMessage>
      )}
    >
      {(service) => <BuildDetails service={service} />}
    </ProviderRoute>
  );
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
          <ApiKeysPanel provider={s.provider} />
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
