import { memo, useMemo, useState } from 'react';
import { codeInfo, linkTarget } from '../../lib/chat/markdown';
import { tokenize, TOKEN_CLASS } from '../../lib/highlight';
import { Button } from '../ui/button';
import { CopyButton } from '../ui/copy-button';

// The two Markdown pieces with state or their own behaviour: a fenced code block and a remote image.

/** A fenced code block: language label, copy button, colours for the languages the Build page knows. */
export const CodeBlock = memo(function CodeBlock({ info, code }: { info: string | undefined; code: string }) {
  const { label, language } = codeInfo(info);
  // Every run is a text node, and the runs joined are exactly `code`: what shows is what is copied.
  const runs = useMemo(() => (language ? tokenize(code, language) : null), [code, language]);
  return (
    <div className="overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800">
      <div className="flex items-center justify-between gap-2 border-b border-zinc-200 bg-zinc-100 px-3 py-1 text-xs text-zinc-600 dark:border-zinc-800 dark:bg-zinc-800/60 dark:text-zinc-400">
        <span className="truncate font-mono">{label || 'text'}</span>
        <CopyButton value={code} label="Copy code" />
      </div>
      <pre className="overflow-x-auto bg-zinc-50 p-3 font-mono text-xs leading-relaxed dark:bg-zinc-950">
        <code>
          {runs
            ? runs.map((run, i) => {
                const colour = TOKEN_CLASS[run.kind];
                return colour ? (
                  <span key={i} className={colour}>
                    {run.text}
                  </span>
                ) : (
                  run.text
                );
              })
            : code}
        </code>
      </pre>
    </div>
  );
});

/** A remote image is a request to a third party (IP, timing): shown as text until the reader asks for it. */
export function MdImage({
  alt,
  url,
  allowLocalHttp,
  canLoad,
}: {
  alt: string;
  url: string;
  allowLocalHttp: boolean;
  canLoad: boolean;
}) {
  const [load, setLoad] = useState(false);
  const src = canLoad ? linkTarget(url, allowLocalHttp) : null;
  if (load && src) {
    return <img src={src} alt={alt} referrerPolicy="no-referrer" className="max-h-96 max-w-full rounded-lg" />;
  }
  return (
    <span className="inline-flex max-w-full flex-wrap items-center gap-x-2 rounded-md border border-zinc-200 bg-zinc-50 px-2 py-0.5 text-xs text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400">
      <span className="min-w-0 break-all">
        Image: {alt ? `${alt} ` : ''}({url})
      </span>
      {src && (
        <Button
          size="xs"
          variant="ghost"
          onClick={() => setLoad(true)}
          className="text-violet-700 dark:text-violet-300"
        >
          Load image
        </Button>
      )}
    </span>
  );
}
