import { Link } from 'react-router';
import { ModeBadge } from '../components/marketplace/mode-badge';
import { StudioLink } from '../components/marketplace/service-card';
import { ServicePrices } from '../components/marketplace/service-prices';
import { HealthPanel } from '../components/health/health-panel';
import { AttestationPanel } from '../components/provider/attestation-panel';
import { ProviderRoute } from '../components/provider/provider-route';
import { ButtonLink } from '../components/ui/button-link';
import { CopyButton } from '../components/ui/copy-button';
import { Panel } from '../components/ui/panel';
import { FundButton } from '../components/account/fund-button';
import { ProviderUsage } from '../components/usage/provider-usage';
import { paths } from '../config/routes';
import { useNetwork } from '../hooks/network/use-network';
import { formatAdditionalInfo } from '../lib/additional-info';
import type { Service } from '../lib/chain/services';
import { absoluteTime, relativeTime } from '../lib/format';
import { TYPE_LABEL } from '../lib/marketplace';
import { safeHref } from '../lib/safe-url';
import { NotFoundPage } from './not-found';

export function ProviderPage() {
  return (
    <ProviderRoute
      notAnAddress={() => <NotFoundPage what="provider" />}
      noService={(provider, networkName) => <NotFoundPage what={`provider ${provider} on ${networkName}`} />}
    >
      {(service) => <ProviderDetails service={service} />}
    </ProviderRoute>
  );
}

function ProviderDetails({ service: s }: { service: Service }) {
  const { network } = useNetwork();
  const href = safeHref(s.url, { allowLocalHttp: network.kind === 'devnet' });
  const info = formatAdditionalInfo(s.additionalInfo);
  const fields: Array<[string, React.ReactNode]> = [
    ['Model', <span className="break-words">{s.model}</span>],
    ['Service type', TYPE_LABEL[s.serviceType] ?? s.serviceType],
    [
      'Provider address',
      <span className="flex items-center gap-1">
        <span className="font-mono text-xs break-all">{s.provider}</span>
        <CopyButton value={s.provider} label="Copy provider address" />
      </span>,
    ],
    [
      'URL',
      href ? (
        <a
          href={href}
          target="_blank"
          rel="noopener noreferrer"
          className="break-all text-violet-700 underline dark:text-violet-300"
        >
          {s.url}
        </a>
      ) : (
        <span className="break-all">
          {s.url}{' '}
          <span className="text-xs text-zinc-500 dark:text-zinc-400">(not linked: only https addresses are)</span>
        </span>
      ),
    ],
    ['Verifiability', <ModeBadge verifiability={s.verifiability} explain />],
    ['On-chain value', <span className="font-mono text-xs break-all">{JSON.stringify(s.verifiability)}</span>],
    ['Prices', <ServicePrices service={s} />],
    [
      'TEE signer',
      <span className="flex flex-wrap items-center gap-1">
        <span className="font-mono text-xs break-all">{s.teeSignerAddress}</span>
        <span className="text-xs text-zinc-500 dark:text-zinc-400">
          {s.teeSignerAcknowledged ? '(acknowledged by the contract owner)' : '(not acknowledged)'}
        </span>
      </span>,
    ],
    [
      'Last update',
      <time title={absoluteTime(s.updatedAt)}>{`${relativeTime(s.updatedAt)} (${absoluteTime(s.updatedAt)})`}</time>,
    ],
  ];
  return (
    <article aria-labelledby="page-title" className="flex flex-col gap-5">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link to="/" className="text-violet-700 hover:underline dark:text-violet-300">
          Marketplace
        </Link>{' '}
        / Provider
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 id="page-title" className="text-2xl font-semibold break-words">
            {s.model}
          </h1>
          <p className="text-sm text-zinc-500 dark:text-zinc-400">on {network.chain.name}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <StudioLink serviceType={s.serviceType} provider={s.provider} name={s.model} />
          <FundButton target={{ kind: 'inference', provider: s.provider }} />
          <ButtonLink to={paths.build(s.provider)} variant="secondary">
            Build
          </ButtonLink>
        </div>
      </div>
      <div className="grid gap-5 lg:grid-cols-2">
        <Panel title="On-chain service">
          <dl className="grid gap-3 text-sm sm:grid-cols-[9rem_1fr]">
            {fields.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
                <dd className="min-w-0">{value}</dd>
              </div>
            ))}
            <dt className="text-zinc-500 dark:text-zinc-400">Additional info</dt>
            <dd className="min-w-0">
              <pre
                aria-label="Additional info"
                className="max-h-64 overflow-auto rounded-lg bg-zinc-100 p-3 text-xs whitespace-pre-wrap break-all dark:bg-zinc-950"
              >
                {info.text}
              </pre>
              {!info.isJson && (
                <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
                  Not JSON; shown as the provider wrote it.
                </p>
              )}
            </dd>
          </dl>
        </Panel>
        <AttestationPanel provider={s.provider} />
        <HealthPanel service={s} />
      </div>
      <ProviderUsage provider={s.provider} />
    </article>
  );
}
