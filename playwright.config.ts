import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/chromium';
import { APP_URL } from './e2e/paths';

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
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
});
