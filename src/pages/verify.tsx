import { ProofContent } from '../components/verify/proof-content';
import { ProofFacts } from '../components/verify/proof-facts';
import { ProofInput } from '../components/verify/proof-input';
import { ProofMeaning } from '../components/verify/proof-meaning';
import { ProofRows } from '../components/verify/proof-rows';
import { ProofVerdict } from '../components/verify/proof-verdict';
import { Button } from '../components/ui/button';
import { Panel } from '../components/ui/panel';
import { useNetwork } from '../hooks/network/use-network';
import { useProofCheck } from '../hooks/verify/use-proof-check';
import { useProofInput, type LoadedProof } from '../hooks/verify/use-proof-input';
import { toAppError } from '../lib/errors';

/** /verify: anyone re-checks a proof bundle in the browser, with no wallet; a share link (#p=…) opens its check. */
export function VerifyPage() {
  const input = useProofInput();
  return (
    <section aria-labelledby="page-title" className="flex flex-col gap-5">
      <div>
        <h1 id="page-title" className="text-2xl font-semibold">
          Verify a proof
        </h1>
        <p className="mt-1 max-w-3xl text-sm text-zinc-600 dark:text-zinc-300">
          Check a proof of a 0G Compute answer in this browser, with no wallet: the signature, the provider’s TEE signer
          on chain now, and the hashes of the exact bytes. The proof stays on this device; only the public chain is
          read.
        </p>
      </div>
      <ProofInput onText={input.takeText} onFile={input.takeFile} reading={input.reading} error={input.error} />
      {input.loaded && <ProofResult key={input.loaded.key} loaded={input.loaded} />}
    </section>
  );
}

function ProofResult({ loaded }: { loaded: LoadedProof }) {
  const { network, networks } = useNetwork();
  const check = useProofCheck(loaded, networks);
  const report = check.data?.report;
  const source =
    loaded.from === 'link'
      ? 'From the share link.'
      : loaded.from === 'file'
        ? `From the file ${loaded.name ?? ''}.`
        : 'From the pasted text.';
  return (
    <>
      <Panel
        title="Checks"
        action={
          <Button variant="secondary" size="sm" onClick={() => void check.refetch()} disabled={check.isFetching}>
            Check again
          </Button>
        }
      >
        <p className="mb-3 text-xs break-all text-zinc-600 dark:text-zinc-300">{source}</p>
        {check.isPending || (check.isFetching && !report) ? (
          <p role="status">Checking the proof…</p>
        ) : check.isError ? (
          <div role="alert" className="rounded-lg bg-red-50 p-3 text-sm dark:bg-red-950">
            <p className="font-medium">The check could not run, so this proof is not verified.</p>
            <p className="mt-1 break-words">{toAppError(check.error).message}</p>
          </div>
        ) : report ? (
          <div className="flex flex-col gap-4">
            <ProofVerdict report={report} />
            <ProofRows rows={report.rows} />
          </div>
        ) : null}
      </Panel>
      <Panel title={report?.verified ? 'Content' : 'Content (not verified)'}>
        <ProofContent loaded={loaded} allowLocalHttp={network.kind === 'devnet'} />
      </Panel>
      {check.data && <ProofMeaning bundle={loaded.bundle} shown={network} known={check.data.chain.network} />}
      <Panel title="What the proof says">
        <ProofFacts bundle={loaded.bundle} />
      </Panel>
    </>
  );
}
