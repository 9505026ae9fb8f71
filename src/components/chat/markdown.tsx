import { Fragment, useMemo, type CSSProperties, type ReactNode } from 'react';
import type { MarkedToken, Token, Tokens } from 'marked';
import { inlineText, lexMarkdown, linkTarget, textOf, tokenHref } from '../../lib/chat/markdown';
import { cn } from '../../lib/cn';
import { CodeBlock, MdImage } from './markdown-parts';

interface Ctx {
  allowLocalHttp: boolean;
  /** Inside a link nothing else may be interactive: no nested <a>, no buttons. */
  inLink: boolean;
  /** The accessible name of a task item's checkbox: the item's own text. */
  task?: string;
}

const HEADING_CLASS = {
  1: 'text-xl font-semibold',
  2: 'text-lg font-semibold',
  3: 'text-base font-semibold',
  4: 'font-semibold',
  5: 'font-semibold',
  6: 'font-semibold text-zinc-600 dark:text-zinc-400',
} as const;

const LINK_CLASS = 'text-violet-700 underline underline-offset-2 dark:text-violet-300';
const CELL_CLASS = 'px-3 py-1.5 align-top';

/**
 * Untrusted model output as GitHub-flavoured Markdown, built from marked's tokens as React text
 * nodes: raw HTML shows as text, links go only to safe targets, remote images load only on request.
 */
export function Markdown({ text, allowLocalHttp }: { text: string; allowLocalHttp: boolean }) {
  // Re-rendered on every streamed token: lex and build elements only when the text changes.
  const tokens = useMemo(() => lexMarkdown(text), [text]);
  const content = useMemo(
    () =>
      tokens ? renderTokens(tokens, { allowLocalHttp, inLink: false }) : <p className="whitespace-pre-wrap">{text}</p>,
    [tokens, text, allowLocalHttp],
  );
  // pre-line: models put single line breaks where they mean them (addresses, verse).
  return <div className="min-w-0 space-y-3 leading-relaxed break-words whitespace-pre-line">{content}</div>;
}

function renderTokens(tokens: readonly Token[], ctx: Ctx): ReactNode[] {
  // Index plus type: streaming only appends, and a token that changes kind gets a fresh element.
  return tokens.map((t, i) => renderToken(t as MarkedToken, `${i}-${t.type}`, ctx));
}

function renderToken(t: MarkedToken, key: string, ctx: Ctx): ReactNode {
  switch (t.type) {
    case 'space':
    case 'def':
      return null;
    case 'paragraph':
      return <p key={key}>{renderTokens(t.tokens, ctx)}</p>;
    case 'text':
      return t.tokens ? <Fragment key={key}>{renderTokens(t.tokens, ctx)}</Fragment> : textOf(t);
    case 'escape':
      return t.text;
    case 'heading': {
      const level = Math.min(Math.max(t.depth, 1), 6) as keyof typeof HEADING_CLASS;
      const Tag = `h${level}` as const;
      return (
        <Tag key={key} className={HEADING_CLASS[level]}>
          {renderTokens(t.tokens, ctx)}
        </Tag>
      );
    }
    case 'code':
      return <CodeBlock key={key} info={t.lang} code={t.text} />;
    case 'blockquote':
      return (
        <blockquote
          key={key}
          className="space-y-3 border-l-4 border-zinc-300 pl-3 text-zinc-600 dark:border-zinc-700 dark:text-zinc-400"
        >
          {renderTokens(t.tokens, ctx)}
        </blockquote>
      );
    case 'list':
      return renderList(t, key, ctx);
    case 'table':
      return renderTable(t, key, ctx);
    case 'hr':
      return <hr key={key} className="border-zinc-200 dark:border-zinc-800" />;
    case 'html':
      // Raw HTML is shown as the provider wrote it, never parsed.
      return t.block ? (
        <p key={key} className="whitespace-pre-wrap">
          {t.text.trimEnd()}
        </p>
      ) : (
        t.text
      );
    case 'codespan':
      return (
        <code key={key} className="rounded bg-zinc-100 px-1 py-0.5 font-mono text-[0.9em] dark:bg-zinc-800">
          {t.text}
        </code>
      );
    case 'strong':
      return (
        <strong key={key} className="font-semibold">
          {renderTokens(t.tokens, ctx)}
        </strong>
      );
    case 'em':
      return <em key={key}>{renderTokens(t.tokens, ctx)}</em>;
    case 'del':
      return <del key={key}>{renderTokens(t.tokens, ctx)}</del>;
    case 'br':
      return <br key={key} />;
    case 'checkbox':
      return (
        <input
          key={key}
          type="checkbox"
          checked={t.checked}
          disabled
          aria-label={ctx.task || undefined}
          className="mr-1.5 align-middle accent-violet-600"
        />
      );
    case 'link':
      return renderLink(t, key, ctx);
    case 'image':
      return (
        <MdImage
          key={`${key}-${t.href}`}
          alt={inlineText(t.tokens)}
          url={tokenHref(t)}
          allowLocalHttp={ctx.allowLocalHttp}
          canLoad={!ctx.inLink}
        />
      );
    default:
      // Anything else (list items are handled by their list) shows as the source text.
      return t.raw;
  }
}

function renderLink(t: Tokens.Link, key: string, ctx: Ctx): ReactNode {
  const url = tokenHref(t);
  const href = ctx.inLink ? null : linkTarget(url, ctx.allowLocalHttp);
  const children = t.autolink ? t.text : renderTokens(t.tokens, { ...ctx, inLink: true });
  if (href) {
    return (
      <a key={key} href={href} target="_blank" rel="noopener noreferrer" className={LINK_CLASS}>
        {children}
      </a>
    );
  }
  // Refused (or nested) links stay readable: the text, then where it would have gone.
  const shown = t.autolink || inlineText(t.tokens) === url;
  return (
    <span key={key}>
      {children}
      {shown ? null : ` (${url})`}
    </span>
  );
}

function renderList(t: Tokens.List, key: string, ctx: Ctx): ReactNode {
  const items = t.items.map((item, j) => {
    // A task item's checkbox is named by the item's first paragraph, not by any list nested in it.
    const first = item.tokens.find((c) => c.type === 'text' || c.type === 'paragraph') as Tokens.Text | undefined;
    const task = item.task ? inlineText(first?.tokens ?? []).trim() : undefined;
    return (
      <li key={j} className={cn('space-y-2 pl-1', item.task && 'list-none')}>
        {renderTokens(item.tokens, { ...ctx, task })}
      </li>
    );
  });
  return t.ordered ? (
    <ol
      key={key}
      start={typeof t.start === 'number' ? t.start : undefined}
      className="list-decimal space-y-1 pl-6 marker:text-zinc-500"
    >
      {items}
    </ol>
  ) : (
    <ul key={key} className="list-disc space-y-1 pl-6 marker:text-zinc-500">
      {items}
    </ul>
  );
}

const alignment = (align: Tokens.TableCell['align']): CSSProperties | undefined =>
  align ? { textAlign: align } : undefined;

function renderTable(t: Tokens.Table, key: string, ctx: Ctx): ReactNode {
  return (
    // Scrolls sideways on its own, so a wide table never widens the page; focusable to scroll by keyboard.
    <div
      key={key}
      role="region"
      aria-label="Table"
      tabIndex={0}
      className="max-w-full overflow-x-auto rounded-lg border border-zinc-200 whitespace-normal focus-visible:outline-2 focus-visible:outline-violet-500 dark:border-zinc-800"
    >
      <table className="min-w-full border-collapse text-left">
        <thead className="bg-zinc-50 dark:bg-zinc-800/60">
          <tr>
            {t.header.map((cell, i) => (
              <th key={i} scope="col" style={alignment(cell.align)} className={cn(CELL_CLASS, 'font-semibold')}>
                {renderTokens(cell.tokens, ctx)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {t.rows.map((row, r) => (
            <tr key={r} className="border-t border-zinc-200 dark:border-zinc-800">
              {row.map((cell, i) => (
                <td key={i} style={alignment(cell.align)} className={CELL_CLASS}>
                  {renderTokens(cell.tokens, ctx)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
