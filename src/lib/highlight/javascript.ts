import { lineEnd, matchAt, quotedEnd, TokenList, type Token } from './tokens';

// Reserved words: always keywords (except as a property name after a dot).
const RESERVED = new Set(
  (
    'await break case catch class const continue debugger default delete do else enum export extends false finally ' +
    'for function if import in instanceof let new null return super switch this throw true try typeof undefined var ' +
    'void while with yield'
  ).split(' '),
);
// Contextual words: keywords only where they are not an object key (`type: 'image/png'` is a key).
const CONTEXTUAL = new Set(
  'as async from get implements interface keyof of private protected public readonly satisfies set static type'.split(
    ' ',
  ),
);
// After these a `/` starts a regular expression rather than a division.
const BEFORE_EXPRESSION = new Set(
  'await case delete do else in instanceof new of return throw typeof void yield'.split(' '),
);

const IDENT = /[A-Za-z_$][\w$]*/y;
const NUMBER = /(?:0[xX][\da-fA-F_]+|0[bBoO][\d_]+|\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?)n?/y;
const KEY_AFTER = /\s*:(?!:)/y;

/** The end of a regular expression literal at `start`, or null when `/` cannot start one there (then it divides). */
function regexEnd(src: string, start: number): number | null {
  let inClass = false;
  for (let i = start + 1; i < src.length; i++) {
    const c = src[i];
    if (c === '\n') return null;
    if (c === '\\') i++;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) return i + 1 + matchAt(/[a-z]*/y, src, i + 1).length;
  }
  return null;
}

/** Tokens of TypeScript or JavaScript: comments, strings and template literals (with their `${…}` as code), regular expressions, numbers, keywords. */
export function tokenizeJavaScript(src: string): Token[] {
  const out = new TokenList();
  // Whether a `/` here would start a regular expression: at the start and after operators, not after a value.
  let expectExpression = true;

  // Code up to the end, or, inside a template's `${`, up to its closing brace (returned, not consumed).
  const code = (start: number, inTemplate: boolean): number => {
    let i = start;
    let depth = 0;
    while (i < src.length) {
      const c = src[i]!;
      if (c === '/' && src[i + 1] === '/') {
        const end = lineEnd(src, i);
        out.push('comment', src.slice(i, end));
        i = end;
        continue;
      }
      if (c === '/' && src[i + 1] === '*') {
        const close = src.indexOf('*/', i + 2);
        const end = close === -1 ? src.length : close + 2;
        out.push('comment', src.slice(i, end));
        i = end;
        continue;
      }
      if (c === '"' || c === "'") {
        const end = quotedEnd(src, i, c);
        out.push('string', src.slice(i, end));
        i = end;
        expectExpression = false;
        continue;
      }
      if (c === '`') {
        i = template(i);
        expectExpression = false;
        continue;
      }
      if (c === '/' && expectExpression) {
        const end = regexEnd(src, i);
        if (end !== null) {
          out.push('string', src.slice(i, end));
          i = end;
          expectExpression = false;
          continue;
        }
      }
      const word = matchAt(IDENT, src, i);
      if (word) {
        const property = src[i - 1] === '.' && src[i - 2] !== '.';
        const key = CONTEXTUAL.has(word) && matchAt(KEY_AFTER, src, i + word.length) !== '';
        const keyword = !property && (RESERVED.has(word) || (CONTEXTUAL.has(word) && !key));
        out.push(keyword ? 'keyword' : 'plain', word);
        i += word.length;
        expectExpression = keyword && BEFORE_EXPRESSION.has(word);
        continue;
      }
      const number = matchAt(NUMBER, src, i);
      if (number) {
        out.push('number', number);
        i += number.length;
        expectExpression = false;
        continue;
      }
      if (inTemplate && c === '}' && depth === 0) return i;
      if (c === '{') depth++;
      if (c === '}') depth--;
      out.push('plain', c);
      i++;
      if (!/\s/.test(c)) expectExpression = c !== ')' && c !== ']' && c !== '}';
    }
    return i;
  };

  // A template literal from its opening backtick; returns the index after its closing one.
  const template = (start: number): number => {
    let from = start;
    let i = start + 1;
    while (i < src.length) {
      if (src[i] === '\\') i += 2;
      else if (src[i] === '`') {
        out.push('string', src.slice(from, i + 1));
        return i + 1;
      } else if (src.startsWith('${', i)) {
        out.push('string', src.slice(from, i));
        out.push('plain', '${');
        expectExpression = true;
        i = code(i + 2, true);
        out.push('plain', src.slice(i, i + 1));
        from = i = Math.min(i + 1, src.length);
      } else i++;
    }
    out.push('string', src.slice(from));
    return src.length;
  };

  code(0, false);
  return out.tokens;
}
