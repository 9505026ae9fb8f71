import { useId, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { buildSnippets, type SnippetTarget } from '../../lib/snippets';
import { cn } from '../../lib/cn';
import { SnippetPanel } from './snippet-panel';

const NEXT: Record<string, (i: number, n: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

/**
 * The snippets as ARIA tabs: arrows, Home and End move between them and select as they go. The
 * chosen one lives in the URL (`?code=…`) so a link opens on it.
 */
export function SnippetTabs({ target }: { target: SnippetTarget }) {
  const snippets = useMemo(() => buildSnippets(target), [target]);
  const [params, setParams] = useSearchParams();
  const index = Math.max(
    0,
    snippets.findIndex((s) => s.id === params.get('code')),
  );
  const base = useId();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const select = (i: number, focus = false) => {
    const next = new URLSearchParams(params);
    if (i === 0) next.delete('code');
    else next.set('code', snippets[i]!.id);
    setParams(next, { replace: true });
    if (focus) tabs.current[i]?.focus();
  };

  return (
    <div className="flex flex-col gap-3">
      <div
        role="tablist"
        aria-label="Code"
        // Wraps rather than scrolls: on a phone every tab stays in sight, none hides past the edge.
        className="flex flex-wrap gap-x-1 border-b border-zinc-200 dark:border-zinc-800"
        onKeyDown={(e) => {
          const move = NEXT[e.key];
          if (!move) return;
          e.preventDefault();
          select(move(index, snippets.length), true);
        }}
      >
        {snippets.map((s, i) => (
          <button
            key={s.id}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${s.id}`}
            aria-selected={i === index}
            aria-controls={`${base}-panel-${s.id}`}
            tabIndex={i === index ? 0 : -1}
            onClick={() => select(i)}
            className={cn(
              'shrink-0 rounded-t-lg border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap focus-visible:outline-2 focus-visible:outline-violet-500',
              i === index
                ? 'border-violet-600 text-violet-700 dark:border-violet-400 dark:text-violet-300'
                : 'border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100',
            )}
          >
            {s.label}
          </button>
        ))}
      </div>
      {snippets.map((s, i) => (
        <div
          key={s.id}
          role="tabpanel"
          id={`${base}-panel-${s.id}`}
          aria-labelledby={`${base}-tab-${s.id}`}
          hidden={i !== index}
        >
          <SnippetPanel snippet={s} target={target} />
        </div>
      ))}
    </div>
  );
}
