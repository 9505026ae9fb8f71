import { lineEnd, matchAt, quotedEnd, TokenList, type Token } from './tokens';

const KEYWORDS = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except finally for from ' +
    'global if import in is lambda nonlocal not or pass raise return try while with yield'
  ).split(' '),
);

// A string's optional prefix (r, b, f, u and their pairs) and its quotes, triple ones first.
const STRING_START = /(?:[rR][bBfF]?|[bBfF][rR]?|[uU])?('''|"""|'|")/y;
const IDENT = /[A-Za-z_]\w*/y;
const NUMBER = /(?:0[xXoObB][\da-fA-F_]+|\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?j?|\.\d[\d_]*(?:[eE][+-]?\d+)?j?)/y;

/** Tokens of Python: comments, strings (prefixed, triple-quoted, f-strings as one string), numbers, keywords. */
export function tokenizePython(src: string): Token[] {
  const out = new TokenList();
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '#') {
      const end = lineEnd(src, i);
      out.push('comment', src.slice(i, end));
      i = end;
      continue;
    }
    STRING_START.lastIndex = i;
    const start = STRING_START.exec(src);
    if (start) {
      const quote = start[1]!;
      const opening = start[0].length - quote.length;
      const end = quotedEnd(src, i + opening, quote, { multiline: quote.length === 3 });
      out.push('string', src.slice(i, end));
      i = end;
      continue;
    }
    const word = matchAt(IDENT, src, i);
    if (word) {
      out.push(KEYWORDS.has(word) && src[i - 1] !== '.' ? 'keyword' : 'plain', word);
      i += word.length;
      continue;
    }
    const number = matchAt(NUMBER, src, i);
    if (number) {
      out.push('number', number);
      i += number.length;
      continue;
    }
    out.push('plain', c);
    i++;
  }
  return out.tokens;
}
