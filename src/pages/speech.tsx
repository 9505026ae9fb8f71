import { lazy, Suspense, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useAccount } from 'wagmi';
import { ProviderPicker } from '../components/inference/provider-picker';
import { AudioDrop } from '../components/speech/audio-drop';
import { Recorder } from '../components/speech/recorder';
import { SpeechOptions } from '../components/speech/speech-options';
import { SpeechResult } from '../components/speech/speech-result';
import { TranscriptHistory } from '../components/speech/transcript-history';
import { Button } from '../components/ui/button';
import { LinkNote } from '../components/layout/link-note';
import { QueryError } from '../components/ui/query-error';
import { SegmentedControl } from '../components/ui/segmented-control';
import { ConnectButton } from '../components/wallet/connect-button';
import { useAccountData, useRefreshAccount } from '../hooks/account/use-account-data';
import { useActivity } from '../hooks/inference/use-activity';
import { useServices } from '../hooks/marketplace/use-services';
import { useNetwork } from '../hooks/network/use-network';
import { useSpeechRun, type SpeechAsk } from '../hooks/speech/use-speech-run';
import { sameAddress } from '../lib/address';
import { inferenceSubAccount } from '../lib/chain/ledger-reads';
import type { Service } from '../lib/chain/services';
import { defaultProvider } from '../lib/inference/default-provider';
import { needsFunding, preflightSentence } from '../lib/inference/preflight';
import {
  audioDuration,
  MAX_AUDIO_BYTES,
  MAX_AUDIO_SECONDS,
  readAudioFile,
  tooLong,
  wavDuration,
} from '../lib/media/audio-file';
import { speechEstimate } from '../lib/media/speech-cost';
import { openMediaStore } from '../lib/media/store';
import { og } from '../lib/units';

const FundDialog = lazy(() => import('../components/account/fund-dialog').then((m) => ({ default: m.FundDialog })));
const INPUTS = [
  { value: 'file', label: 'Upload a file' },
  { value: 'record', label: 'Record' },
] as const;
type Audio = SpeechAsk['audio'] & { durationS: number | null };

export function SpeechPage() {
  const { network } = useNetwork();
  const { address } = useAccount();
  const owner = address?.toLowerCase();
  const services = useServices();
  const [params, setParams] = useSearchParams();
  const list = (services.data ?? []).filter((s) => s.serviceType === 'speech-to-text');
  const { subAccounts } = useAccountData(address);
  const { activity } = useActivity();
  const asked = params.get('provider');
  const linked = list.find((s) => sameAddress(s.provider, asked));
  const fallback = linked ? null : defaultProvider(list, activity, subAccounts.data);
  const service = linked ?? fallback?.service;
  const store = useMemo(() => openMediaStore(), []);
  const refreshAccount = useRefreshAccount();
  const [fundFor, setFundFor] = useState<Service | null>(null);
  const [input, setInput] = useState<'file' | 'record'>('file');
  const [audio, setAudio] = useState<Audio | null>(null);
  const [audioError, setAudioError] = useState<string | null>(null);
  const [language, setLanguage] = useState('');
  const [prompt, setPrompt] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [saved, setSaved] = useState(0);
  const speech = useSpeechRun({
    store,
    chainId: network.chain.id,
    owner,
    onRefused: (problem, svc) => {
      if (problem.kind !== 'unfunded') return;
      void refreshAccount();
      if (problem.code !== 'account_not_acknowledged') setFundFor(svc);
    },
  });
  const runs = speech.runs.filter((r) => r.chainId === network.chain.id);
  const busy = runs.some((r) => r.status === 'sending');
  const estimate =
    service && audio ? speechEstimate(service, { durationS: audio.durationS, bytes: audio.bytes.length }) : null;

  async function take(file: File | Blob, name = 'recording') {
    const got = await readAudioFile(file instanceof File ? file : new File([file], name, { type: file.type }), {
      maxBytes: MAX_AUDIO_BYTES,
    });
    if ('error' in got) {
      setAudioError(got.error);
      return;
    }
    // A WAV says its length in its header; other types ask the browser.
    const durationS =
      (got.mime === 'audio/wav' ? wavDuration(got.bytes) : null) ??
      (await audioDuration(new Blob([got.bytes as Uint8Array<ArrayBuffer>], { type: got.mime })));
    const long = durationS === null ? null : tooLong(durationS);
    setAudioError(long);
    setAudio(long ? null : { bytes: got.bytes, mime: got.mime, name: got.name, durationS });
  }

  async function transcribe() {
    if (!service || !audio || !estimate) return setNote('Choose or record the audio first.');
    const problem = speech.check([{ service, estimate: estimate.neuron }])[0];
    if (problem) {
      setNote(preflightSentence(problem, 'this transcription'));
      if (needsFunding(problem)) setFundFor(problem.need.service);
      return;
    }
    setNote(null);
    await speech.start(service, { audio, durationS: audio.durationS, language, prompt: prompt.trim() });
    setSaved((n) => n + 1);
  }

  return (
    <section aria-labelledby="page-title" className="flex flex-col gap-4">
      <h1 id="page-title" className="text-2xl font-semibold">
        Speech
      </h1>
      {services.isError ? (
        <QueryError
          what={`providers from ${network.chain.name}`}
          error={services.error}
          onRetry={() => void services.refetch()}
        />
      ) : services.data && list.length === 0 ? (
        <p className="text-sm">{network.chain.name} has no speech-to-text provider right now.</p>
      ) : (
        <ProviderPicker
          services={list}
          service={service}
          onPick={(p) => setParams({ provider: p }, { replace: true })}
          sub={
            address && subAccounts.data
              ? inferenceSubAccount(subAccounts.data, service?.provider)
              : address
                ? undefined
                : null
          }
          connected={!!address}
          note={fallback?.note}
        />
      )}
      {asked && services.data && !linked && (
        <LinkNote asked={asked} what="speech-to-text" networkName={network.chain.name} instead={service?.model} />
      )}
      {!owner ? (
        <div className="flex flex-col items-start gap-3 rounded-xl border border-dashed border-zinc-300 p-6 dark:border-zinc-700">
          <p>
            Connect a wallet to transcribe: requests are paid from your sub-account with the provider, and the wallet
            signs one access token per provider.
          </p>
          <ConnectButton />
        </div>
      ) : (
        <div className="flex flex-col gap-3">
          <SegmentedControl label="Audio" options={INPUTS} value={input} onChange={setInput} className="self-start" />
          {input === 'file' ? (
            <AudioDrop onAudio={(f) => void take(f)} error={audioError} disabled={busy} />
          ) : (
            <Recorder
              disabled={busy}
              maxSeconds={MAX_AUDIO_SECONDS}
              onRecording={(blob) => (blob ? void take(blob, 'recording') : setAudio(null))}
            />
          )}
          {input === 'record' && audioError && (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              {audioError}
            </p>
          )}
          {audio && (
            <p className="text-sm">
              Ready: {audio.name}, {(audio.bytes.length / 1024).toFixed(0)} kB
              {audio.durationS !== null ? `, ${audio.durationS.toFixed(1)} s` : ', length unknown'}.
            </p>
          )}
          <div className="flex flex-wrap items-end gap-3">
            <SpeechOptions language={language} onLanguage={setLanguage} prompt={prompt} onPrompt={setPrompt} />
            {busy ? (
              <Button
                variant="secondary"
                onClick={() => runs.filter((r) => r.status === 'sending').forEach((r) => speech.stop(r.id))}
              >
                Stop
              </Button>
            ) : (
              <Button onClick={() => void transcribe()} disabled={!service || !audio}>
                Transcribe
              </Button>
            )}
          </div>
          <p className="text-sm text-zinc-600 dark:text-zinc-300" aria-live="polite">
            {estimate
              ? `Estimated cost up to ${og(estimate.neuron, 9)} (${estimate.assumption})`
              : 'Choose or record the audio to see the estimated cost.'}
          </p>
        </div>
      )}
      {note && (
        <p role="alert" className="text-sm text-amber-800 dark:text-amber-300">
          {note}
        </p>
      )}
      {runs.length > 0 && (
        <section aria-label="This visit's transcripts" className="flex flex-col gap-3">
          {runs.map((run) => (
            <SpeechResult key={run.id} run={run} chainId={network.chain.id} />
          ))}
        </section>
      )}
      <TranscriptHistory store={store} chainId={network.chain.id} owner={owner} version={saved} />
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
