import { useLayoutEffect, useRef, useState } from 'react';
import { Button } from '../ui/button';

// Within this many pixels of the bottom counts as at the end: zoom and sub-pixel rounding leave a remainder.
const END_SLACK = 8;

function atEnd(el: HTMLElement): boolean {
  return el.scrollHeight - el.scrollTop - el.clientHeight <= END_SLACK;
}

/**
 * The task log as text in a focusable, scrollable region. It keeps the newest lines in view as the log
 * grows, unless the reader scrolled up to read; then a button brings them back to the end.
 */
export function LogView({ text, label = 'Task log' }: { text: string; label?: string }) {
  const ref = useRef<HTMLPreElement>(null);
  const [following, setFollowing] = useState(true);

  // Before paint, so a new line never flashes above the fold first.
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && following) el.scrollTop = el.scrollHeight;
  }, [text, following]);

  const jump = () => {
    const el = ref.current;
    if (!el) return;
    el.scrollTop = el.scrollHeight;
    setFollowing(true);
    // The button goes away once pressed: keep the focus in the log rather than dropping it on the page.
    el.focus();
  };

  return (
    <div className="flex min-w-0 flex-col gap-2">
      <pre
        ref={ref}
        role="log"
        tabIndex={0}
        aria-label={label}
        // Growing content fires no scroll event; only the reader (or our own jump to the end) does.
        onScroll={(e) => setFollowing(atEnd(e.currentTarget))}
        className="max-h-80 min-h-24 overflow-auto rounded-lg border border-zinc-200 bg-zinc-50 p-3 font-mono text-xs leading-relaxed break-words whitespace-pre-wrap text-zinc-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-500 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-100"
      >
        {text === '' ? <span className="text-zinc-600 dark:text-zinc-400">No log lines yet.</span> : text}
      </pre>
      {!following && (
        <Button variant="secondary" size="sm" className="self-start" onClick={jump}>
          Jump to the latest lines
        </Button>
      )}
    </div>
  );
}
