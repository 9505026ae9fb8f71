import { Lexer, type Token, type Tokens } from 'marked';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { codeInfo, decodeEntities, inlineText, lexMarkdown, linkTarget, textOf, tokenHref } from './markdown';

/** Every token in a tree, depth first, with table cells and list items included. */
function all(tokens: readonly Token[]): Tokens.Generic[] {
  return (tokens as Tokens.Generic[]).flatMap((t) => [
    t,
    ...all(t.tokens ?? []),
    ...all(t.items ?? []),
    // A table's cells; a cell's own `header` is a boolean.
    ...(Array.isArray(t.header) ? all([...t.header, ...(t.rows as Token[][]).flat()] as Token[]) : []),
  ]);
}

const lex = (src: string) => {
  const tokens = lexMarkdown(src);
  if (!tokens) throw new Error('lexMarkdown failed');
  return tokens;
};
const ofType = <T extends Token>(src: string, type: string) => all(lex(src)).filter((t) => t.type === type) as T[];
/** The text a reader sees in a one-paragraph document. */
const shown = (src: string) => inlineText(ofType<Tokens.Paragraph>(src, 'paragraph')[0]?.tokens ?? []);

function depthOf(tokens: readonly Token[]): number {
  return Math.max(
    0,
    ...(tokens as Tokens.Generic[]).map((t) => 1 + depthOf([...(t.tokens ?? []), ...(t.items ?? [])])),
  );
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('lexMarkdown', () => {
  it('reads GFM tables with their column alignment', () => {
    const [table] = ofType<Tokens.Table>('| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |', 'table');
    expect(table?.header.map((c) => c.text)).toEqual(['a', 'b', 'c']);
    expect(table?.align).toEqual(['left', 'center', 'right']);
    expect(table?.rows.map((r) => r.map((c) => c.text))).toEqual([['1', '2', '3']]);
  });

  it('reads strikethrough, task items, bare URLs and reference links', () => {
    expect(ofType<Tokens.Del>('a ~~gone~~ b', 'del').map((t) => t.text)).toEqual(['gone']);
    expect(ofType<Tokens.Checkbox>('- [x] done\n- [ ] todo\n- plain', 'checkbox').map((t) => t.checked)).toEqual([
      true,
      false,
    ]);
    expect(ofType<Tokens.Link>('see https://a.example/x. now', 'link')).toMatchObject([
      { href: 'https://a.example/x', autolink: true },
    ]);
    expect(ofType<Tokens.Link>('[docs][d] and [d]\n\n[d]: https://d.example "Docs"', 'link')).toMatchObject([
      { href: 'https://d.example', text: 'docs' },
      { href: 'https://d.example', text: 'd' },
    ]);
  });

  it('keeps raw HTML as html tokens, which the renderer shows as text', () => {
    expect([...lex('<script>alert(1)</script>')]).toMatchObject([{ type: 'html', text: '<script>alert(1)</script>' }]);
    const inline = ofType<Tokens.Tag>('x <img src=x onerror=alert(1)> <a href="javascript:1">y</a>', 'html');
    expect(inline.map((t) => t.text)).toEqual(['<img src=x onerror=alert(1)>', '<a href="javascript:1">', '</a>']);
    expect(shown('x <img src=x onerror=alert(1)> y')).toBe('x <img src=x onerror=alert(1)> y');
  });

  it('lexes an unclosed fence (a streaming answer) as code so far', () => {
    expect(lex('Here:\n\n```python\nprint("hi")\n').at(-1)).toMatchObject({
      type: 'code',
      lang: 'python',
      text: 'print("hi")',
    });
  });

  it('returns null when the lexer fails, so the caller can show the text as it is', () => {
    vi.spyOn(Lexer.prototype, 'lex').mockImplementation(() => {
      throw new Error('boom');
    });
    expect(lexMarkdown('# hi')).toBeNull();
  });

  it('bounds nesting, so hostile input stays fast and shallow and keeps all its text', () => {
    const inputs = [
      '*a '.repeat(25_000) + ' a*'.repeat(25_000),
      '_a '.repeat(33_000) + 'a_ '.repeat(33_000),
      '~~a '.repeat(25_000) + ' a~~'.repeat(25_000),
      '**a _b '.repeat(10_000) + ' b_ a**'.repeat(10_000),
      '> '.repeat(50_000) + 'deep',
      '* '.repeat(50_000) + 'x',
      Array.from({ length: 300 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n'),
      '*['.repeat(50_000),
      '['.repeat(50_000) + ']('.repeat(25_000),
      '<a:'.repeat(30_000),
      '![a'.repeat(30_000),
    ];
    const started = performance.now();
    for (const src of inputs) {
      const tokens = lex(src);
      // Quotes and lists: 8 levels of container and item; emphasis: 8 levels inside a paragraph.
      expect(depthOf(tokens)).toBeLessThanOrEqual(20);
    }
    // Unbounded, the first three take over ten seconds each, then overflow the stack.
    expect(performance.now() - started).toBeLessThan(5_000);
    const nested = lex('*a '.repeat(5_000) + 'b' + ' c*'.repeat(5_000));
    expect(inlineText(nested).match(/a/g)).toHaveLength(5_000);
  });

  it('never throws on random markdown-ish noise', () => {
    const alphabet = ['*', '_', '~', '`', '[', ']', '(', ')', '!', '<', '>', '|', ':-', '\\', '#', '-', ' ', '\n'];
    const more = ['\r', 'a', '1.', '&amp;', '&#', 'http://', 'www.', '[ ]', '<b>', '</a>', '```', '> '];
    const pieces = [...alphabet, ...more];
    let seed = 42;
    const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    for (let round = 0; round < 300; round++) {
      const src = Array.from({ length: 200 }, () => pieces[Math.floor(rand() * pieces.length)] ?? '').join('');
      expect(lexMarkdown(src)).not.toBeNull();
    }
  });
});

describe('text', () => {
  it('resolves named and numeric character references once, to text', () => {
    expect(decodeEntities('a &amp; b &lt;script&gt; &copy; &#60;&#x3C; &nbsp;')).toBe('a & b <script> © << \u00a0');
    expect(decodeEntities('&amp;lt; &bogus; &constructor; & alone &#0; &#xD800; &#x110000;')).toBe(
      '&lt; &bogus; &constructor; & alone \ufffd \ufffd \ufffd',
    );
  });

  it('shows entities in answers as the characters they stand for, without decoding twice', () => {
    expect(shown('Tom &amp; Jerry &lt;script&gt; &#38;lt; &copy;')).toBe('Tom & Jerry <script> &lt; ©');
    expect(shown('`a &amp; b` \\&amp;')).toBe('a &amp; b &amp;');
  });

  it('keeps text inside raw HTML as written', () => {
    const [inside] = ofType<Tokens.Text>('p <script>a &amp; b</script>', 'text').filter((t) => t.escaped);
    expect(inside && textOf(inside)).toBe('a &amp; b');
  });

  it('reads image alt text and link labels as plain text', () => {
    const [image] = ofType<Tokens.Image>('![a *cat* &amp; dog](https://i.example/c.png)', 'image');
    expect(image && inlineText(image.tokens)).toBe('a cat & dog');
    expect(shown('[**bold** `code`](https://x.example) <https://y.example/&amp;>')).toBe(
      'bold code https://y.example/&amp;',
    );
  });
});

describe('links', () => {
  it('resolves references in written destinations but not in autolinks', () => {
    const [written, auto] = ofType<Tokens.Link>(
      '[x](https://x.example/?a=1&amp;b=2) <https://y.example/&amp;>',
      'link',
    );
    expect(written && tokenHref(written)).toBe('https://x.example/?a=1&b=2');
    expect(auto && tokenHref(auto)).toBe('https://y.example/&amp;');
  });

  it('refuses javascript:, data: and obfuscated javascript targets', () => {
    const src = '[a](javascript:alert(1)) [b](data:text/html,x) <javascript:alert(2)> [c](javascript&colon;alert(3))';
    const urls = ofType<Tokens.Link>(src, 'link').map(tokenHref);
    expect(urls).toEqual(['javascript:alert(1)', 'data:text/html,x', 'javascript:alert(2)', 'javascript:alert(3)']);
    for (const url of urls) expect(linkTarget(url, true)).toBeNull();
    expect(linkTarget(' JAVASCRIPT:alert(1)', true)).toBeNull();
    expect(linkTarget('data:image/png;base64,AAAA', true)).toBeNull();
  });

  it('allows https always and http only to localhost on the devnet', () => {
    expect(linkTarget('https://docs.example/a', false)).toBe('https://docs.example/a');
    expect(linkTarget('http://127.0.0.1:8600/x', false)).toBeNull();
    expect(linkTarget('http://127.0.0.1:8600/x', true)).toBe('http://127.0.0.1:8600/x');
    expect(linkTarget('http://evil.example', true)).toBeNull();
    expect(linkTarget('/relative', true)).toBeNull();
  });
});

describe('codeInfo', () => {
  it('labels a fence by the first word of its info string and picks the highlighter', () => {
    expect(codeInfo('ts title="a.ts"')).toEqual({ label: 'ts', language: 'typescript' });
    const languages = ['typescript', 'TSX', 'js', 'javascript', 'jsx', 'python', 'py', 'bash', 'sh', 'shell', 'zsh'];
    expect(languages.map((l) => codeInfo(l).language)).toEqual([
      'typescript',
      'typescript',
      'javascript',
      'javascript',
      'javascript',
      'python',
      'python',
      'bash',
      'bash',
      'bash',
      'bash',
    ]);
  });

  it('shows other languages plain', () => {
    expect(codeInfo('rust')).toEqual({ label: 'rust', language: null });
    expect(codeInfo(undefined)).toEqual({ label: '', language: null });
    expect(codeInfo('constructor').language).toBeNull();
  });
});
