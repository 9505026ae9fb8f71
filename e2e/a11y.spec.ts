import type { Browser, BrowserContext, Page } from '@playwright/test';
import {
  A11Y_ROUTES,
  appRoutePatterns,
  expectNoAxeViolations,
  expectNoOverflow,
  installAxe,
  matchesPattern,
  settle,
  THEMES,
  WIDTHS,
  type Theme,
  type Width,
} from './a11y';
import { answers, ask, badge, expectFunded, fundAccount, openChat } from './chat-helpers';
import { expect, test } from './fixtures';
import { APP_URL } from './paths';
import { TestWallet } from './test-wallet';

// axe-core and the 390 px overflow check on every route, in light and dark, at 1366 and 390 px, without
// a wallet and with account 18 connected and holding data: a ledger, a sub-account with chat-a and one
// verified answer (made in beforeAll, through the chat). One page per wallet state, theme and width is
// opened once and navigated, so the whole pass stays within a few minutes.

const USER = 18;
// src/lib/theme.ts's key (imported, it would bring the DOM types into the Node side's type check).
const THEME_STORAGE_KEY = 'og-marketplace:theme';
declare const localStorage: { setItem(key: string, value: string): void };

interface Session {
  page: Page;
  theme: Theme;
  width: Width;
  connected: boolean;
  label: string;
}

let sessions: Session[] = [];
let contexts: BrowserContext[] = [];

// The theme the app's way (its saved choice, read before paint by index.html) and the system's.
async function newContext(
  browser: Browser,
  theme: Theme,
  storageState?: Awaited<ReturnType<BrowserContext['storageState']>>,
) {
  const context = await browser.newContext({ baseURL: APP_URL, colorScheme: theme, storageState });
  await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [THEME_STORAGE_KEY, theme] as const);
  await installAxe(context);
  contexts.push(context);
  return context;
}

async function openSession(context: BrowserContext, theme: Theme, width: Width, wallet?: TestWallet) {
  const page = await context.newPage();
  await page.setViewportSize({ width: width.width, height: width.height });
  await page.emulateMedia({ colorScheme: theme });
  if (wallet) await wallet.install(page, { account: USER, connected: true });
  const connected = !!wallet;
  const session = {
    page,
    theme,
    width,
    connected,
    label: `${theme}, ${width.width} px, ${connected ? 'wallet' : 'no wallet'}`,
  };
  sessions.push(session);
  return session;
}

test.beforeAll(async ({ browser, manifest }) => {
  test.setTimeout(180_000);
  sessions = [];
  contexts = [];
  const chatA = manifest.providers.find((p) => p.name === 'chat-a')!;
  await fundAccount(manifest, USER, [chatA]);
  const wallet = new TestWallet(manifest);

  // The wallet with data: connect and get one verified answer in the first page; the other pages of the
  // context reconnect as a returning user, and the dark context starts from a copy of its storage.
  const light = await newContext(browser, 'light');
  const first = await light.newPage();
  await first.setViewportSize({ width: WIDTHS[0].width, height: WIDTHS[0].height });
  await wallet.install(first, { account: USER });
  await openChat(first, chatA);
  await expectFunded(first);
  await ask(first, 'Hello from the accessibility pass');
  await first.close();
  const state = await light.storageState({ indexedDB: true });
  const dark = await newContext(browser, 'dark', state);
  for (const [theme, context] of [
    ['light', light],
    ['dark', dark],
  ] as const)
    for (const width of WIDTHS) await openSession(context, theme, width, wallet);

  for (const theme of THEMES) {
    const context = await newContext(browser, theme);
    for (const width of WIDTHS) await openSession(context, theme, width);
  }
});

test.afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
});

/** The header's wallet control once the app has taken over from the static shell (which has none). */
const walletControl = (s: Session) =>
  s.connected
    ? s.page.getByRole('banner').getByRole('button', { name: /0x[0-9a-f]{4}/i })
    : s.page.getByRole('banner').getByRole('button', { name: 'Connect wallet' });

/** Opens `path` in a session and waits until it has settled, with the wallet reconnected and the theme applied. */
async function visit(s: Session, path: string) {
  await s.page.goto(path);
  // The app, not the static shell (whose h1 would do for settle), and the wallet back as it was.
  await expect(walletControl(s)).toBeEnabled({ timeout: 20_000 });
  await settle(s.page);
  await expect(s.page.locator('html')).toHaveClass(s.theme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/);
}

/**
 * Runs `fn` in every session at once (the pages wait on the chain and the app far more than on the CPU), and
 * fails with the first error once all have finished, so no page is still busy when the test ends.
 */
async function inEach(list: Session[], fn: (s: Session) => Promise<void>) {
  const named = (s: Session) =>
    fn(s).catch((e: unknown) => {
      // Say which page failed: the error alone does not.
      if (e instanceof Error) [e.message, e.stack] = [`(${s.label}) ${e.message}`, `(${s.label}) ${e.stack}`];
      throw e;
    });
  const results = await Promise.allSettled(list.map(named));
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}

async function check(s: Session, where: string) {
  await expectNoAxeViolations(s.page, `${where} (${s.label})`);
  if (s.width.width < 768) await expectNoOverflow(s.page, `${where} (${s.label})`);
}

test('every route of the app is in the pass', async ({ manifest }) => {
  const paths = A11Y_ROUTES.map((r) => r.path(manifest));
  const patterns = appRoutePatterns();
  expect(patterns.length).toBeGreaterThan(5);
  const specific = patterns.filter((p) => p !== '*');
  for (const pattern of specific)
    expect(
      paths.some((path) => matchesPattern(pattern, path)),
      `no a11y route opens ${pattern}`,
    ).toBe(true);
  if (patterns.includes('*'))
    expect(
      paths.some((path) => !specific.some((p) => matchesPattern(p, path))),
      'no a11y route is a 404',
    ).toBe(true);
});

for (const route of A11Y_ROUTES)
  test(`axe and phone width: ${route.name}`, async ({ manifest }) => {
    const path = route.path(manifest);
    await inEach(sessions, async (s) => {
      await visit(s, path);
      if (s.connected && route.name === 'Chat') await expect(answers(s.page).first()).toBeVisible();
      await check(s, path);
    });
  });

test('axe with dialogs open: badge detail, Fund, account menu, Connect', async ({ manifest }) => {
  const chatA = manifest.providers.find((p) => p.name === 'chat-a')!;
  const connected = sessions.filter((x) => x.connected);
  const unconnected = sessions.filter((x) => !x.connected);
  await inEach(connected, async (s) => {
    await visit(s, `/chat?provider=${chatA.address}`);
    await badge(answers(s.page).first(), 'Verified').click();
    const detail = s.page.getByRole('dialog', { name: 'Verification: Verified' });
    await expect(detail).toBeVisible();
    await check(s, 'the badge detail');
    await detail.getByRole('button', { name: 'Close' }).click();

    await visit(s, '/');
    await s.page.getByRole('button', { name: new RegExp(`^Fund ${chatA.model} by `) }).click();
    const fund = s.page.getByRole('dialog', { name: 'Fund a provider' });
    await expect(fund.getByRole('combobox', { name: 'Provider' })).toBeVisible();
    await settle(s.page);
    await check(s, 'the Fund dialog');
    await fund.getByRole('button', { name: 'Close' }).click();

    await walletControl(s).click();
    await expect(s.page.getByRole('button', { name: 'Disconnect' })).toBeVisible();
    await check(s, 'the account menu');
    await s.page.keyboard.press('Escape');
  });
  await inEach(unconnected, async (s) => {
    await visit(s, '/');
    await walletControl(s).click();
    await expect(s.page.getByRole('dialog', { name: 'Connect a wallet' })).toBeVisible();
    await check(s, 'the Connect dialog');
  });
});

test('axe with checks run: the compare panel and a provider page after their attestation checks', async ({
  manifest,
}) => {
  const [chatA, tls] = ['chat-a', 'chat-tls'].map((n) => manifest.providers.find((p) => p.name === n)!);
  // The wallet changes nothing here: the pages without one are enough.
  await inEach(
    sessions.filter((x) => !x.connected),
    async (s) => {
      await visit(s, `/?compare=${chatA!.address.toLowerCase()},${tls!.address.toLowerCase()}`);
      const table = s.page.getByRole('region', { name: /^Compare providers/ }).getByRole('table');
      const attestation = table.getByRole('row', { name: /^Attestation/ }).getByRole('cell');
      await attestation.first().getByRole('button', { name: 'Check attestation' }).click();
      await expect(attestation.first()).toHaveText('Attestation passed', { timeout: 20_000 });
      await check(s, 'the compare panel');

      await visit(s, `/providers/${chatA!.address}`);
      const section = s.page.getByRole('region', { name: 'TEE attestation' });
      await section.getByRole('button', { name: 'Check attestation' }).click();
      await expect(section.getByRole('button', { name: 'Check again' })).toBeEnabled({ timeout: 20_000 });
      await check(s, 'the attestation report');
    },
  );
});
