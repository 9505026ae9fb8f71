import { useEffect, useEffectEvent, useRef } from 'react';
import { useRecorder } from '../../hooks/speech/use-recorder';
import { useObjectUrl } from '../../hooks/ui/use-object-url';
import { cn } from '../../lib/cn';
import { Button } from '../ui/button';
import { clock } from '../../lib/format';

/** Seconds as a player shows them: m:ss. */

/**
 * Records from the microphone: Start recording, Stop recording, Discard, the elapsed time, a level meter, and the recording to play
 * before it is sent. `onRecording` gets each kept recording, and null when it is discarded or replaced.
 */
export function Recorder({
  onRecording,
  disabled = false,
  maxSeconds,
  className,
}: {
  onRecording: (blob: Blob | null) => void;
  disabled?: boolean;
  /** Stops by itself at this length. */
  maxSeconds?: number;
  className?: string;
}) {
  const recorder = useRecorder({ maxSeconds });
  const { status, recording, error, warning } = recorder;
  const blob = recording?.blob ?? null;
  const url = useObjectUrl(blob);

  // Only changes are reported: nothing on mount, the same recording once.
  const reported = useRef<Blob | null>(null);
  const report = useEffectEvent((next: Blob | null) => onRecording(next));
  useEffect(() => {
    if (reported.current === blob) return;
    reported.current = blob;
    report(blob);
  }, [blob]);

  const percent = Math.round(recorder.level * 100);
  const said =
    status === 'asking'
      ? 'Allow the microphone when the browser asks.'
      : status === 'recording'
        ? clock(recorder.elapsedS)
        : recording
          ? `Recorded ${clock(recording.durationS)}`
          : '';

  return (
    <div className={cn('flex min-w-0 flex-col gap-2', className)}>
      <div className="flex flex-wrap items-center gap-2">
        {/* One button in one place that changes its words, so focus stays on it from Start to Stop. */}
        {status === 'recording' ? (
          <Button variant="danger" onClick={recorder.stop}>
            Stop recording
          </Button>
        ) : (
          // While the browser asks, it stays enabled (aria-disabled): a disabled button would drop the focus.
          <Button onClick={recorder.start} disabled={disabled} aria-disabled={status === 'asking' || undefined}>
            {recording ? 'Record again' : 'Start recording'}
          </Button>
        )}
        {status !== 'idle' && (
          <Button variant="secondary" onClick={recorder.discard}>
            Discard
          </Button>
        )}
        <span aria-live="polite" aria-atomic="true" className="text-sm text-zinc-600 tabular-nums dark:text-zinc-300">
          {said}
        </span>
      </div>
      {status === 'recording' && (
        <div
          role="meter"
          aria-label="Microphone level"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={`${percent}%`}
          className="h-3 w-full max-w-sm overflow-hidden rounded-full border border-zinc-500 dark:border-zinc-400"
        >
          <div className="h-full bg-violet-600 dark:bg-violet-400" style={{ width: `${percent}%` }} />
        </div>
      )}
      {url && <audio controls src={url} aria-label="Your recording" className="w-full max-w-sm" />}
      <div aria-live="polite" className="text-sm text-red-700 empty:hidden dark:text-red-400">
        {error}
      </div>
      <div aria-live="polite" className="text-sm text-amber-800 empty:hidden dark:text-amber-300">
        {warning}
      </div>
    </div>
  );
}
