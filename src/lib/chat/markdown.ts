import { safeHref } from '../safe-url';
import { inlineText, parseInline } from './markdown-inline';

export { inlineText };

/** Inline content: everything the parser does not recognise stays `text`, including any HTML. */
export type MdInline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong'; children: MdInline[] }
  | { type: 'em'; children: MdInline[] }
  | { type: 'link'; url: string; children: MdInline[] }
  | { type: 'image'; url: string; alt: string }
  | { type: 'break' };

/** Block content; `code.closed` is false while a fence is still streaming in. */
export type MdBlock =
  | { type: 'paragraph'; children: MdInline[] }
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: MdInline[] }
  | { type: 'code'; lang: string; text: string; closed: boolean }
  | { type: 'blockquote'; children: MdBlock[] }
  | { type: 'list'; ordered: boolean; start: number; items: MdBlock[][] }
  | { type: 'hr' };

// Each level of quote or list re-reads its lines and recurses; past this depth markers stay text.
const MAX_BLOCK_DEPTH = 8;

const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*))?$/;
const HR = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}> ?/;
const LIST = /^( {0,3})([-*+]|\d{1,9}[.)])(?:([ \t]+)(.*))?$/;

/** Parses untrusted Markdown (CommonMark subset, no raw HTML) into blocks; never throws. */
export function parseMarkdown(text: string): MdBlock[] {
  try {
    return parseBlocks(String(text).split(/\r\n?|\n/), 0);
  } catch {
    // A parser bug must not take the chat down: the message still shows, unformatted.
    return text ? [{ type: 'paragraph', children: [{ type: 'text', text: String(text) }] }] : [];
  }
}

/** Where a Markdown link or image may point, or null when it must stay text (see safeHref). */
export function linkTarget(url: string, allowLocalHttp: boolean): string | null {
  return safeHref(url, { allowLocalHttp });
}

// ---- blocks ----

interface Fence {
  indent: number;
  marker: string;
  lang: string;
}

interface Marker {
  indent: number;
  ordered: boolean;
  delim: string;
  start: number;
  contentIndent: number;
  content: string;
}

function parseBlocks(lines: string[], depth: number): MdBlock[] {
  const blocks: MdBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const fence = fenceOpen(line);
    const heading = HEADING.exec(line);
    const marker = depth < MAX_BLOCK_DEPTH ? listMarker(line) : null;
    if (isBlank(line)) {
      i++;
    } else if (fence) {
      const body: string[] = [];
      let closed = false;
      for (i++; i < lines.length && !closed; i++) {
        const l = lines[i] ?? '';
        closed = closesFence(l, fence.marker);
        if (!closed) body.push(stripIndent(l, fence.indent));
      }
      blocks.push({ type: 'code', lang: fence.lang, text: body.join('\n'), closed });
    } else if (heading) {
      const level = (heading[1] ?? '#').length as 1 | 2 | 3 | 4 | 5 | 6;
      blocks.push({ type: 'heading', level, children: parseInline(headingText(heading[2] ?? '')) });
      i++;
    } else if (HR.test(line)) {
      blocks.push({ type: 'hr' });
      i++;
    } else if (depth < MAX_BLOCK_DEPTH && QUOTE.test(line)) {
      const inner: string[] = [];
      for (let q = QUOTE.exec(lines[i] ?? ''); q; q = QUOTE.exec(lines[++i] ?? '')) {
        inner.push((lines[i] ?? '').slice(q[0].length));
      }
      blocks.push({ type: 'blockquote', children: parseBlocks(inner, depth + 1) });
    } else if (marker) {
      i = readList(lines, i, marker, depth, blocks);
    } else {
      const parts = [line.trimStart()];
      for (i++; i < lines.length && !isBlank(lines[i] ?? '') && !interrupts(lines[i] ?? ''); i++) {
        parts.push((lines[i] ?? '').trimStart());
      }
      blocks.push({ type: 'paragraph', children: parseInline(parts.join('\n').trimEnd()) });
    }
  }
  return blocks;
}

/** Reads one list starting at `start`; returns the index of the first line after it. */
function readList(lines: string[], start: number, first: Marker, depth: number, out: MdBlock[]): number {
  const items: MdBlock[][] = [];
  let i = start;
  for (let m = listMarker(lines[i] ?? ''); m && sameList(m, first) && !HR.test(lines[i] ?? '');) {
    const body = [m.content];
    let fence = fenceOpen(m.content);
    // Whether the last line was paragraph text, which an unindented line may lazily continue.
    let lazy = m.content !== '' && !fence;
    for (i++; i < lines.length; i++) {
      const l = lines[i] ?? '';
      const ind = indentOf(l);
      let content: string;
      if (isBlank(l)) content = '';
      else if (ind >= m.contentIndent) content = stripIndent(l, m.contentIndent);
      // Models often indent sub-lists by two spaces under `1.`; take them as nested anyway.
      else if (ind > m.indent && listMarker(l.trimStart())) content = l.trimStart();
      else if (lazy && !interrupts(l) && !listMarker(l)) content = l.trimStart();
      else break;
      body.push(content);
      const inFence = fence !== null;
      if (fence) fence = closesFence(content, fence.marker) ? null : fence;
      else fence = fenceOpen(content);
      lazy = content !== '' && !inFence && !fence;
    }
    items.push(parseBlocks(body, depth + 1));
    m = listMarker(lines[i] ?? '');
  }
  out.push({ type: 'list', ordered: first.ordered, start: first.start, items });
  return i;
}

function sameList(m: Marker, first: Marker): boolean {
  return m.ordered === first.ordered && m.delim === first.delim;
}

function fenceOpen(line: string): Fence | null {
  const m = FENCE.exec(line);
  const marker = m?.[2] ?? '';
  const info = m?.[3] ?? '';
  // A backtick in the info string means inline code such as ```x```, not a fence.
  if (!m || (marker.startsWith('`') && info.includes('`'))) return null;
  return { indent: (m[1] ?? '').length, marker, lang: info.trim().split(/\s/)[0] ?? '' };
}

function closesFence(line: string, marker: string): boolean {
  const close = FENCE_CLOSE.exec(line)?.[1] ?? '';
  return close[0] === marker[0] && close.length >= marker.length;
}

function listMarker(line: string): Marker | null {
  const m = LIST.exec(line);
  if (!m) return null;
  const [, lead = '', mark = '', gap = '', content = ''] = m;
  const ordered = mark.length > 1;
  const width = gap.length > 4 || content === '' ? 1 : gap.length;
  return {
    indent: lead.length,
    ordered,
    delim: ordered ? mark.slice(-1) : mark,
    start: ordered ? Number(mark.slice(0, -1)) : 1,
    contentIndent: lead.length + mark.length + width,
    content,
  };
}

/** Whether `line` starts a block that ends a running paragraph (CommonMark's interruption rules). */
function interrupts(line: string): boolean {
  if (fenceOpen(line) || HEADING.test(line) || HR.test(line) || QUOTE.test(line)) return true;
  const m = listMarker(line);
  return m !== null && m.content !== '' && (!m.ordered || m.start === 1);
}

function headingText(raw: string): string {
  const s = raw.trimEnd();
  let end = s.length;
  while (end > 0 && s[end - 1] === '#') end--;
  if (end === 0) return '';
  return s[end - 1] === ' ' || s[end - 1] === '\t' ? s.slice(0, end).trimEnd() : s;
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

function indentOf(line: string): number {
  let col = 0;
  for (const c of line) {
    if (c === ' ') col++;
    else if (c === '\t') col += 4 - (col % 4);
    else break;
  }
  return col;
}

function stripIndent(line: string, n: number): string {
  let col = 0;
  let i = 0;
  for (; i < line.length && col < n; i++) {
    if (line[i] === ' ') col++;
    else if (line[i] === '\t') col += 4 - (col % 4);
    else break;
  }
  return line.slice(i);
}
