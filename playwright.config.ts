import { defineConfig, devices } from '@playwright/test';
import { APP_URL } from './e2e/paths';

// Debian's Chromium, never a downloaded one; these flags keep it quiet and offline in CI containers.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: 'e2e',
  // Starts the devnet, builds the app with VITE_DEVNET=1 into dist-e2e and serves it; returns the teardown.
  globalSetup: './e2e/global-setup.ts',
  // One worker: the tests share one chain, and each spec picks its own accounts.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: APP_URL,
    trace: 'retain-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
});
