import { useMemo } from 'react';
import type { ImageRun } from '../../hooks/image/use-image-run';
import { useObjectUrl } from '../../hooks/ui/use-object-url';
import { og } from '../../lib/units';
import { BeforeAfter } from './before-after';
import { PictureCard } from './picture-card';

const STATUS: Record<ImageRun['status'], string> = {
  sending: 'Waiting for the provider…',
  verifying: 'Checking the signature…',
  done: '',
  refused: '',
};

/** One Generate or Edit press as it goes: pictures first, then their badge, the cost, and any refusal. */
export function RunView({
  run,
  chainId,
  onOpen,
  onReuse,
}: {
  run: ImageRun;
  chainId: number;
  onOpen: (run: ImageRun, index: number) => void;
  onReuse: (run: ImageRun) => void;
}) {
  const original = useMemo(
    () =>
      run.ask.mode === 'edit'
        ? new Blob([run.ask.image.bytes as Uint8Array<ArrayBuffer>], { type: run.ask.image.mime })
        : null,
    [run.ask],
  );
  const before = useObjectUrl(original);
  const after = useObjectUrl(run.pictures[0]?.blob);
  const verification = run.verification ?? { state: 'verifying' as const, reason: 'Verification is still running.' };
  const exchange = run.exchange
    ? { request: run.exchange.requestBytes, response: run.exchange.responseBytes }
    : undefined;
  const figures = [
    run.cost !== null && `Cost ${og(run.cost, 9)}`,
    run.msToPictures !== null && `pictures in ${(run.msToPictures / 1000).toFixed(1)} s`,
    run.msToBadge !== null && `badge in ${(run.msToBadge / 1000).toFixed(1)} s`,
  ].filter(Boolean);
  return (
    <article
      aria-label={`${run.ask.mode === 'edit' ? 'Edit' : 'Generation'} with ${run.service.model}`}
      className="flex flex-col gap-3 rounded-xl border border-zinc-200 p-3 dark:border-zinc-800"
    >
      <header className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="font-medium break-all">{run.service.model}</span>
        <span className="text-zinc-600 dark:text-zinc-300">{STATUS[run.status] || figures.join(' · ')}</span>
      </header>
      {run.message && (
        <p
          role={run.declined ? 'status' : 'alert'}
          className={run.declined ? 'text-sm' : 'text-sm text-red-700 dark:text-red-400'}
        >
          {run.message}
        </p>
      )}
      {run.refusals.length > 0 && (
        <ul aria-label="Pictures refused" className="list-disc pl-5 text-sm text-red-700 dark:text-red-400">
          {run.refusals.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      )}
      {run.saveError && (
        <p role="alert" className="text-sm text-amber-800 dark:text-amber-300">
          {run.saveError}
        </p>
      )}
      {before && after && (
        <BeforeAfter
          before={{ src: before, alt: 'Before: your picture' }}
          after={{ src: after, alt: 'After: the edit' }}
        />
      )}
      {run.pictures.length > 0 && (
        <ul aria-label="Pictures" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
          {run.pictures.map((p, i) => (
            <li key={p.itemId} className="min-w-0">
              <PictureCard
                facts={{
                  prompt: run.ask.prompt,
                  chatId: run.exchange?.chatId ?? null,
                  mime: p.mime,
                  chainId,
                  serviceUrl: run.service.url,
                  model: run.service.model,
                  verification,
                  sourceUrl: p.sourceUrl,
                }}
                preview={p.blob}
                full={() => Promise.resolve(p.blob)}
                exchange={exchange}
                onOpen={() => onOpen(run, i)}
                onReuse={() => onReuse(run)}
              />
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
