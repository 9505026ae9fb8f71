import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/chromium';
// Loading e2e/paths picks this run's free ports (app, chain, simulator) and keeps them in process.env for
// global-setup and the workers.
import { APP_URL, OUTPUT_DIR } from './e2e/paths';

export default defineConfig({
  testDir: 'e2e',
  // Starts the devnet, builds the app with VITE_DEVNET=1 into dist-e2e/<app port> and serves it; returns the teardown.
  globalSetup: './e2e/global-setup.ts',
  // Per run too: each run empties its output directory first, and runs side by side must not empty each other's.
  outputDir: OUTPUT_DIR,
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
