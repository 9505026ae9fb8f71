import { lineEnd, matchAt, quotedEnd, TokenList, type Token } from './tokens';

const KEYWORDS = new Set(
  'case do done elif else esac export fi for function if in local readonly return select then until while'.split(' '),
);

// An unquoted run of word characters: what is left once quotes, escapes, `$` and operators are taken out.
const WORD = /[^\s'"`\\$;&|()<>]+/y;
const NUMBER = /^\d+(?:\.\d+)?$/;

/** Tokens of a bash script: comments, single- and double-quoted strings (and $'…'), numbers, keywords. */
export function tokenizeBash(src: string): Token[] {
  const out = new TokenList();
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    // `#` starts a comment only at the start of a word: `${#x}` and `a#b` are not comments.
    if (c === '#' && (i === 0 || /[\s;&|(]/.test(src[i - 1]!))) {
      const end = lineEnd(src, i);
      out.push('comment', src.slice(i, end));
      i = end;
      continue;
    }
    if (c === "'" || c === '"' || (c === '$' && src[i + 1] === "'")) {
      const at = c === '$' ? i + 1 : i;
      const quote = src[at]!;
      // Nothing escapes inside '…'; a backslash does inside "…" and $'…'.
      const end = quotedEnd(src, at, quote, { escapes: quote === '"' || c === '$', multiline: true });
      out.push('string', src.slice(i, end));
      i = end;
      continue;
    }
    if (c === '\\') {
      out.push('plain', src.slice(i, i + 2));
      i += 2;
      continue;
    }
    const word = matchAt(WORD, src, i);
    if (word) {
      // Only a whole word counts, so `in` inside `--inference-ca` or `3` inside `0g-compute-cli` stays plain.
      const standalone = !/[\w$}]/.test(src[i - 1] ?? '');
      out.push(
        standalone && KEYWORDS.has(word) ? 'keyword' : standalone && NUMBER.test(word) ? 'number' : 'plain',
        word,
      );
      i += word.length;
      continue;
    }
    out.push('plain', c);
    i++;
  }
  return out.tokens;
}
