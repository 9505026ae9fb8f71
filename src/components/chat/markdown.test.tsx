// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { Lexer } from 'marked';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Markdown } from './markdown';

const show = (text: string, allowLocalHttp = false) => render(<Markdown text={text} allowLocalHttp={allowLocalHttp} />);

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('links', () => {
  it('links https targets in a new tab without a referrer or opener', () => {
    show('Read [the docs](https://docs.example/a?b=1&amp;c=2).');
    const link = screen.getByRole('link', { name: 'the docs' });
    expect(link.getAttribute('href')).toBe('https://docs.example/a?b=1&c=2');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('keeps javascript:, data: and non-local http targets as text, saying where they point', () => {
    const { container } = show(
      '[a](javascript:alert(1)) [b](data:text/html,<script>x</script>) [c](http://evil.example/x) <javascript:alert(2)> [d](javascript&colon;alert(3))',
      true,
    );
    expect(screen.queryAllByRole('link')).toEqual([]);
    expect(container.querySelector('a, script')).toBeNull();
    expect(container.textContent).toContain('a (javascript:alert(1))');
    expect(container.textContent).toContain('c (http://evil.example/x)');
    expect(container.textContent).toContain('javascript:alert(2)');
    expect(container.textContent).toContain('d (javascript:alert(3))');
  });

  it('links http to localhost only when the app runs on the devnet', () => {
    const src = '[local](http://127.0.0.1:8600/x)';
    show(src, false);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('local (http://127.0.0.1:8600/x)')).toBeTruthy();
    cleanup();
    show(src, true);
    expect(screen.getByRole('link', { name: 'local' }).getAttribute('href')).toBe('http://127.0.0.1:8600/x');
  });

  it('autolinks bare https URLs through the same rule, and leaves www. and e-mail addresses as text', () => {
    const { container } = show('See https://a.example/x. or www.b.example or me@c.example');
    expect(screen.getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(['https://a.example/x']);
    expect(screen.getByRole('link', { name: 'https://a.example/x' })).toBeTruthy();
    // Refused autolinks read exactly as written, without a "(target)" after them.
    expect(container.textContent).toBe('See https://a.example/x. or www.b.example or me@c.example');
  });

  it('resolves reference links', () => {
    show('Read [the spec][gfm] or [gfm].\n\n[gfm]: https://github.github.com/gfm/ "GFM"');
    expect(screen.getByRole('link', { name: 'the spec' }).getAttribute('href')).toBe('https://github.github.com/gfm/');
    expect(screen.getByRole('link', { name: 'gfm' }).getAttribute('href')).toBe('https://github.github.com/gfm/');
    expect(screen.queryByText(/\[gfm\]:/)).toBeNull();
  });

  it('never nests links: no link or button inside a link', () => {
    const { container } = show(
      '[a [b](https://b.example) c](https://a.example) [![badge](https://i.example/b.svg)](https://ci.example)',
    );
    expect(container.querySelector('a a, a button')).toBeNull();
    const badge = screen.getByRole('link', { name: /Image: badge/ });
    expect(badge.getAttribute('href')).toBe('https://ci.example/');
    expect(screen.queryByRole('button', { name: 'Load image' })).toBeNull();
  });
});

describe('images', () => {
  it('loads a remote image only after the reader asks for it', () => {
    const { container } = show('![a *cat*](https://i.example/cat.png)');
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('Image: a cat (https://i.example/cat.png)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Load image' }));
    const img = screen.getByRole('img', { name: 'a cat' });
    expect(img.getAttribute('src')).toBe('https://i.example/cat.png');
    expect(img.getAttribute('referrerpolicy')).toBe('no-referrer');
  });

  it('offers no loading for javascript:, data: or non-local http images', () => {
    show('![x](javascript:alert(1)) ![y](data:image/png;base64,AAAA) ![z](http://evil.example/z.png)', true);
    expect(screen.queryByRole('button', { name: 'Load image' })).toBeNull();
    expect(screen.getByText('Image: y (data:image/png;base64,AAAA)')).toBeTruthy();
  });
});

describe('raw HTML', () => {
  it('shows block and inline HTML as literal text, never as elements', () => {
    const hostile = [
      '<script>window.__pwned = 1</script>',
      '',
      'Inline <img src=x onerror="window.__pwned=2"> and <a href="javascript:alert(1)">click</a> here',
      '',
      '<div onclick="alert(3)">',
      '',
      '*still markdown*',
      '',
      '</div>',
    ].join('\n');
    const { container } = show(hostile);
    expect(container.querySelector('script, img, a, div[onclick], iframe')).toBeNull();
    expect(screen.getByText('<script>window.__pwned = 1</script>')).toBeTruthy();
    expect(
      screen.getByText(
        'Inline <img src=x onerror="window.__pwned=2"> and <a href="javascript:alert(1)">click</a> here',
      ),
    ).toBeTruthy();
    expect(screen.getByText('<div onclick="alert(3)">')).toBeTruthy();
    expect(screen.getByText('still markdown').tagName).toBe('EM');
  });

  it('decodes character references to text, so escaped HTML reads as HTML and stays text', () => {
    const { container } = show('Tom &amp; Jerry say &lt;script&gt;alert(1)&lt;/script&gt; &copy;');
    expect(screen.getByText('Tom & Jerry say <script>alert(1)</script> ©')).toBeTruthy();
    expect(container.querySelector('script')).toBeNull();
  });
});

describe('GFM blocks', () => {
  const table = ['| Name | Price | Unit |', '| :--- | ---: | :---: |', '| **chat-a** | 1.5 | ~~token~~ |'].join('\n');

  it('renders a table with header cells and alignment, in a region that scrolls sideways', () => {
    show(table);
    const grid = screen.getByRole('table');
    const headers = within(grid).getAllByRole('columnheader');
    expect(headers.map((h) => h.textContent)).toEqual(['Name', 'Price', 'Unit']);
    expect(headers.map((h) => h.style.textAlign)).toEqual(['left', 'right', 'center']);
    expect(grid.querySelector('thead th')).toBe(headers[0]);
    const cells = within(grid).getAllByRole('cell');
    expect(cells.map((c) => c.textContent)).toEqual(['chat-a', '1.5', 'token']);
    expect(within(cells[0] as HTMLElement).getByText('chat-a').tagName).toBe('STRONG');
    const region = screen.getByRole('region', { name: 'Table' });
    expect(region.contains(grid)).toBe(true);
    expect(region.className).toContain('overflow-x-auto');
    expect(region.tabIndex).toBe(0);
  });

  it('renders strikethrough as <del>', () => {
    const { container } = show('Price: ~~2 0G~~ 1 0G');
    expect(container.querySelector('del')?.textContent).toBe('2 0G');
  });

  it('renders task items as disabled checkboxes named by their text, tight or loose', () => {
    show('- [x] Sign the answer\n- [ ] Settle the fee\n- plain item\n\n1. [ ] loose one\n\n2. [X] loose two');
    const boxes = screen.getAllByRole('checkbox') as HTMLInputElement[];
    expect(boxes.map((b) => [b.getAttribute('aria-label'), b.checked, b.disabled])).toEqual([
      ['Sign the answer', true, true],
      ['Settle the fee', false, true],
      ['loose one', false, true],
      ['loose two', true, true],
    ]);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Settle the fee' }));
    expect((screen.getByRole('checkbox', { name: 'Settle the fee' }) as HTMLInputElement).checked).toBe(false);
    expect(screen.getByText('plain item').closest('li')?.querySelector('input')).toBeNull();
  });

  it('renders headings, quotes, ordered lists with their start, and code spans', () => {
    show('## Steps\n\n> quoted\n\n3. three\n4. four\n\nRun `npm i`.');
    expect(screen.getByRole('heading', { level: 2, name: 'Steps' })).toBeTruthy();
    expect(screen.getByText('quoted').closest('blockquote')).not.toBeNull();
    expect(screen.getByRole('list').getAttribute('start')).toBe('3');
    expect(screen.getByText('npm i').tagName).toBe('CODE');
  });
});

describe('code blocks', () => {
  it('colours a fenced TypeScript block and copies exactly its code', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const code = 'const answer = 42; // the answer\nconsole.log("<b>" + answer);';
    const { container } = show(`Try:\n\n\`\`\`ts title="a.ts"\n${code}\n\`\`\`\n`);
    const pre = container.querySelector('pre');
    expect(pre?.textContent).toBe(code);
    expect(screen.getByText('ts')).toBeTruthy();
    const keyword = within(pre as HTMLElement).getByText('const');
    expect(keyword.tagName).toBe('SPAN');
    expect(keyword.className).toContain('text-violet-700');
    expect(within(pre as HTMLElement).getByText('// the answer').className).toContain('italic');
    expect(within(pre as HTMLElement).getByText('"<b>"').tagName).toBe('SPAN');
    expect(pre?.querySelector('b')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Copy code' }));
    expect(writeText).toHaveBeenCalledWith(code);
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeTruthy();
  });

  it('shows other languages plain, and a fence still streaming in as code so far', () => {
    const { container } = show('```rust\nfn main() {}\n```\n\n```python\nprint("hi")\n');
    const [rust, python] = [...container.querySelectorAll('pre code')];
    expect(rust?.children).toHaveLength(0);
    expect(rust?.textContent).toBe('fn main() {}');
    expect(python?.textContent).toBe('print("hi")');
    expect(within(python as HTMLElement).getByText('"hi"').tagName).toBe('SPAN');
  });
});

describe('robustness', () => {
  it('shows the text unformatted when the lexer fails', () => {
    vi.spyOn(Lexer.prototype, 'lex').mockImplementation(() => {
      throw new Error('boom');
    });
    const { container } = show('# Title\n\n**bold** <b>x</b>');
    expect(screen.queryByRole('heading')).toBeNull();
    expect(container.querySelector('strong, b')).toBeNull();
    expect(container.textContent).toBe('# Title\n\n**bold** <b>x</b>');
  });

  it('renders hostile nesting without throwing and keeps its text', () => {
    const { container } = show('> '.repeat(5_000) + 'deep\n\n' + '*a '.repeat(3_000) + 'b' + ' c*'.repeat(3_000));
    expect(container.textContent).toContain('deep');
    expect(container.textContent?.match(/a/g)).toHaveLength(3_000);
  });
});
