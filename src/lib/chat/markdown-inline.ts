import type { MdInline } from './markdown';

/** The text a reader sees in inline content, for image alt text and link labels. */
export function inlineText(nodes: MdInline[]): string {
  // `+=` rather than join: join copies, and over-deep emphasis folds ever larger text through here.
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text' || n.type === 'code') out += n.text;
    else if (n.type === 'image') out += n.alt;
    else if (n.type === 'break') out += '\n';
    else out += inlineText(n.children);
  }
  return out;
}

// Deeper emphasis keeps its delimiters as text, so rendering never recurses thousands of levels.
const MAX_INLINE_DEPTH = 16;
// A link tail is scanned from every `](`; the bound keeps `[](a[](a[](a…` linear.
const MAX_LINK_TAIL = 2048;
const ESCAPABLE = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');
const SPACE = /\s/u;
const PUNCT = /[\p{P}\p{S}]/u;
const PLAIN = /[^\\`*_![\]<\n ]+/y;
const AUTOLINK = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>/y;

// Inline Markdown for the chat renderer: CommonMark's delimiter-stack algorithm over a linked list, so nothing is re-scanned ----

interface Item {
  prev: Item | null;
  next: Item | null;
  /** Null for delimiter and bracket runs that are still (or end up) literal text. */
  node: MdInline | null;
  literal: string;
  depth: number;
}

interface Delim {
  item: Item;
  ch: string;
  count: number;
  orig: number;
  open: boolean;
  close: boolean;
  prev: Delim | null;
  next: Delim | null;
}

interface Bracket {
  item: Item;
  image: boolean;
  bottom: Delim | null;
}

interface State {
  tail: Item;
  top: Delim | null;
}

/** Parses one block's inline content; anything unrecognised (HTML included) stays text. */
export function parseInline(src: string): MdInline[] {
  const head: Item = { prev: null, next: null, node: null, literal: '', depth: 0 };
  const s: State = { tail: head, top: null };
  const brackets: Bracket[] = [];
  // `[` openers below this stack index may no longer form a link: links cannot contain links.
  let inactiveBelow = 0;
  let text = '';
  const closingTicks = backtickRuns(src);
  const flush = () => {
    if (text) pushItem(s, { prev: s.tail, next: null, node: { type: 'text', text }, literal: '', depth: 0 });
    text = '';
  };
  const append = (node: MdInline | null, literal = '', depth = 0): Item => {
    flush();
    return pushItem(s, { prev: s.tail, next: null, node, literal, depth });
  };

  let i = 0;
  while (i < src.length) {
    PLAIN.lastIndex = i;
    const plain = PLAIN.exec(src);
    if (plain) {
      text += plain[0];
      i += plain[0].length;
      continue;
    }
    const c = src.charAt(i);
    const next = src.charAt(i + 1);
    if (c === '\\' && next === '\n') {
      append({ type: 'break' });
      i = skipLineStart(src, i + 2);
    } else if (c === '\\') {
      text += ESCAPABLE.has(next) ? next : c;
      i += ESCAPABLE.has(next) ? 2 : 1;
    } else if (c === ' ' || c === '\n') {
      const n = runLength(src, i, ' ');
      if (src.charAt(i + n) !== '\n') text += src.slice(i, i + n);
      else if (n >= 2) append({ type: 'break' });
      else text += '\n';
      i = src.charAt(i + n) === '\n' ? skipLineStart(src, i + n + 1) : i + n;
    } else if (c === '`') {
      const n = runLength(src, i, '`');
      const end = closingTicks(n, i + n);
      if (end < 0) text += src.slice(i, i + n);
      else append({ type: 'code', text: codeText(src.slice(i + n, end)) });
      i = end < 0 ? i + n : end + n;
    } else if (c === '*' || c === '_') {
      const n = runLength(src, i, c);
      const { open, close } = flanking(c, i > 0 ? src.charAt(i - 1) : ' ', src.charAt(i + n) || ' ');
      if (open || close) {
        const d: Delim = {
          item: append(null, src.slice(i, i + n)),
          ch: c,
          count: n,
          orig: n,
          open,
          close,
          prev: s.top,
          next: null,
        };
        if (s.top) s.top.next = d;
        s.top = d;
      } else text += src.slice(i, i + n);
      i += n;
    } else if (c === '[' || (c === '!' && next === '[')) {
      const image = c === '!';
      brackets.push({ item: append(null, image ? '![' : '['), image, bottom: s.top });
      i += image ? 2 : 1;
    } else if (c === ']') {
      const b = brackets.at(-1);
      const target = b && (b.image || brackets.length > inactiveBelow) ? linkTail(src, i + 1) : null;
      brackets.pop();
      inactiveBelow = Math.min(inactiveBelow, brackets.length);
      if (!b || !target) {
        text += c;
        i++;
        continue;
      }
      flush();
      processEmphasis(s, b.bottom);
      const { nodes, depth } = collect(b.item, null);
      b.item.node = b.image
        ? { type: 'image', url: target.url, alt: inlineText(nodes) }
        : { type: 'link', url: target.url, children: nodes };
      b.item.literal = '';
      b.item.depth = b.image ? 0 : depth + 1;
      b.item.next = null;
      s.tail = b.item;
      if (!b.image) inactiveBelow = brackets.length;
      i = target.end;
    } else if (c === '<') {
      AUTOLINK.lastIndex = i;
      const m = AUTOLINK.exec(src);
      const url = m?.[1] ?? '';
      if (m) append({ type: 'link', url, children: [{ type: 'text', text: url }] }, '', 1);
      else text += c;
      i += m ? m[0].length : 1;
    } else {
      text += c;
      i++;
    }
  }
  flush();
  processEmphasis(s, null);
  return collect(head, null).nodes;
}

function pushItem(s: State, item: Item): Item {
  s.tail.next = item;
  s.tail = item;
  return item;
}

function unlinkItem(s: State, item: Item): void {
  if (item.prev) item.prev.next = item.next;
  if (item.next) item.next.prev = item.prev;
  else if (item.prev) s.tail = item.prev;
}

function unlinkDelim(s: State, d: Delim): void {
  if (d.prev) d.prev.next = d.next;
  if (d.next) d.next.prev = d.prev;
  else s.top = d.prev;
}

/** The nodes strictly between two items (to the end when `to` is null), adjacent text merged. */
function collect(from: Item, to: Item | null): { nodes: MdInline[]; depth: number } {
  const nodes: MdInline[] = [];
  let depth = 0;
  for (let it = from.next; it && it !== to; it = it.next) {
    const node = it.node ?? { type: 'text', text: it.literal };
    const last = nodes.at(-1);
    depth = Math.max(depth, it.depth);
    if (node.type !== 'text') nodes.push(node);
    else if (last?.type === 'text') nodes[nodes.length - 1] = { type: 'text', text: last.text + node.text };
    else if (node.text) nodes.push(node);
  }
  return { nodes, depth };
}

/** Pairs `*` and `_` runs above `bottom` into em/strong (CommonMark "process emphasis"). */
function processEmphasis(s: State, bottom: Delim | null): void {
  let closer = s.top === bottom ? null : s.top;
  while (closer && closer.prev !== bottom) closer = closer.prev;
  // Where the last failed search for an opener stopped, so the same search is never repeated.
  const floors = new Map<string, Delim | null>();
  while (closer) {
    const after: Delim | null = closer.next;
    if (!closer.close) {
      closer = after;
      continue;
    }
    const key = `${closer.ch}${closer.orig % 3}${closer.open}`;
    const floor = floors.get(key) ?? bottom;
    let opener = closer.prev;
    while (opener && opener !== bottom && opener !== floor && !pairs(opener, closer)) opener = opener.prev;
    if (!opener || opener === bottom || opener === floor) {
      floors.set(key, closer.prev);
      if (!closer.open) unlinkDelim(s, closer);
      closer = after;
      continue;
    }
    const use = opener.count >= 2 && closer.count >= 2 ? 2 : 1;
    opener.count -= use;
    closer.count -= use;
    opener.item.literal = opener.ch.repeat(opener.count);
    closer.item.literal = closer.ch.repeat(closer.count);
    opener.next = closer;
    closer.prev = opener;
    const inner = collect(opener.item, closer.item);
    const deep = inner.depth >= MAX_INLINE_DEPTH;
    const marks = opener.ch.repeat(use);
    // Too deep: the pair and its content become one plain text node, so nothing is walked twice.
    const node: MdInline = deep
      ? { type: 'text', text: marks + inlineText(inner.nodes) + marks }
      : { type: use === 2 ? 'strong' : 'em', children: inner.nodes };
    const item: Item = { prev: opener.item, next: closer.item, node, literal: '', depth: deep ? 0 : inner.depth + 1 };
    opener.item.next = item;
    closer.item.prev = item;
    if (opener.count === 0) {
      unlinkItem(s, opener.item);
      unlinkDelim(s, opener);
    }
    if (closer.count === 0) {
      unlinkItem(s, closer.item);
      unlinkDelim(s, closer);
      closer = after;
    }
  }
  while (s.top && s.top !== bottom) unlinkDelim(s, s.top);
}

function pairs(opener: Delim, closer: Delim): boolean {
  if (opener.ch !== closer.ch || !opener.open) return false;
  // CommonMark's "rule of 3", so `*a**b*` pairs the single stars around a literal `**`.
  const sum = opener.orig + closer.orig;
  return !((opener.close || closer.open) && sum % 3 === 0 && (opener.orig % 3 !== 0 || closer.orig % 3 !== 0));
}

function flanking(ch: string, before: string, after: string): { open: boolean; close: boolean } {
  const spaceBefore = SPACE.test(before);
  const spaceAfter = SPACE.test(after);
  const punctBefore = PUNCT.test(before);
  const punctAfter = PUNCT.test(after);
  const left = !spaceAfter && (!punctAfter || spaceBefore || punctBefore);
  const right = !spaceBefore && (!punctBefore || spaceAfter || punctAfter);
  if (ch === '*') return { open: left, close: right };
  // `_` inside a word (snake_case) is never emphasis.
  return { open: left && (!right || punctBefore), close: right && (!left || punctAfter) };
}

/** `(url "title")` after a `]`: the url and where the tail ends, or null when there is none. */
function linkTail(src: string, start: number): { url: string; end: number } | null {
  if (src.charAt(start) !== '(') return null;
  const limit = Math.min(src.length, start + MAX_LINK_TAIL);
  let i = skipSpace(src, start + 1, limit);
  let url: string;
  if (src.charAt(i) === '<') {
    let j = i + 1;
    for (; j < limit && !'<>\n'.includes(src.charAt(j)); j++) if (src.charAt(j) === '\\') j++;
    if (j >= limit || src.charAt(j) !== '>') return null;
    url = unescape(src.slice(i + 1, j));
    i = j + 1;
  } else {
    let depth = 0;
    let j = i;
    for (; j < limit; j++) {
      const c = src.charAt(j);
      if (c === '\\') j++;
      // cmark's limit too; it also stops `[](a[](a…` from scanning the whole bound each time.
      else if (c === '(' && ++depth > 32) return null;
      else if (c === ')' && depth === 0) break;
      else if (c === ')') depth--;
      else if (c <= ' ') break;
    }
    if (depth !== 0 || j >= limit) return null;
    url = unescape(src.slice(i, j));
    i = j;
  }
  const afterUrl = i;
  i = skipSpace(src, i, limit);
  const quote = src.charAt(i);
  if (i > afterUrl && (quote === '"' || quote === "'" || quote === '(')) {
    const close = quote === '(' ? ')' : quote;
    let j = i + 1;
    for (; j < limit && src.charAt(j) !== close; j++) if (src.charAt(j) === '\\') j++;
    if (j >= limit) return null;
    i = skipSpace(src, j + 1, limit);
  }
  return i < limit && src.charAt(i) === ')' ? { url, end: i + 1 } : null;
}

/** Skips spaces and tabs and at most one line ending. */
function skipSpace(src: string, start: number, limit: number): number {
  let i = start;
  let newline = false;
  for (; i < limit; i++) {
    const c = src.charAt(i);
    if (c === '\n' && !newline) newline = true;
    else if (c !== ' ' && c !== '\t') break;
  }
  return i;
}

function skipLineStart(src: string, start: number): number {
  let i = start;
  while (src.charAt(i) === ' ' || src.charAt(i) === '\t') i++;
  return i;
}

function unescape(s: string): string {
  return s.replace(/\\(.)/gs, (m, c: string) => (ESCAPABLE.has(c) ? c : m));
}

function runLength(src: string, start: number, ch: string): number {
  let i = start;
  while (src.charAt(i) === ch) i++;
  return i - start;
}

/** Code span text: line endings become spaces; one padding space each side is dropped. */
function codeText(raw: string): string {
  const t = raw.replace(/\n/g, ' ');
  return t.startsWith(' ') && t.endsWith(' ') && /[^ ]/.test(t) ? t.slice(1, -1) : t;
}

/**
 * Finds closing backtick runs in one pass up front: `closing(n, from)` is the start of the first run
 * of exactly n backticks at or after `from` (or -1). Calls come with growing `from`, so cursors only move on.
 */
function backtickRuns(src: string): (length: number, from: number) => number {
  const starts = new Map<number, number[]>();
  for (let i = src.indexOf('`'); i >= 0;) {
    const n = runLength(src, i, '`');
    const list = starts.get(n) ?? [];
    list.push(i);
    starts.set(n, list);
    i = src.indexOf('`', i + n);
  }
  const cursors = new Map<number, number>();
  return (length, from) => {
    const list = starts.get(length) ?? [];
    let k = cursors.get(length) ?? 0;
    while (k < list.length && (list[k] ?? 0) < from) k++;
    cursors.set(length, k);
    return list[k] ?? -1;
  };
}
