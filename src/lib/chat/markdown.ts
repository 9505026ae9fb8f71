import { Lexer, Tokenizer, type Token, type Tokens } from 'marked';
import type { HighlightLanguage } from '../highlight';
import { safeHref } from '../safe-url';

// Deeper nesting stays literal text. marked re-scans the rest of a paragraph for every level of
// emphasis and recurses per level of emphasis, quote and list, so a few thousand nested `*a` from a
// hostile provider would block the page for seconds (on every streamed token) and overflow the stack.
const MAX_INLINE_DEPTH = 8;
const MAX_BLOCK_DEPTH = 8;

/** marked's tokenizer with nesting bounded; only used through lexMarkdown, one instance per run. */
class BoundedTokenizer extends Tokenizer {
  private inline = 0;
  private block = 0;

  override emStrong(src: string, masked: string, prev?: string) {
    return this.inline >= MAX_INLINE_DEPTH ? undefined : this.nest('inline', () => super.emStrong(src, masked, prev));
  }

  override del(src: string, masked: string, prev?: string) {
    return this.inline >= MAX_INLINE_DEPTH ? undefined : this.nest('inline', () => super.del(src, masked, prev));
  }

  override blockquote(src: string) {
    return this.block >= MAX_BLOCK_DEPTH ? undefined : this.nest('block', () => super.blockquote(src));
  }

  override list(src: string) {
    return this.block >= MAX_BLOCK_DEPTH ? undefined : this.nest('block', () => super.list(src));
  }

  private nest<T>(level: 'inline' | 'block', read: () => T): T {
    this[level]++;
    try {
      return read();
    } finally {
      this[level]--;
    }
  }
}

/**
 * Lexes untrusted Markdown (GitHub-flavoured) into marked's tokens, or null when the lexer fails, so
 * the caller shows the text unformatted. Only the lexer: marked's HTML output is never used.
 */
export function lexMarkdown(text: string): Token[] | null {
  try {
    // A fresh lexer each run: it writes into its options, and the tokenizer counts depth per run.
    return new Lexer({ gfm: true, tokenizer: new BoundedTokenizer() }).lex(String(text));
  } catch {
    return null;
  }
}

/** Where a Markdown link or image may point, or null when it must stay text (see safeHref). */
export function linkTarget(url: string, allowLocalHttp: boolean): string | null {
  return safeHref(url, { allowLocalHttp });
}

/** A link's or image's destination as written, with character references resolved (autolinks are literal). */
export function tokenHref(token: Tokens.Link | Tokens.Image): string {
  return token.type === 'link' && token.autolink ? token.href : decodeEntities(token.href);
}

/** What a text token reads as: marked leaves named character references, and raw HTML's contents, to its HTML output. */
export function textOf(token: Tokens.Text): string {
  return token.escaped ? token.text : decodeEntities(token.text);
}

/** The text a reader sees in inline tokens, for image alt text, link labels and checkbox names. */
export function inlineText(tokens: readonly Token[]): string {
  let out = '';
  for (const t of tokens as Tokens.Generic[]) {
    if (t.type === 'link' && t.autolink) out += String(t.text);
    else if (t.tokens?.length) out += inlineText(t.tokens);
    else if (t.type === 'text') out += textOf(t as Tokens.Text);
    else if (t.type === 'br') out += '\n';
    else if (t.type !== 'checkbox' && typeof t.text === 'string') out += t.text;
  }
  return out;
}

const LANGUAGES = new Map<string, HighlightLanguage>([
  ['ts', 'typescript'],
  ['typescript', 'typescript'],
  ['tsx', 'typescript'],
  ['js', 'javascript'],
  ['javascript', 'javascript'],
  ['jsx', 'javascript'],
  ['python', 'python'],
  ['py', 'python'],
  ['bash', 'bash'],
  ['sh', 'bash'],
  ['shell', 'bash'],
  ['zsh', 'bash'],
]);

/** A fence's info string: its first word as the label, and the highlighter for it (null: shown plain). */
export function codeInfo(info: string | undefined): { label: string; language: HighlightLanguage | null } {
  const label =
    decodeEntities(info ?? '')
      .trim()
      .split(/\s/)[0] ?? '';
  return { label, language: LANGUAGES.get(label.toLowerCase()) ?? null };
}

// The named references models actually write; any other stays as written, as an unknown one would.
// prettier-ignore
const NAMED = new Map(
  Object.entries({
    amp: '&', AMP: '&', lt: '<', LT: '<', gt: '>', GT: '>', quot: '"', QUOT: '"', apos: "'", nbsp: '\u00a0',
    ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', shy: '\u00ad', zwj: '\u200d', zwnj: '\u200c',
    copy: '©', reg: '®', trade: '™', hellip: '…', mdash: '—', ndash: '–', minus: '−', bull: '•', middot: '·',
    lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„', laquo: '«', raquo: '»',
    lsaquo: '‹', rsaquo: '›', dagger: '†', Dagger: '‡', sect: '§', para: '¶', deg: '°', prime: '′', Prime: '″',
    plusmn: '±', times: '×', divide: '÷', frac12: '½', frac14: '¼', frac34: '¾', sup1: '¹', sup2: '²', sup3: '³',
    micro: 'µ', permil: '‰', cent: '¢', pound: '£', yen: '¥', euro: '€', curren: '¤', iexcl: '¡', iquest: '¿',
    larr: '←', rarr: '→', uarr: '↑', darr: '↓', harr: '↔', lArr: '⇐', rArr: '⇒', hArr: '⇔',
    le: '≤', ge: '≥', ne: '≠', asymp: '≈', equiv: '≡', infin: '∞', sum: '∑', prod: '∏', radic: '√',
    part: '∂', nabla: '∇', isin: '∈', notin: '∉', cap: '∩', cup: '∪', and: '∧', or: '∨', not: '¬',
    forall: '∀', exist: '∃', empty: '∅', sdot: '⋅', lceil: '⌈', rceil: '⌉', lfloor: '⌊', rfloor: '⌋',
    alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', theta: 'θ', lambda: 'λ', mu: 'μ', pi: 'π',
    sigma: 'σ', tau: 'τ', phi: 'φ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Pi: 'Π',
    Sigma: 'Σ', Phi: 'Φ', Omega: 'Ω', check: '✓', cross: '✗', star: '☆', hearts: '♥',
    // Punctuation, which obfuscated links spell out (`javascript&colon;`): the link rule must see the real URL.
    colon: ':', sol: '/', bsol: '\\', lpar: '(', rpar: ')', excl: '!', quest: '?', num: '#', percnt: '%',
    commat: '@', lowbar: '_', grave: '`', period: '.', comma: ',', semi: ';', equals: '=', plus: '+', ast: '*',
    vert: '|', verbar: '|', lsqb: '[', rsqb: ']', lcub: '{', rcub: '}', dollar: '$', Tab: '\t', NewLine: '\n',
  }),
);

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

/** Resolves character references (`&amp;`, `&#60;`, `&#x3C;`) to the characters they stand for, as text. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(REFERENCE, (ref, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED.get(name) ?? ref;
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
    return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code);
  });
}
