import { tokenizeBash } from './bash';
import { tokenizeJavaScript } from './javascript';
import { tokenizePython } from './python';
import type { Token, TokenKind } from './tokens';

export type { Token, TokenKind } from './tokens';
export type HighlightLanguage = 'typescript' | 'javascript' | 'python' | 'bash';

const TOKENIZERS: Record<HighlightLanguage, (src: string) => Token[]> = {
  typescript: tokenizeJavaScript,
  javascript: tokenizeJavaScript,
  python: tokenizePython,
  bash: tokenizeBash,
};

/**
 * Splits source text into comment, string, number, keyword and plain runs for colouring. Pure and
 * lossless: the tokens' texts joined are exactly `src`, so the code shown is the code copied.
 */
export function tokenize(src: string, language: HighlightLanguage): Token[] {
  return TOKENIZERS[language](src);
}

/** The class of each token kind, so code looks the same wherever the app shows it (Build page, chat). */
export const TOKEN_CLASS: Record<TokenKind, string | null> = {
  plain: null,
  comment: 'text-zinc-500 italic dark:text-zinc-400',
  string: 'text-emerald-700 dark:text-emerald-300',
  number: 'text-amber-700 dark:text-amber-300',
  keyword: 'text-violet-700 dark:text-violet-300',
};
