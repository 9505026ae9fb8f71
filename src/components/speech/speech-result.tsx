import { useMemo, useState } from 'react';
import type { SpeechRun } from '../../hooks/speech/use-speech-run';
import { downloadFile } from '../../lib/download';
import { sha256hex } from '../../lib/media/hash';
import { hasProof } from '../../lib/media/picture-files';
import { mediaProofZip } from '../../lib/media/proof-zip';
import { toSrt, toVtt, transcriptFileName } from '../../lib/media/subtitles';
import { og } from '../../lib/units';
import type { VerificationResult } from '../../lib/verify/response';
import { VerificationBadge } from '../chat/verification-badge';
import { Button } from '../ui/button';
import { CopyButton } from '../ui/copy-button';
import { TranscriptView } from './transcript-view';

const STATUS: Record<SpeechRun['status'], string> = {
  sending: 'Waiting for the provider…',
  verifying: 'Checking the signature…',
  done: '',
  refused: '',
};

/** One Transcribe press: the transcript (with segments beside the audio), its badge, cost and downloads. */
export function SpeechResult({ run, chainId }: { run: SpeechRun; chainId: number }) {
  const [error, setError] = useState<string | null>(null);
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

  function proof() {
    if (!t || !run.exchange || !hasProof(verification)) return;
    try {
      const zip = mediaProofZip({
        kind: 'transcript',
        media: new TextEncoder().encode(t.text),
        ext: 'txt',
        title: run.ask.audio.name,
        chainId,
        serviceUrl: run.service.url,
        model: run.service.model,
        verification: verification as unknown as VerificationResult,
        exchange: { request: run.exchange.requestBytes, response: run.exchange.responseBytes },
        audioSha256: sha256hex(run.ask.audio.bytes),
      });
      downloadFile(name('zip').replace(/\.zip$/, '-proof.zip'), 'application/zip', zip);
    } catch (err) {
      setError((err as Error).message);
    }
  }
  const proofButton = t && hasProof(verification) && (
    <Button size="sm" variant="secondary" onClick={proof}>
      Download with proof
    </Button>
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
            <VerificationBadge verification={verification} actions={proofButton} />
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
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </article>
  );
}
