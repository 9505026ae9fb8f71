import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type BrowserContext, type Page } from '@playwright/test';
import type { Manifest } from '../devnet/manifest';
import { NAV_ITEMS, paths } from '../src/config/routes';

// The accessibility pass: axe-core (WCAG 2.0/2.1 A and AA plus best practice) and a phone-width overflow
// check, run by a11y.spec.ts on every route. axe is evaluated into the page (not added as a <script>
// tag), so it runs under the production build's Content Security Policy too.

// The page's globals, declared here rather than with lib "dom" (see page-provider.ts).
declare const window: { axe?: Axe; innerWidth: number };
declare const document: {
  documentElement: { scrollWidth: number };
  querySelectorAll(selector: string): Iterable<PageElement>;
};
interface PageElement {
  tagName: string;
  id: string;
  className: unknown;
  textContent: string | null;
  getBoundingClientRect(): { right: number; width: number };
}
interface Axe {
  run(context: unknown, options: unknown): Promise<{ violations: Violation[] }>;
}

/** One axe rule that failed, with the elements it failed on. */
export interface Violation {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; html: string; failureSummary?: string }[];
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_OPTIONS = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  resultTypes: ['violations'],
};

export type Theme = 'light' | 'dark';
export const THEMES: readonly Theme[] = ['light', 'dark'];
export const WIDTHS = [
  { name: 'desktop', width: 1366, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
export type Width = (typeof WIDTHS)[number];

/** Loads axe into every document of a context as it starts: one copy sent, not one per page load. */
export async function installAxe(context: BrowserContext): Promise<void> {
  await context.addInitScript(AXE_SOURCE);
}

/** Runs axe on the whole document (injecting it first if this document has none) and returns its violations. */
export async function axeViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => window.axe !== undefined))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (options) => {
    const { violations } = await window.axe!.run(document, options);
    // Only what the report prints: the full results do not survive serialisation cheaply.
    return violations.map(({ id, impact, help, helpUrl, nodes }) => ({
      id,
      impact,
      help,
      helpUrl,
      nodes: nodes.map(({ target, html, failureSummary }) => ({ target, html, failureSummary })),
    }));
  }, AXE_OPTIONS);
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A report that says what to fix without opening a trace: rule, impact, help, and the first elements. */
export function formatViolations(violations: Violation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.slice(0, 4).map((n) => {
        const why = n.failureSummary?.split('\n').slice(1, 2).join('').trim();
        return `    ${n.target.join(' ')}\n      ${clip(n.html.replace(/\s+/g, ' '), 200)}${why ? `\n      ${clip(why, 200)}` : ''}`;
      });
      const more = v.nodes.length > 4 ? [`    … and ${v.nodes.length - 4} more`] : [];
      return [`  ${v.id} [${v.impact ?? 'n/a'}] ${v.help} (${v.helpUrl})`, ...nodes, ...more].join('\n');
    })
    .join('\n');
}

/** Asserts (softly, so one run reports every failing combination) that axe finds nothing. */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  const ids = violations.map((v) => `${v.id} (${v.nodes.length})`);
  expect.soft(ids, `axe on ${where}:\n${formatViolations(violations)}`).toEqual([]);
}

/** Asserts (softly) that the page is no wider than the window, naming the elements that stick out. */
export async function expectNoOverflow(page: Page, where: string): Promise<void> {
  const { scrollWidth, innerWidth, wide } = await page.evaluate(() => {
    const inner = window.innerWidth;
    const wide: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const box = el.getBoundingClientRect();
      if (box.right <= inner + 0.5 || wide.length >= 6) continue;
      const cls = typeof el.className === 'string' ? el.className.split(/\s+/).slice(0, 6).join('.') : '';
      const text = (el.textContent ?? '').trim().slice(0, 40);
      wide.push(
        `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls ? `.${cls}` : ''} right=${Math.round(box.right)} "${text}"`,
      );
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: inner, wide };
  });
  expect
    .soft(
      scrollWidth,
      `${where} is ${scrollWidth} px wide in a ${innerWidth} px window; sticking out:\n  ${wide.join('\n  ')}`,
    )
    .toBeLessThanOrEqual(innerWidth);
}

// Transient states a page passes through while it reads the chain; axe runs after them.
const PENDING = /^(Loading|Reading|Checking|Refreshing)\b.*…$/;

/** Waits until the page has settled: its one h1 shown and nothing still loading. */
export async function settle(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(PENDING)).toHaveCount(0, { timeout: 15_000 });
}

/** A route of the app as the pass visits it: a name for the report and the path to open on this devnet. */
export interface A11yRoute {
  name: string;
  path: (manifest: Manifest) => string;
}

function chatProvider(manifest: Manifest, name: string): string {
  const p = manifest.providers.find((x) => x.name === name && x.serviceType === 'chatbot');
  if (!p) throw new Error(`The manifest has no chat provider ${name}`);
  return p.address;
}

/**
 * Every route: the navigation's pages (src/config/routes.ts, so a new page in the menu is covered at once)
 * plus the parameterised ones of the route table in src/app.tsx, opened on chat providers of the manifest.
 * a11y.spec.ts also checks that each `<Route path>` in src/app.tsx is opened by one of these.
 */
export const A11Y_ROUTES: readonly A11yRoute[] = [
  ...NAV_ITEMS.map((item) => ({ name: item.label, path: () => item.to })),
  { name: 'Provider', path: (m) => paths.provider(chatProvider(m, 'chat-a')) },
  {
    name: 'Compare',
    path: (m) => `${paths.chat}?view=compare&provider=${chatProvider(m, 'chat-a')}&with=${chatProvider(m, 'chat-b')}`,
  },
  { name: 'Build', path: (m) => paths.build(chatProvider(m, 'chat-a')) },
  // A task id the provider does not know: the monitor's refusal and its empty panels.
  {
    name: 'Fine-tuning task',
    path: (m) => paths.fineTuningTask('00000000-0000-4000-8000-000000000000', m.fineTuning.address),
  },
  { name: 'Not found', path: () => '/no-such-page' },
];

/** The `<Route path="…">` patterns of src/app.tsx. */
export function appRoutePatterns(): string[] {
  const source = readFileSync(new URL('../src/app.tsx', import.meta.url), 'utf8');
  return [...source.matchAll(/<Route\s+path="([^"]+)"/g)].map((m) => m[1]!);
}

/** Whether a path (query ignored) matches a react-router pattern such as `/providers/:address` or `*`. */
export function matchesPattern(pattern: string, path: string): boolean {
  if (pattern === '*') return true;
  const pathname = path.split('?')[0]!;
  const re = new RegExp(`^${pattern.replace(/:[^/]+/g, '[^/]+')}$`);
  return re.test(pathname);
}
