export type TokenKind = 'plain' | 'comment' | 'string' | 'number' | 'keyword';

/** A run of source text and what it is; a program's tokens joined are exactly its text. */
export interface Token {
  kind: TokenKind;
  text: string;
}

/** Collects tokens, merging neighbours of the same kind so the renderer makes few spans. */
export class TokenList {
  readonly tokens: Token[] = [];

  push(kind: TokenKind, text: string): void {
    if (!text) return;
    const last = this.tokens.at(-1);
    if (last && last.kind === kind) last.text += text;
    else this.tokens.push({ kind, text });
  }
}

/** The end of a quoted run starting at `start` (on its opening quote): after the closing quote, or at the line's end when unclosed. */
export function quotedEnd(
  src: string,
  start: number,
  quote: string,
  { escapes = true, multiline = false } = {},
): number {
  let i = start + quote.length;
  while (i < src.length) {
    if (escapes && src[i] === '\\') i += 2;
    else if (src.startsWith(quote, i)) return i + quote.length;
    else if (!multiline && src[i] === '\n') return i;
    else i++;
  }
  return src.length;
}

/** The end of the line that `start` is on (the newline itself is not included). */
export function lineEnd(src: string, start: number): number {
  const nl = src.indexOf('\n', start);
  return nl === -1 ? src.length : nl;
}

/** A word-like run matching `re` (sticky) at `i`, or the empty string. */
export function matchAt(re: RegExp, src: string, i: number): string {
  re.lastIndex = i;
  return re.exec(src)?.[0] ?? '';
}
