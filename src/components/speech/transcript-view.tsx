import { useRef, useState } from 'react';
import { useObjectUrl } from '../../hooks/ui/use-object-url';
import { cn } from '../../lib/cn';
import { segmentAt, type Segment } from '../../lib/media/transcript';
import { Button } from '../ui/button';
import { clock } from '../../lib/format';

/** Seconds as a player shows them: m:ss, or h:mm:ss from an hour. */

/**
 * A transcript beside its audio: with segments, a list of them that seek the player when pressed and follow it as it
 * plays; without, the text as it came. The text is the provider's: shown as text only.
 */
export function TranscriptView({
  text,
  segments,
  audio,
  className,
}: {
  text: string;
  segments: readonly Segment[] | null;
  audio: Blob | null;
  className?: string;
}) {
  const url = useObjectUrl(audio);
  const player = useRef<HTMLAudioElement>(null);
  const [playing, setPlaying] = useState<number | null>(null);
  const timed = segments && segments.length > 0 ? segments : null;

  function seek(index: number) {
    const el = player.current;
    const segment = timed?.[index];
    if (!el || !segment) return;
    el.currentTime = segment.start;
    setPlaying(index);
    // Refused without a user gesture or when the audio cannot be decoded; the player shows that itself.
    el.play()?.catch(() => {});
  }

  const line = (s: Segment) => `${clock(s.start)} – ${s.text.trim()}`;

  return (
    <div className={cn('flex min-w-0 flex-col gap-2', className)}>
      {url && (
        <audio
          ref={player}
          controls
          src={url}
          aria-label="Audio of the transcript"
          className="w-full"
          onTimeUpdate={(e) => timed && setPlaying(segmentAt(timed, e.currentTarget.currentTime))}
        />
      )}
      {timed ? (
        <ol aria-label="Segments" className="flex max-h-96 flex-col gap-0.5 overflow-y-auto">
          {timed.map((s, i) => (
            <li key={`${i}-${s.start}`}>
              {url ? (
                <Button
                  variant="ghost"
                  size="sm"
                  aria-current={i === playing ? 'true' : undefined}
                  onClick={() => seek(i)}
                  className={cn(
                    'h-auto min-h-8 w-full justify-start py-1 text-left font-normal break-words whitespace-pre-wrap text-zinc-900 dark:text-zinc-100',
                    i === playing && 'bg-violet-100 hover:bg-violet-100 dark:bg-violet-950 dark:hover:bg-violet-950',
                  )}
                >
                  {line(s)}
                </Button>
              ) : (
                <span className="block px-2.5 py-1 text-sm break-words whitespace-pre-wrap">{line(s)}</span>
              )}
            </li>
          ))}
        </ol>
      ) : text.trim() === '' ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-300">The transcript is empty: no speech was found.</p>
      ) : (
        <p className="text-sm break-words whitespace-pre-wrap">{text}</p>
      )}
    </div>
  );
}
