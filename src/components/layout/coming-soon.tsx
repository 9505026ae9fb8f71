import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { getAddress, isAddress, isAddressEqual, type Address } from 'viem';
import { paths } from '../../config/routes';
import { useFineTuningServices, useService } from '../../hooks/marketplace/use-services';
import { useNetwork } from '../../hooks/network/use-network';
import { TYPE_LABEL } from '../../lib/marketplace';
import { QueryError } from '../ui/query-error';

/**
 * Which providers a page that is still to come will use: inference services of some types, or
 * fine-tuning providers, each with what the page will do with it ("Image generation").
 */
export type ComingFor = { kind: 'inference'; what: Record<string, string> } | { kind: 'fine-tuning'; what: string };

/** A route whose feature is not built yet: says what will be here, and where to go meanwhile. */
export function ComingSoon({
  title,
  intro,
  items,
  children,
  for: coming,
}: {
  title: string;
  intro: string;
  items: string[];
  children?: ReactNode;
  /** With it, a `?provider=` link is answered: that provider named, or said plainly to be unknown. */
  for?: ComingFor;
}) {
  const [params] = useSearchParams();
  const linked = params.get('provider');
  return (
    <section aria-labelledby="page-title" className="max-w-2xl">
      <h1 id="page-title" className="text-2xl font-semibold">
        {title}
      </h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">{intro}</p>
      {coming && linked !== null && <LinkedProvider raw={linked} coming={coming} />}
      <div className="mt-6 rounded-xl border border-dashed border-zinc-300 p-5 dark:border-zinc-700">
        <p className="text-sm font-medium">Coming to this page</p>
        <ul className="mt-2 list-disc pl-5 text-sm text-zinc-600 dark:text-zinc-400">
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        {children}
      </div>
      <p className="mt-6 text-sm">
        Meanwhile,{' '}
        <Link to="/" className="text-violet-700 underline dark:text-violet-300">
          browse the providers
        </Link>{' '}
        and check their attestations.
      </p>
    </section>
  );
}

const BOX =
  'mt-6 flex flex-col gap-1.5 rounded-xl border border-zinc-200 bg-white p-4 text-sm dark:border-zinc-800 dark:bg-zinc-900';
const LINK = 'text-violet-700 underline dark:text-violet-300';

/** The provider a link opened this page for. Its model comes from the chain and is shown as text. */
function LinkedProvider({ raw, coming }: { raw: string; coming: ComingFor }) {
  const provider = isAddress(raw) ? getAddress(raw) : null;
  return (
    <section aria-label="Selected provider" className={BOX}>
      {!provider ? (
        <p>
          The link names “{raw}”, which is not a provider address. Pick a provider on the{' '}
          <Link to={paths.marketplace} className={LINK}>
            marketplace
          </Link>
          .
        </p>
      ) : coming.kind === 'inference' ? (
        <InferenceProvider provider={provider} what={coming.what} />
      ) : (
        <FineTuningProvider provider={provider} what={coming.what} />
      )}
    </section>
  );
}

function InferenceProvider({ provider, what }: { provider: Address; what: Record<string, string> }) {
  const { network } = useNetwork();
  const service = useService(provider);
  if (service.isPending)
    return (
      <p role="status">
        Reading provider {provider} from {network.chain.name}…
      </p>
    );
  if (service.isError)
    return (
      <QueryError
        what={`provider ${provider} from ${network.chain.name}`}
        error={service.error}
        onRetry={() => void service.refetch()}
      />
    );
  const s = service.data;
  if (!s) return <Unknown provider={provider} offers="no service" networkName={network.chain.name} />;
  const doing = what[s.serviceType];
  return (
    <>
      <Named model={s.model} provider={provider} />
      {doing ? (
        <p>
          {doing} with this provider is coming to this page. When it is here, this same link opens it with this provider
          selected.
        </p>
      ) : (
        <p>This provider offers {TYPE_LABEL[s.serviceType] ?? `“${s.serviceType}”`}, which this page will not use.</p>
      )}
      <p>
        Meanwhile:{' '}
        <Link to={paths.provider(provider)} className={LINK}>
          provider details
        </Link>{' '}
        or{' '}
        <Link to={paths.build(provider)} className={LINK}>
          code to call it
        </Link>
        .
      </p>
    </>
  );
}

function FineTuningProvider({ provider, what }: { provider: Address; what: string }) {
  const { network } = useNetwork();
  const services = useFineTuningServices();
  if (services.isPending) return <p role="status">Reading fine-tuning providers from {network.chain.name}…</p>;
  if (services.isError)
    return (
      <QueryError
        what={`fine-tuning providers from ${network.chain.name}`}
        error={services.error}
        onRetry={() => void services.refetch()}
      />
    );
  const s = services.data.find((x) => isAddressEqual(x.provider, provider));
  if (!s) return <Unknown provider={provider} offers="no fine-tuning service" networkName={network.chain.name} />;
  return (
    <>
      <Named model={s.models.join(', ')} provider={provider} />
      <p>
        {what} with this provider is coming to this page. When it is here, this same link opens it with this provider
        selected.
      </p>
    </>
  );
}

function Named({ model, provider }: { model: string; provider: Address }) {
  return (
    <p>
      Opened for <strong className="break-words">{model}</strong>, provider{' '}
      <span className="font-mono text-xs break-all">{provider}</span>.
    </p>
  );
}

function Unknown({ provider, offers, networkName }: { provider: Address; offers: string; networkName: string }) {
  return (
    <p>
      The link names provider <span className="font-mono text-xs break-all">{provider}</span>, which offers {offers} on{' '}
      {networkName}. Check the link, or pick a provider on the{' '}
      <Link to={paths.marketplace} className={LINK}>
        marketplace
      </Link>
      .
    </p>
  );
}
