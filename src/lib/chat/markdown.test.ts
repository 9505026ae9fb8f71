import { describe, expect, it } from 'vitest';
import { inlineText, linkTarget, parseMarkdown, type MdBlock, type MdInline } from './markdown';

const text = (t: string): MdInline => ({ type: 'text', text: t });
const para = (...children: MdInline[]): MdBlock => ({ type: 'paragraph', children });
/** The inline content of a one-paragraph document. */
const inline = (src: string): MdInline[] => {
  const [block, ...rest] = parseMarkdown(src);
  expect(rest).toEqual([]);
  if (block?.type !== 'paragraph') throw new Error(`expected a paragraph, got ${block?.type}`);
  return block.children;
};

function depthOf(nodes: MdInline[]): number {
  return Math.max(0, ...nodes.map((n) => ('children' in n ? 1 + depthOf(n.children) : 0)));
}

describe('blocks', () => {
  it('separates paragraphs by blank lines and keeps soft breaks inside one', () => {
    expect(parseMarkdown('one\ntwo\n\n\nthree')).toEqual([para(text('one\ntwo')), para(text('three'))]);
    expect(parseMarkdown('')).toEqual([]);
    expect(parseMarkdown(' \n\t\n')).toEqual([]);
  });

  it('reads ATX headings of every level and drops closing hashes', () => {
    const levels = parseMarkdown('# a\n## b ##\n### c\n#### d\n##### e\n###### f #').map((b) =>
      b.type === 'heading' ? [b.level, inlineText(b.children)] : b.type,
    );
    expect(levels).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
      [4, 'd'],
      [5, 'e'],
      [6, 'f'],
    ]);
    expect(parseMarkdown('####### seven')).toEqual([para(text('####### seven'))]);
    expect(parseMarkdown('#hashtag')).toEqual([para(text('#hashtag'))]);
    expect(parseMarkdown('# C# ')).toEqual([{ type: 'heading', level: 1, children: [text('C#')] }]);
  });

  it('reads fenced code with a language, for backticks and tildes, without touching its content', () => {
    expect(parseMarkdown('```ts title\nconst a = *b*;\n<b>x</b>\n```\nafter')).toEqual([
      { type: 'code', lang: 'ts', text: 'const a = *b*;\n<b>x</b>', closed: true },
      para(text('after')),
    ]);
    expect(parseMarkdown('~~~\n```\n~~~')).toEqual([{ type: 'code', lang: '', text: '```', closed: true }]);
    expect(parseMarkdown('``\nx\n``')).toEqual([para({ type: 'code', text: 'x' })]);
  });

  it('closes a fence only with a run at least as long, so shorter fences are content', () => {
    expect(parseMarkdown('````md\n```js\nx\n```\n````')).toEqual([
      { type: 'code', lang: 'md', text: '```js\nx\n```', closed: true },
    ]);
    expect(parseMarkdown('```\na\n``` not a close\n~~~\n```')).toEqual([
      { type: 'code', lang: '', text: 'a\n``` not a close\n~~~', closed: true },
    ]);
  });

  it('keeps an unclosed fence (a streaming answer) as an open code block', () => {
    expect(parseMarkdown('Here:\n\n```python\nprint("hi")\n')).toEqual([
      para(text('Here:')),
      { type: 'code', lang: 'python', text: 'print("hi")\n', closed: false },
    ]);
    expect(parseMarkdown('```')).toEqual([{ type: 'code', lang: '', text: '', closed: false }]);
  });

  it('treats ``` with a backtick in its info string as inline code, not a fence', () => {
    expect(parseMarkdown('```a`b```')).toEqual([para({ type: 'code', text: 'a`b' })]);
  });

  it('reads blockquotes with blocks inside', () => {
    expect(parseMarkdown('> # Title\n> quoted\n>\n> - item\n\nout')).toEqual([
      {
        type: 'blockquote',
        children: [
          { type: 'heading', level: 1, children: [text('Title')] },
          para(text('quoted')),
          { type: 'list', ordered: false, start: 1, items: [[para(text('item'))]] },
        ],
      },
      para(text('out')),
    ]);
  });

  it('reads bullet lists with -, * and + and one level of nesting', () => {
    expect(parseMarkdown('- a\n- b\n  * c\n  * d\n- e')).toEqual([
      {
        type: 'list',
        ordered: false,
        start: 1,
        items: [
          [para(text('a'))],
          [para(text('b')), { type: 'list', ordered: false, start: 1, items: [[para(text('c'))], [para(text('d'))]] }],
          [para(text('e'))],
        ],
      },
    ]);
    expect(parseMarkdown('+ x\n+ y')).toEqual([
      { type: 'list', ordered: false, start: 1, items: [[para(text('x'))], [para(text('y'))]] },
    ]);
  });

  it('reads ordered lists with their start, code inside items, and a two-space nested list', () => {
    expect(parseMarkdown('3. one\n4. two\n   ```sh\n   npm i\n   ```\n5. three\n  - sub')).toEqual([
      {
        type: 'list',
        ordered: true,
        start: 3,
        items: [
          [para(text('one'))],
          [para(text('two')), { type: 'code', lang: 'sh', text: 'npm i', closed: true }],
          [para(text('three')), { type: 'list', ordered: false, start: 1, items: [[para(text('sub'))]] }],
        ],
      },
    ]);
  });

  it('continues an item lazily, keeps loose items together, and ends the list at unindented text', () => {
    expect(parseMarkdown('- a\nlazy\n\n- b\n\n  more\n\nafter')).toEqual([
      {
        type: 'list',
        ordered: false,
        start: 1,
        items: [[para(text('a\nlazy'))], [para(text('b')), para(text('more'))]],
      },
      para(text('after')),
    ]);
  });

  it('only lets a list starting at 1 interrupt a paragraph', () => {
    expect(parseMarkdown('In\n1986. a year')).toEqual([para(text('In\n1986. a year'))]);
    expect(parseMarkdown('Steps:\n1. go')[1]).toMatchObject({ type: 'list', ordered: true });
  });

  it('reads thematic breaks, including ones that look like list markers', () => {
    expect(parseMarkdown('a\n\n---\n* * *\n___\n-- -')).toEqual([
      para(text('a')),
      { type: 'hr' },
      { type: 'hr' },
      { type: 'hr' },
      { type: 'hr' },
    ]);
    expect(parseMarkdown('- a\n***\n- b').map((b) => b.type)).toEqual(['list', 'hr', 'list']);
  });

  it('reads Windows and old Mac line endings like \\n', () => {
    const crlf = parseMarkdown('# T\r\n\r\n```js\r\nx\r\n```\r\n- a\r\n- b\r\n\r\nline  \r\nnext\rlast');
    expect(crlf).toEqual([
      { type: 'heading', level: 1, children: [text('T')] },
      { type: 'code', lang: 'js', text: 'x', closed: true },
      { type: 'list', ordered: false, start: 1, items: [[para(text('a'))], [para(text('b'))]] },
      para(text('line'), { type: 'break' }, text('next\nlast')),
    ]);
    expect(JSON.stringify(crlf)).not.toContain('\\r');
  });
});

describe('inline', () => {
  it('reads code spans, with longer runs holding backticks and unmatched runs literal', () => {
    expect(inline('a `b *c*` d')).toEqual([text('a '), { type: 'code', text: 'b *c*' }, text(' d')]);
    expect(inline('`` a`b ``')).toEqual([{ type: 'code', text: 'a`b' }]);
    expect(inline('``not closed` ok')).toEqual([text('``not closed` ok')]);
  });

  it('reads strong and emphasis with * and _, nested, but not inside words with _', () => {
    expect(inline('**b** *i* _u_ __s__')).toEqual([
      { type: 'strong', children: [text('b')] },
      text(' '),
      { type: 'em', children: [text('i')] },
      text(' '),
      { type: 'em', children: [text('u')] },
      text(' '),
      { type: 'strong', children: [text('s')] },
    ]);
    expect(inline('***both***')).toEqual([{ type: 'em', children: [{ type: 'strong', children: [text('both')] }] }]);
    expect(inline('**a *b* c**')).toEqual([
      { type: 'strong', children: [text('a '), { type: 'em', children: [text('b')] }, text(' c')] },
    ]);
    expect(inline('snake_case_name and 2 * 3 * 4')).toEqual([text('snake_case_name and 2 * 3 * 4')]);
    expect(inline('un*frigging*believable')).toEqual([
      text('un'),
      { type: 'em', children: [text('frigging')] },
      text('believable'),
    ]);
  });

  it('reads links with emphasis and code inside, and balanced parentheses and titles in the target', () => {
    expect(inline('see [the **bold** and *em* `code`](https://x.example/a_(b) "title")!')).toEqual([
      text('see '),
      {
        type: 'link',
        url: 'https://x.example/a_(b)',
        children: [
          text('the '),
          { type: 'strong', children: [text('bold')] },
          text(' and '),
          { type: 'em', children: [text('em')] },
          text(' '),
          { type: 'code', text: 'code' },
        ],
      },
      text('!'),
    ]);
    expect(inline('[a](<https://x.example/with space>)')).toEqual([
      { type: 'link', url: 'https://x.example/with space', children: [text('a')] },
    ]);
  });

  it('does not nest links, and keeps emphasis that spans a link boundary literal on the inside', () => {
    expect(inline('[a [b](https://b.example) c](https://a.example)')).toEqual([
      text('[a '),
      { type: 'link', url: 'https://b.example', children: [text('b')] },
      text(' c](https://a.example)'),
    ]);
    expect(inline('*[a*](https://x.example)')).toEqual([
      text('*'),
      { type: 'link', url: 'https://x.example', children: [text('a*')] },
    ]);
  });

  it('leaves brackets without a target as text', () => {
    expect(inline('[x] and [y] (z) and [w](')).toEqual([text('[x] and [y] (z) and [w](')]);
  });

  it('reads autolinks, but not HTML-looking tags', () => {
    expect(inline('go <https://a.example/x?y=1> now')).toEqual([
      text('go '),
      { type: 'link', url: 'https://a.example/x?y=1', children: [text('https://a.example/x?y=1')] },
      text(' now'),
    ]);
    expect(inline('<https://a.example/has space>')).toEqual([text('<https://a.example/has space>')]);
  });

  it('reads images with their alt text as plain text, also inside a link', () => {
    expect(inline('![a *cat*](https://i.example/c.png "Cat")')).toEqual([
      { type: 'image', url: 'https://i.example/c.png', alt: 'a cat' },
    ]);
    expect(inline('[![badge](https://i.example/b.svg)](https://ci.example)')).toEqual([
      {
        type: 'link',
        url: 'https://ci.example',
        children: [{ type: 'image', url: 'https://i.example/b.svg', alt: 'badge' }],
      },
    ]);
  });

  it('reads hard line breaks from two trailing spaces or a backslash, and soft breaks as newlines', () => {
    expect(inline('a  \nb\\\nc \nd')).toEqual([
      text('a'),
      { type: 'break' },
      text('b'),
      { type: 'break' },
      text('c\nd'),
    ]);
  });

  it('honours backslash escapes and keeps other backslashes', () => {
    expect(inline('\\*not em\\* \\[x](y) C:\\dir')).toEqual([text('*not em* [x](y) C:\\dir')]);
  });
});

describe('untrusted content', () => {
  it('keeps HTML as literal text', () => {
    expect(parseMarkdown('<img src=x onerror=alert(1)>')).toEqual([para(text('<img src=x onerror=alert(1)>'))]);
    expect(parseMarkdown('<script>alert(1)</script>\n\n<a href="javascript:alert(1)">x</a>')).toEqual([
      para(text('<script>alert(1)</script>')),
      para(text('<a href="javascript:alert(1)">x</a>')),
    ]);
    expect(parseMarkdown('<div>\n\n*hi*\n\n</div>')).toEqual([
      para(text('<div>')),
      para({ type: 'em', children: [text('hi')] }),
      para(text('</div>')),
    ]);
  });

  it('parses javascript: and data: targets as links that linkTarget refuses', () => {
    const nodes = inline('[a](javascript:alert(1)) [b](data:text/html,<script>x</script>) <javascript:alert(2)>');
    const urls = nodes.flatMap((n) => (n.type === 'link' ? [n.url] : []));
    expect(urls).toEqual(['javascript:alert(1)', 'data:text/html,<script>x</script>', 'javascript:alert(2)']);
    for (const url of urls) expect(linkTarget(url, true)).toBeNull();
    expect(linkTarget(' JAVASCRIPT:alert(1)', true)).toBeNull();
    expect(linkTarget('data:image/png;base64,AAAA', true)).toBeNull();
  });

  it('lets linkTarget allow https always and http only to localhost on the devnet', () => {
    expect(linkTarget('https://docs.example/a', false)).toBe('https://docs.example/a');
    expect(linkTarget('http://127.0.0.1:8600/x', false)).toBeNull();
    expect(linkTarget('http://127.0.0.1:8600/x', true)).toBe('http://127.0.0.1:8600/x');
    expect(linkTarget('http://evil.example', true)).toBeNull();
    expect(linkTarget('/relative', true)).toBeNull();
  });

  it('parses large adversarial inputs without blowing up', () => {
    const inputs = [
      '*['.repeat(50_000),
      '*'.repeat(100_000),
      '['.repeat(50_000) + ']('.repeat(25_000),
      '[](a'.repeat(25_000),
      '`'.repeat(1) + ' ``'.repeat(33_000),
      '_a '.repeat(33_000) + 'a_ '.repeat(33_000),
      '*a '.repeat(25_000) + ' a*'.repeat(25_000),
      '> '.repeat(50_000) + 'deep',
      Array.from({ length: 300 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n'),
      '<a:'.repeat(30_000),
      'a  \n'.repeat(25_000),
      '* '.repeat(50_000) + 'x',
      '![a'.repeat(30_000),
    ];
    for (const src of inputs) {
      const blocks = parseMarkdown(src);
      expect(blocks.length).toBeGreaterThan(0);
    }
    const [first] = parseMarkdown('*['.repeat(50_000));
    const flat = first?.type === 'paragraph' ? inlineText(first.children) : '';
    expect(flat.split('[')).toHaveLength(50_001);
  });

  it('caps emphasis nesting so rendering never recurses thousands of levels deep', () => {
    const nodes = inline('*a '.repeat(5_000) + 'b' + ' c*'.repeat(5_000));
    expect(depthOf(nodes)).toBeLessThanOrEqual(17);
    expect(inlineText(nodes).match(/a/g)).toHaveLength(5_000);
  });

  it('never throws on random markdown-ish noise', () => {
    const alphabet = [
      '*',
      '_',
      '`',
      '[',
      ']',
      '(',
      ')',
      '!',
      '<',
      '>',
      '\\',
      '#',
      '-',
      '~',
      ' ',
      '\n',
      '\r',
      'a',
      '1.',
    ];
    let seed = 42;
    const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    for (let round = 0; round < 300; round++) {
      const src = Array.from({ length: 200 }, () => alphabet[Math.floor(rand() * alphabet.length)] ?? '').join('');
      expect(() => parseMarkdown(src)).not.toThrow();
    }
  });
});
