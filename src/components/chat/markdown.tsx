import { useMemo, useState, type ReactNode } from 'react';
import { inlineText, linkTarget, parseMarkdown, type MdBlock, type MdInline } from '../../lib/chat/markdown';
import { CopyButton } from '../ui/copy-button';

interface Ctx {
  allowLocalHttp: boolean;
  /** Inside a link nothing else may be interactive: no nested <a>, no buttons. */
  inLink: boolean;
}

const HEADING_CLASS = {
  1: 'text-xl font-semibold',
  2: 'text-lg font-semibold',
  3: 'text-base font-semibold',
  4: 'font-semibold',
  5: 'font-semibold',
  6: 'font-semibold text-zinc-600 dark:text-zinc-400',
} as const;

/** Untrusted model output as Markdown: no raw HTML, only safe links, remote images only on request. */
export function Markdown({ text, allowLocalHttp }: { text: string; allowLocalHttp: boolean }) {
  // Re-rendered on every streamed token: parse and build elements only when the text changes.
  const content = useMemo(
    () => renderBlocks(parseMarkdown(text), { allowLocalHttp, inLink: false }),
    [text, allowLocalHttp],
  );
  return <div className="min-w-0 space-y-3 leading-relaxed break-words">{content}</div>;
}

function renderBlocks(blocks: MdBlock[], ctx: Ctx): ReactNode[] {
  // Index plus type: streaming only appends, and a block that changes kind gets a fresh element.
  return blocks.map((block, i) => renderBlock(block, `${i}-${block.type}`, ctx));
}

function renderBlock(block: MdBlock, key: string, ctx: Ctx): ReactNode {
  switch (block.type) {
    case 'paragraph':
      // Models put single line breaks where they mean them (addresses, verse, unsupported tables).
      return (
        <p key={key} className="whitespace-pre-line">
          {renderInlines(block.children, ctx)}
        </p>
      );
    case 'heading': {
      const Tag = `h${block.level}` as const;
      return (
        <Tag key={key} className={HEADING_CLASS[block.level]}>
          {renderInlines(block.children, ctx)}
        </Tag>
      );
    }
    case 'code':
      return <CodeBlock key={key} lang={block.lang} code={block.text} />;
    case 'blockquote':
      return (
        <blockquote
          key={key}
          className="space-y-3 border-l-4 border-zinc-300 pl-3 text-zinc-600 dark:border-zinc-700 dark:text-zinc-400"
        >
          {renderBlocks(block.children, ctx)}
        </blockquote>
      );
    case 'list': {
      const items = block.items.map((item, j) => (
        <li key={j} className="space-y-2 pl-1">
          {renderBlocks(item, ctx)}
        </li>
      ));
      return block.ordered ? (
        <ol key={key} start={block.start} className="list-decimal space-y-1 pl-6 marker:text-zinc-500">
          {items}
        </ol>
      ) : (
        <ul key={key} className="list-disc space-y-1 pl-6 marker:text-zinc-500">
          {items}
        </ul>
      );
    }
    case 'hr':
      return <hr key={key} className="border-zinc-200 dark:border-zinc-800" />;
  }
}

function renderInlines(nodes: MdInline[], ctx: Ctx): ReactNode[] {
  return nodes.map((node, i) => renderInline(node, `${i}-${node.type}`, ctx));
}

function renderInline(node: MdInline, key: string, ctx: Ctx): ReactNode {
  switch (node.type) {
    case 'text':
      return node.text;
    case 'code':
      return (
        <code key={key} className="rounded bg-zinc-100 px-1 py-0.5 font-mono text-[0.9em] dark:bg-zinc-800">
          {node.text}
        </code>
      );
    case 'strong':
      return (
        <strong key={key} className="font-semibold">
          {renderInlines(node.children, ctx)}
        </strong>
      );
    case 'em':
      return <em key={key}>{renderInlines(node.children, ctx)}</em>;
    case 'break':
      return <br key={key} />;
    case 'link': {
      const href = ctx.inLink ? null : linkTarget(node.url, ctx.allowLocalHttp);
      const children = renderInlines(node.children, { ...ctx, inLink: true });
      if (href) {
        return (
          <a
            key={key}
            href={href}
            target="_blank"
            rel="noopener noreferrer"
            className="text-violet-700 underline underline-offset-2 dark:text-violet-300"
          >
            {children}
          </a>
        );
      }
      // Refused (or nested) links stay readable: the text, then where it would have gone.
      return (
        <span key={key}>
          {children}
          {inlineText(node.children) === node.url ? null : ` (${node.url})`}
        </span>
      );
    }
    case 'image':
      return (
        <MdImage
          key={`${key}-${node.url}`}
          alt={node.alt}
          url={node.url}
          allowLocalHttp={ctx.allowLocalHttp}
          canLoad={!ctx.inLink}
        />
      );
  }
}

/** A fenced code block: language label, copy button, horizontally scrollable. */
function CodeBlock({ lang, code }: { lang: string; code: string }) {
  return (
    <div className="overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800">
      <div className="flex items-center justify-between gap-2 border-b border-zinc-200 bg-zinc-100 px-3 py-1 text-xs text-zinc-600 dark:border-zinc-800 dark:bg-zinc-800/60 dark:text-zinc-400">
        <span className="truncate font-mono">{lang || 'text'}</span>
        <CopyButton value={code} label="Copy code" />
      </div>
      <pre className="overflow-x-auto bg-zinc-50 p-3 font-mono text-xs leading-relaxed dark:bg-zinc-950">
        <code>{code}</code>
      </pre>
    </div>
  );
}

/** A remote image is a request to a third party (IP, timing): shown as text until the reader asks for it. */
function MdImage({
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
        <button
          type="button"
          onClick={() => setLoad(true)}
          className="rounded px-1.5 py-0.5 font-medium text-violet-700 hover:bg-zinc-100 dark:text-violet-300 dark:hover:bg-zinc-800"
        >
          Load image
        </button>
      )}
    </span>
  );
}
