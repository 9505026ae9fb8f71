import { Fragment, useMemo } from 'react';
import { tokenize, TOKEN_CLASS, type HighlightLanguage } from '../../lib/highlight';

/**
 * Source code with syntax colours. Every token is a text node (the code holds a provider's own
 * words), so what shows and what is copied are the same characters, and nothing is parsed as HTML.
 */
export function CodeView({ code, language, label }: { code: string; language: HighlightLanguage; label: string }) {
  const tokens = useMemo(() => tokenize(code, language), [code, language]);
  return (
    // A named, focusable region so the keyboard can scroll long lines.
    <pre
      role="region"
      tabIndex={0}
      aria-label={label}
      className="max-h-[36rem] overflow-auto bg-zinc-50 p-4 font-mono text-xs leading-relaxed text-zinc-900 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-violet-500 dark:bg-zinc-950 dark:text-zinc-100"
    >
      <code>
        {tokens.map((t, i) => {
          const colour = TOKEN_CLASS[t.kind];
          return colour ? (
            <span key={i} className={colour}>
              {t.text}
            </span>
          ) : (
            <Fragment key={i}>{t.text}</Fragment>
          );
        })}
      </code>
    </pre>
  );
}
