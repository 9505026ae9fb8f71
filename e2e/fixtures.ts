import { test as base, expect } from '@playwright/test';
import { manifestPath, readManifest, type Manifest } from '../devnet/manifest';
import { DevnetControl } from './devnet-control';
import { DEVNET_DIR } from './paths';
import { TestWallet } from './test-wallet';

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
export const test = base.extend<E2eFixtures, { manifest: Manifest }>({
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
