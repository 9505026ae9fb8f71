import { tokenizeBash } from './bash';
import { tokenizeJavaScript } from './javascript';
import { tokenizePython } from './python';
import type { Token } from './tokens';

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
