import { useEffect, useEffectEvent, useState, type ReactNode } from 'react';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';

/** One picture the full-size view can show. */
export interface LightboxItem {
  id: string;
  /** A `blob:` URL of the bytes received; an empty string while the picture is still being read. */
  src: string;
  alt: string;
}

/** Whether `src` is a `blob:` URL: pictures are shown only from Blobs of the bytes received, never from a link. */
export function isBlobUrl(src: string): boolean {
  try {
    return new URL(src).protocol === 'blob:';
  } catch {
    return false;
  }
}

export const CANNOT_SHOW = 'This picture cannot be shown.';

// Keys typed into a control (a field in a caption, say) are that control's, not the viewer's.
function typedIntoControl(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/**
 * The full-size view of one picture among `items`, in a modal: Previous / Next (and the arrow keys) move
 * through them, wrapping at the ends; Escape or Close calls `onIndex(null)`, and the opener gets focus back.
 */
export function Lightbox({
  items,
  index,
  onIndex,
  renderCaption,
}: {
  items: LightboxItem[];
  /** The picture shown, or null when the view is closed. */
  index: number | null;
  onIndex: (index: number | null) => void;
  renderCaption?: (item: LightboxItem) => ReactNode;
}) {
  const item = index === null ? undefined : items[index];
  const count = items.length;
  // The src that failed to decode (a revoked URL, bytes that are not a picture): checked by value, so a new picture
  // starts clean without an effect to reset it.
  const [broken, setBroken] = useState<string | null>(null);

  const move = (step: number) => {
    if (index === null || count < 2) return;
    onIndex((index + step + count) % count);
  };
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || typedIntoControl(e.target)) return;
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    move(e.key === 'ArrowLeft' ? -1 : 1);
  });
  const open = item !== undefined;
  useEffect(() => {
    if (!open) return;
    // On the document, not the dialog's content: the browser first focuses the dialog's Close button, outside it.
    const listener = (e: KeyboardEvent) => onKey(e);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, [open]);

  const title = index === null ? '' : `Picture ${index + 1} of ${count}`;
  return (
    <Dialog
      open={open}
      onClose={() => onIndex(null)}
      title={title}
      className="w-[min(72rem,calc(100vw-1rem))] max-w-none"
    >
      {item && (
        <div className="flex flex-col gap-3">
          <div className="grid min-h-40 place-items-center rounded-lg bg-zinc-100 dark:bg-zinc-950">
            {item.src === '' ? (
              <p className="text-sm text-zinc-600 dark:text-zinc-300">Loading…</p>
            ) : !isBlobUrl(item.src) || broken === item.src ? (
              <p className="p-4 text-sm text-zinc-600 dark:text-zinc-300">{CANNOT_SHOW}</p>
            ) : (
              <img
                key={item.id}
                src={item.src}
                alt={item.alt}
                onError={() => setBroken(item.src)}
                className="block max-h-[min(80vh,calc(100dvh-14rem))] w-auto max-w-full object-contain"
              />
            )}
          </div>
          {/* Moving with the keys changes nothing a screen reader would otherwise read out. */}
          <p aria-live="polite" className="sr-only">
            {`${title}: ${item.alt}`}
          </p>
          {renderCaption && <div className="min-w-0 text-sm">{renderCaption(item)}</div>}
          {count > 1 && (
            <div className="flex justify-between gap-2">
              <Button variant="secondary" size="sm" onClick={() => move(-1)}>
                <span aria-hidden="true">←</span> Previous
              </Button>
              <Button variant="secondary" size="sm" onClick={() => move(1)}>
                Next <span aria-hidden="true">→</span>
              </Button>
            </div>
          )}
        </div>
      )}
    </Dialog>
  );
}
