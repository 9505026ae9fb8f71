import { lazy, Suspense, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useAccount } from 'wagmi';
import { ImageForm, type ImageDraft } from '../components/image/image-form';
import { ImageHistory } from '../components/image/image-history';
import { PictureViewer, type ViewerEntry } from '../components/image/picture-viewer';
import { RunView } from '../components/image/run-view';
import { ProviderPicker } from '../components/inference/provider-picker';
import { LinkNote } from '../components/layout/link-note';
import { QueryError } from '../components/ui/query-error';
import { SegmentedControl } from '../components/ui/segmented-control';
import { ConnectButton } from '../components/wallet/connect-button';
import { useAccountData, useRefreshAccount } from '../hooks/account/use-account-data';
import { useImageRun, type ImageAsk, type ImageRun } from '../hooks/image/use-image-run';
import { useActivity } from '../hooks/inference/use-activity';
import { useServices } from '../hooks/marketplace/use-services';
import { useNetwork } from '../hooks/network/use-network';
import { sameAddress } from '../lib/address';
import { inferenceSubAccount } from '../lib/chain/ledger-reads';
import type { Service } from '../lib/chain/services';
import { defaultProvider } from '../lib/inference/default-provider';
import { needsFunding, preflightSentence, type PreflightNeed } from '../lib/inference/preflight';
import { openMediaStore } from '../lib/media/store';
import type { MediaItem } from '../lib/media/types';

const FundDialog = lazy(() => import('../components/account/fund-dialog').then((m) => ({ default: m.FundDialog })));
const MODES = [
  { value: 'generate', label: 'Text to image' },
  { value: 'edit', label: 'Edit a picture' },
  { value: 'compare', label: 'Compare two providers' },
] as const;
type Mode = (typeof MODES)[number]['value'];
const named = (list: Service[], provider: string | null) => list.find((s) => sameAddress(s.provider, provider));
const runEntries = (run: ImageRun): ViewerEntry[] =>
  run.pictures.map((p) => ({ id: p.itemId, alt: run.ask.prompt, load: () => Promise.resolve(p.blob) }));

export function ImagePage() {
  const { network } = useNetwork();
  const { address } = useAccount();
  const owner = address?.toLowerCase();
  const services = useServices();
  const [params, setParams] = useSearchParams();
  const mode: Mode = MODES.some((m) => m.value === params.get('mode')) ? (params.get('mode') as Mode) : 'generate';
  const type = mode === 'edit' ? 'image-editing' : 'text-to-image';
  const list = (services.data ?? []).filter((s) => s.serviceType === type);
  const { subAccounts } = useAccountData(address);
  const { activity } = useActivity();
  const asked = params.get('provider');
  const linked = named(list, asked);
  const fallback = linked ? null : defaultProvider(list, activity, subAccounts.data);
  const service = linked ?? fallback?.service;
  const other = named(list, params.get('with')) ?? list.find((s) => s !== service);
  const store = useMemo(() => openMediaStore(), []);
  const refreshAccount = useRefreshAccount();
  const [fundFor, setFundFor] = useState<Service | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [draft, setDraft] = useState<ImageDraft>({ prompt: '', size: '512x512', n: 1 });
  const [saved, setSaved] = useState(0);
  const [viewer, setViewer] = useState<{ entries: ViewerEntry[]; index: number } | null>(null);
  const images = useImageRun({
    store,
    chainId: network.chain.id,
    owner,
    allowLocalHttp: network.kind === 'devnet',
    onRefused: (problem, svc) => {
      if (problem.kind !== 'unfunded') return;
      void refreshAccount();
      if (problem.code !== 'account_not_acknowledged') setFundFor(svc);
    },
  });

  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };
  const sub = (s: Service | undefined) =>
    subAccounts.data ? inferenceSubAccount(subAccounts.data, s?.provider) : undefined;
  const targets = mode === 'compare' ? [service, other] : [service];

  async function submit(ask: ImageAsk) {
    const chosen = targets.filter((s): s is Service => s !== undefined);
    const needs: PreflightNeed[] = chosen.map((s, i) => ({
      service: s,
      estimate: images.estimate(s, ask.n),
      label: mode === 'compare' ? (i === 0 ? 'The left side' : 'The right side') : undefined,
    }));
    const problem = images.check(needs)[0];
    if (problem) {
      setNote(preflightSentence(problem, ask.n === 1 ? 'this picture' : 'these pictures'));
      if (needsFunding(problem)) setFundFor(problem.need.service);
      return;
    }
    setNote(null);
    await Promise.all(chosen.map((s) => images.start(s, ask)));
    setSaved((n) => n + 1);
  }

  const shownRuns = images.runs.filter((r) => r.chainId === network.chain.id);
  const reuse = (prompt: string, settings: { size?: unknown; n?: unknown }) =>
    setDraft({
      prompt,
      size: typeof settings.size === 'string' ? settings.size : draft.size,
      n: typeof settings.n === 'number' ? settings.n : draft.n,
    });

  return (
    <section aria-labelledby="page-title" className="flex flex-col gap-4">
      <h1 id="page-title" className="text-2xl font-semibold">
        Image
      </h1>
      <SegmentedControl
        label="Mode"
        options={MODES}
        value={mode}
        className="self-start"
        onChange={(v) => set({ mode: v === 'generate' ? null : v, provider: null, with: null })}
      />
      {services.isError ? (
        <QueryError
          what={`providers from ${network.chain.name}`}
          error={services.error}
          onRetry={() => void services.refetch()}
        />
      ) : services.data && list.length === 0 ? (
        <p className="text-sm">
          {network.chain.name} has no {mode === 'edit' ? 'image-editing' : 'text-to-image'} provider right now.
        </p>
      ) : (
        <div className={mode === 'compare' ? 'grid gap-3 md:grid-cols-2' : 'flex flex-col'}>
          <ProviderPicker
            services={list}
            service={service}
            onPick={(p) => set({ provider: p })}
            sub={address ? sub(service) : null}
            connected={!!address}
            label={mode === 'compare' ? 'Left provider' : 'Provider'}
            note={fallback?.note}
          />
          {mode === 'compare' && (
            <ProviderPicker
              services={list}
              service={other}
              onPick={(p) => set({ with: p })}
              sub={address ? sub(other) : null}
              connected={!!address}
              label="Right provider"
            />
          )}
        </div>
      )}
      {asked && services.data && !linked && (
        <LinkNote asked={asked} what={type} networkName={network.chain.name} instead={service?.model} />
      )}
      {!owner ? (
        <div className="flex flex-col items-start gap-3 rounded-xl border border-dashed border-zinc-300 p-6 dark:border-zinc-700">
          <p>
            Connect a wallet to make pictures: requests are paid from your sub-account with the provider, and the wallet
            signs one access token per provider.
          </p>
          <ConnectButton />
        </div>
      ) : (
        <ImageForm
          mode={mode === 'edit' ? 'edit' : 'generate'}
          draft={draft}
          onDraft={setDraft}
          price={targets.every(Boolean) ? targets.reduce((sum, s) => sum + images.estimate(s!, 1), 0n) : null}
          busy={shownRuns.some((r) => r.status === 'sending')}
          disabled={!targets.every(Boolean)}
          onSubmit={(ask) => void submit(ask)}
          onStop={() => shownRuns.filter((r) => r.status === 'sending').forEach((r) => images.stop(r.id))}
        />
      )}
      {note && (
        <p role="alert" className="text-sm text-amber-800 dark:text-amber-300">
          {note}
        </p>
      )}
      {shownRuns.length > 0 && (
        <section
          aria-label="This visit's results"
          className={mode === 'compare' ? 'grid gap-3 md:grid-cols-2' : 'flex flex-col gap-3'}
        >
          {shownRuns.map((run) => (
            <RunView
              key={run.id}
              run={run}
              chainId={network.chain.id}
              onOpen={(r, index) => setViewer({ entries: runEntries(r), index })}
              onReuse={(r) => reuse(r.ask.prompt, r.ask)}
            />
          ))}
        </section>
      )}
      <ImageHistory
        store={store}
        chainId={network.chain.id}
        owner={owner}
        version={saved}
        onOpen={(items: MediaItem[], index) =>
          setViewer({
            entries: items.map((it) => ({ id: it.id, alt: it.prompt, load: () => store.media(it.id) })),
            index,
          })
        }
        onReuse={(item) => reuse(item.prompt, item.settings)}
      />
      <PictureViewer
        entries={viewer?.entries ?? []}
        index={viewer?.index ?? null}
        onIndex={(index) => setViewer((v) => (v && index !== null ? { ...v, index } : null))}
      />
      {fundFor && (
        <Suspense fallback={null}>
          <FundDialog
            open
            onClose={() => setFundFor(null)}
            target={{ kind: 'inference', provider: fundFor.provider }}
          />
        </Suspense>
      )}
    </section>
  );
}
