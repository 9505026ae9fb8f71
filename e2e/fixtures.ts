import { test as base, expect, type BrowserContext } from '@playwright/test';
import { manifestPath, readManifest, type Manifest } from '../devnet/manifest';
import { DevnetControl } from './devnet-control';
import { DEVNET_DIR } from './paths';
import { TestWallet } from './test-wallet';

/** A `securitypolicyviolation` event a page of the run fired: what was blocked, by which directive, and where. */
export interface CspViolation {
  page: string;
  directive: string;
  blocked: string;
  source: string;
  sample: string;
}

// What the in-page listener touches, declared rather than taken from lib "dom" (see page-provider.ts).
interface PolicyViolationEvent {
  effectiveDirective: string;
  blockedURI: string;
  sourceFile: string;
  lineNumber: number;
  columnNumber: number;
  sample: string;
}
declare const document: {
  addEventListener(type: string, listener: (e: PolicyViolationEvent) => void, capture: boolean): void;
};
declare const location: { href: string };
declare const window: Record<string, unknown>;

const CSP_BINDING = '__e2eCspViolation';

/** Init script (serialised by Playwright): hands every violation of the page's policy to the test process. */
function reportCspViolations(binding: string): void {
  document.addEventListener(
    'securitypolicyviolation',
    (e) => {
      const report = window[binding] as (v: CspViolation) => void;
      report({
        page: location.href,
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        source: e.sourceFile ? `${e.sourceFile}:${e.lineNumber}:${e.columnNumber}` : '',
        sample: e.sample,
      });
    },
    true,
  );
}

// Every context of the worker reports here, the ones a spec opens with browser.newContext too.
const violations: CspViolation[] = [];
let checked = 0;
const watched = new WeakSet<BrowserContext>();

async function watchCsp(context: BrowserContext): Promise<void> {
  if (watched.has(context)) return;
  watched.add(context);
  await context.exposeBinding(CSP_BINDING, (_source, v: CspViolation) => void violations.push(v));
  await context.addInitScript(reportCspViolations, CSP_BINDING);
}

/** The violations not yet reported by a test, as lines that say what to fix; marks them reported. */
function takeViolations(): string[] {
  const found = violations.slice(checked);
  checked = violations.length;
  return found.map(
    (v) =>
      `${v.directive} blocked ${v.blocked || '(inline)'} on ${v.page}${v.source ? ` from ${v.source}` : ''}` +
      (v.sample ? ` (${v.sample.slice(0, 80)})` : ''),
  );
}

export interface E2eFixtures {
  /** The e2e devnet (started once per run by global-setup.ts); faults a test sets are reset after it. */
  devnet: DevnetControl;
  /** The injected "E2E Wallet". Not installed by itself: `await wallet.install(page)` before `page.goto`. */
  wallet: TestWallet;
}

/**
 * Playwright `test` with the devnet and the E2E Wallet:
 *
 *   test('connects', async ({ page, wallet, devnet }) => {
 *     await wallet.install(page);            // account 1, not yet connected to the site
 *     wallet.rejectNext('personal_sign');    // the next signature prompt answers 4001
 *     await page.goto('/');
 *     ...
 *     expect(wallet.requests.map((r) => r.method)).toContain('eth_requestAccounts');
 *   });
 */
export const test = base.extend<E2eFixtures & { cspCheck: void }, { manifest: Manifest; cspWatch: void }>({
  // The production build carries a strict Content Security Policy: a violation anywhere fails the test it happened
  // in (or, for a spec's beforeAll, the test after it), naming the directive and what it blocked.
  cspWatch: [
    async ({ browser }, use) => {
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const context = await newContext(options);
        await watchCsp(context);
        return context;
      };
      await use();
      browser.newContext = newContext;
      const left = takeViolations();
      if (left.length > 0)
        throw new Error(`Content Security Policy violations after the last test:\n${left.join('\n')}`);
    },
    { scope: 'worker', auto: true },
  ],
  context: async ({ context }, use) => {
    await watchCsp(context);
    await use(context);
  },
  cspCheck: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires a destructuring pattern, even an empty one.
    async ({}, use) => {
      await use();
      expect(takeViolations(), 'Content Security Policy violations').toEqual([]);
    },
    { auto: true },
  ],
  manifest: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires a destructuring pattern, even an empty one.
    async ({}, use) => use(readManifest(manifestPath(DEVNET_DIR))),
    { scope: 'worker' },
  ],
  devnet: async ({ manifest }, use) => {
    const devnet = new DevnetControl(manifest);
    await use(devnet);
    if (devnet.faultsSet) await devnet.reset();
  },
  wallet: async ({ manifest }, use) => use(new TestWallet(manifest)),
});

export { expect };
