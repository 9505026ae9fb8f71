// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { THEME_STORAGE_KEY } from '../../lib/theme';
import { FRAME, HomeLink, SkipLink } from './app-layout';
import { HeaderNav, PhoneNav } from './nav-links';

// index.html's static shell is painted before the app and then replaced by it: if the two drift apart, the page
// jumps when React takes over. These tests hold the shell to the components' markup. (Paths, not file: URLs: happy-dom
// replaces URL.)

const html = readFileSync(path.join(import.meta.dirname, '../../../index.html'), 'utf8');
const shell = new DOMParser().parseFromString(html, 'text/html');

/** The app's frame pieces as React renders them on a page none of the links is current for. */
function rendered(): Document {
  const markup = renderToStaticMarkup(
    <MemoryRouter initialEntries={['/elsewhere']}>
      <SkipLink />
      <HomeLink />
      <HeaderNav />
      <PhoneNav />
    </MemoryRouter>,
  );
  return new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html');
}

/** An element's tag, attributes (but the router's own data-discover) and children, text collapsed. */
function shape(el: Element): unknown {
  const attrs = Object.fromEntries(
    [...el.attributes].filter((a) => a.name !== 'data-discover').map((a) => [a.name, a.value.replace(/\s+/g, ' ')]),
  );
  const children = [...el.childNodes].flatMap((n) => {
    if (n.nodeType === 1) return [shape(n as Element)];
    const text = n.textContent?.replace(/\s+/g, ' ').trim();
    return text ? [text] : [];
  });
  return { tag: el.tagName.toLowerCase(), attrs, children };
}

const one = (doc: Document, selector: string) => {
  const found = doc.querySelectorAll(selector);
  expect(found, selector).toHaveLength(1);
  return found[0]!;
};

describe('the static shell in index.html', () => {
  const app = rendered();

  it('has the app’s skip link, logo link and both navigations, element for element', () => {
    for (const selector of ['a[href="#main"]', 'a.font-semibold[href="/"]', 'nav.hidden', 'nav.fixed'])
      expect(shape(one(shell, `#root ${selector}`)), selector).toEqual(shape(one(app, selector)));
  });

  it('has the frame’s classes: root, header, header bar and main', () => {
    expect(one(shell, '#root > div').className).toBe(FRAME.root);
    expect(one(shell, '#root header').className).toBe(FRAME.header);
    expect(one(shell, '#root header > div').className).toBe(FRAME.bar);
    expect(one(shell, '#root main#main').className).toBe(FRAME.main);
  });

  it('shows one h1 at most, the marketplace’s, with the page’s own introduction', () => {
    expect(shell.querySelectorAll('h1')).toHaveLength(1);
    const page = readFileSync(path.join(import.meta.dirname, '../../pages/marketplace.tsx'), 'utf8').replace(
      /\s+/g,
      ' ',
    );
    const intro = one(shell, '#root main p.mt-1').textContent!.replace(/\s+/g, ' ').trim();
    expect(page).toContain(intro);
    expect(page).toContain(`className="${one(shell, '#root main h1').className}"`);
    expect(page).toContain(`className="${one(shell, '#root main p.mt-1').className}"`);
  });

  it('claims no wallet and no network', () => {
    const text = one(shell, '#root').textContent!;
    expect(text).not.toMatch(/connect|mainnet|testnet|galileo|devnet|0x[0-9a-f]{4}/i);
  });

  it('loads only the theme script before the app, and the app as a module', () => {
    const scripts = [...shell.querySelectorAll('script')].map((s) => [s.getAttribute('src'), s.getAttribute('type')]);
    expect(scripts).toEqual([
      ['/first-paint.js', null],
      ['/src/main.tsx', 'module'],
    ]);
    expect(shell.querySelectorAll('script:not([src]), [style]')).toHaveLength(0);
  });

  it('applies the theme before paint with the key the app saves it under', () => {
    const firstPaint = readFileSync(path.join(import.meta.dirname, '../../../public/first-paint.js'), 'utf8');
    expect(firstPaint).toContain(`localStorage.getItem('${THEME_STORAGE_KEY}')`);
  });
});
