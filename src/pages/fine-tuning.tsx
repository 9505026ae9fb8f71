import { useSearchParams } from 'react-router';
import { useAccount } from 'wagmi';
import { FineTuningWizard } from '../components/fine-tuning/wizard';
import { LinkNote } from '../components/layout/link-note';
import { QueryError } from '../components/ui/query-error';
import { ConnectButton } from '../components/wallet/connect-button';
import { useWizardDraft } from '../hooks/fine-tuning/use-wizard-draft';
import { useFineTuningServices } from '../hooks/marketplace/use-services';
import { useNetwork } from '../hooks/network/use-network';
import { sameAddress } from '../lib/address';

/** `/fine-tuning`: the wizard from a provider's attestation to a created task, and the user's tasks. */
export function FineTuningPage() {
  const { network } = useNetwork();
  const { address } = useAccount();
  const services = useFineTuningServices();
  const state = useWizardDraft();
  const [params] = useSearchParams();
  const offered = services.data?.filter((s) => s.teeSignerAcknowledged) ?? [];
  const asked = params.get('provider');
  const unknownLink = asked !== null && services.isSuccess && !offered.some((s) => sameAddress(s.provider, asked));
  return (
    <section aria-labelledby="page-title" className="flex max-w-4xl flex-col gap-4">
      <h1 id="page-title" className="text-2xl font-semibold">
        Fine-tuning
      </h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        Fine-tune a model on your own dataset inside a provider’s TEE: check its attestation, upload, train, and check
        the delivered model against the hash on chain. Your private key is never asked for.
      </p>
      {unknownLink && <LinkNote asked={asked} what="fine-tuning" networkName={network.chain.name} />}
      {state.saveError && (
        <p role="alert" className="text-sm text-amber-800 dark:text-amber-300">
          {state.saveError} The wizard works, but a reload will not resume it.
        </p>
      )}
      {services.isPending ? (
        <p className="text-sm">Reading the fine-tuning providers of {network.chain.name}…</p>
      ) : services.isError ? (
        <QueryError what="the fine-tuning providers" error={services.error} onRetry={() => void services.refetch()} />
      ) : offered.length === 0 ? (
        <p role="status" className="text-sm">
          {network.chain.name} has no fine-tuning provider yet, so there is nothing to fine-tune with here. Switch the
          network to look elsewhere.
        </p>
      ) : !address ? (
        <div className="flex flex-col items-start gap-3 text-sm">
          <p>
            Connect a wallet to fine-tune: uploads and tasks are signed by it, and paid from your fine-tuning
            sub-account with the provider.
          </p>
          <ConnectButton />
        </div>
      ) : !state.ready ? (
        <p className="text-sm">Restoring your wizard…</p>
      ) : (
        <FineTuningWizard services={offered} state={state} linked={params.get('provider')} />
      )}
    </section>
  );
}
