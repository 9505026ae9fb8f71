import { useState, type PointerEvent } from 'react';
import { cn } from '../../lib/cn';
import { CANNOT_SHOW, isBlobUrl } from './lightbox';

interface Picture {
  /** A `blob:` URL of the bytes; anything else is not shown. */
  src: string;
  alt: string;
}

const clamp = (n: number) => Math.min(100, Math.max(0, Math.round(n)));

/**
 * Two pictures stacked, "before" on the left of a divider and "after" on its right. A native range input moves the
 * divider (arrows, Home / End, Page Up / Down); dragging across the pictures moves it too.
 */
export function BeforeAfter({ before, after, className }: { before: Picture; after: Picture; className?: string }) {
  // Percent of the width given to "before".
  const [position, setPosition] = useState(50);
  const [dragging, setDragging] = useState(false);

  if (!isBlobUrl(before.src) || !isBlobUrl(after.src))
    return <p className={cn('text-sm text-zinc-600 dark:text-zinc-300', className)}>{CANNOT_SHOW}</p>;

  const follow = (e: PointerEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    if (box.width > 0) setPosition(clamp(((e.clientX - box.left) / box.width) * 100));
  };
  return (
    <figure className={cn('flex w-full max-w-xl min-w-0 flex-col gap-2', className)}>
      {/* The pointer path is a convenience for the range below, which is the control keyboards and screen readers use. */}
      <div
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture?.(e.pointerId);
          setDragging(true);
          follow(e);
        }}
        onPointerMove={(e) => dragging && follow(e)}
        onPointerUp={() => setDragging(false)}
        onPointerCancel={() => setDragging(false)}
        // Vertical swipes still scroll the page; horizontal ones move the divider.
        className="relative cursor-ew-resize touch-pan-y overflow-hidden rounded-lg bg-zinc-100 select-none dark:bg-zinc-800"
      >
        <img src={before.src} alt={before.alt} draggable={false} className="block max-h-[70vh] w-full object-contain" />
        {/* Clipped, not resized: both pictures keep the same box, so their pixels line up across the divider. */}
        <img
          src={after.src}
          alt={after.alt}
          draggable={false}
          style={{ clipPath: `inset(0 0 0 ${position}%)` }}
          className="absolute inset-0 size-full object-contain"
        />
        <div
          aria-hidden="true"
          style={{ left: `${position}%` }}
          className="pointer-events-none absolute inset-y-0 w-0.5 -translate-x-1/2 bg-white shadow-[0_0_0_1px_rgb(0_0_0/0.45)]"
        />
      </div>
      <div className="flex items-center gap-2 text-xs text-zinc-600 dark:text-zinc-300">
        {/* The ends' words say which side is which; the range is named as a whole. */}
        <span aria-hidden="true">Before</span>
        <input
          type="range"
          min={0}
          max={100}
          step={1}
          value={position}
          aria-label="Before / after"
          aria-valuetext={`${position}% before, ${100 - position}% after`}
          onChange={(e) => setPosition(clamp(Number(e.target.value)))}
          className="h-6 min-w-0 flex-1 cursor-ew-resize accent-violet-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-500"
        />
        <span aria-hidden="true">After</span>
      </div>
    </figure>
  );
}
