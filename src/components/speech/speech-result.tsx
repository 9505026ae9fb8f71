import { useMemo } from 'react';
import type { SpeechRun } from '../../hooks/speech/use-speech-run';
import { downloadFile } from '../../lib/download';
import { bundleMediaName } from '../../lib/media/proof-zip';
import { toSrt, toVtt, transcriptFileName } from '../../lib/media/subtitles';
import { og } from '../../lib/units';
import { VerificationBadge } from '../chat/verification-badge';
import { Button } from '../ui/button';
import { CopyButton } from '../ui/copy-button';
import { ProofDownloadButton } from '../verify-export/proof-download-button';
import { bundleMediaType, type ProofSource } from '../verify-export/proof-source';
import { TranscriptView } from './transcript-view';

const STATUS: Record<SpeechRun['status'], string> = {
  sending: 'Waiting for the provider…',
  verifying: 'Checking the signature…',
  done: '',
  refused: '',
};

/** One Transcribe press: the transcript (with segments beside the audio), its badge, cost and downloads. */
/** What a transcript's proof bundle is made from: the audio beside proof.json, and the exact bytes of this run. */
function useTranscriptProof(run: SpeechRun, chainId: number): ProofSource {
  const { service, exchange, ask } = run;
  return useMemo(() => {
    const chatId = exchange?.chatId ?? null;
    const { audio } = ask;
    const dot = audio.name.lastIndexOf('.');
    return {
      kind: 'transcript',
      chainId,
      service,
      exchange: exchange ? { request: exchange.requestBytes, response: exchange.responseBytes } : undefined,
      noBytes: 'No answer arrived, so there are no bytes to include.',
      fileName: transcriptFileName(audio.name, chatId, 'zip').replace(/\.zip$/, '-proof.zip'),
      media: {
        file: bundleMediaName(transcriptFileName(audio.name, chatId, dot > 0 ? audio.name.slice(dot + 1) : 'bin')),
        type: bundleMediaType(audio.mime),
        role: 'audio',
        read: () => Promise.resolve(audio.bytes),
      },
    };
  }, [service, exchange, ask, chainId]);
}

export function SpeechResult({ run, chainId }: { run: SpeechRun; chainId: number }) {
  const proof = useTranscriptProof(run, chainId);
  const audio = useMemo(
    () => new Blob([run.ask.audio.bytes as Uint8Array<ArrayBuffer>], { type: run.ask.audio.mime }),
    [run.ask.audio],
  );
  const t = run.transcript;
  const chatId = run.exchange?.chatId ?? null;
  const name = (ext: string) => transcriptFileName(run.ask.audio.name, chatId, ext);
  const verification = run.verification ?? { state: 'verifying' as const, reason: 'Verification is still running.' };
  const figures = [
    run.cost !== null && `Cost ${og(run.cost, 9)}`,
    run.msToText !== null && `text in ${(run.msToText / 1000).toFixed(1)} s`,
    run.msToBadge !== null && `badge in ${(run.msToBadge / 1000).toFixed(1)} s`,
  ].filter(Boolean);

  const proofButton = t && (
    <ProofDownloadButton verification={verification} source={proof} label="Download with proof" />
  );

  return (
    <article
      aria-label={`Transcript from ${run.service.model}`}
      className="flex flex-col gap-3 rounded-xl border border-zinc-200 p-3 dark:border-zinc-800"
    >
      <header className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="font-medium break-all">
          {run.ask.audio.name} · {run.service.model}
        </span>
        <span className="text-zinc-600 dark:text-zinc-300">{STATUS[run.status] || figures.join(' · ')}</span>
      </header>
      {run.message && (
        <p
          role={run.declined ? 'status' : 'alert'}
          className={run.declined ? 'text-sm' : 'text-sm text-red-700 dark:text-red-400'}
        >
          {run.message} The audio is kept: press Transcribe to try again.
        </p>
      )}
      {run.fellBack && (
        <p className="text-sm text-zinc-600 dark:text-zinc-300">
          This provider does not give segments (verbose_json), so the transcript has no timestamps.
        </p>
      )}
      {run.saveError && (
        <p role="alert" className="text-sm text-amber-800 dark:text-amber-300">
          {run.saveError}
        </p>
      )}
      {t && (
        <>
          <TranscriptView text={t.text} segments={t.segments} audio={audio} />
          <div className="flex flex-wrap items-center gap-2">
            <VerificationBadge verification={verification} proof={proof} />
            <CopyButton value={t.text} label="Copy transcript" text="Copy" variant="secondary" />
            <Button size="sm" variant="secondary" onClick={() => downloadFile(name('txt'), 'text/plain', t.text)}>
              Download .txt
            </Button>
            {t.segments && t.segments.length > 0 && (
              <>
                <Button
                  size="sm"
                  variant="secondary"
                  onClick={() => downloadFile(name('srt'), 'application/x-subrip', toSrt(t.segments!))}
                >
                  Download .srt
                </Button>
                <Button
                  size="sm"
                  variant="secondary"
                  onClick={() => downloadFile(name('vtt'), 'text/vtt', toVtt(t.segments!))}
                >
                  Download .vtt
                </Button>
              </>
            )}
            {proofButton}
          </div>
        </>
      )}
    </article>
  );
}
