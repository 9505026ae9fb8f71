import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'devnet/**/*.unit.test.ts', 'build/**/*.unit.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'devnet',
          include: ['devnet/test/**/*.test.ts'],
          globalSetup: ['devnet/test/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Child processes rather than worker threads: Hardhat and the simulated providers hold native handles.
          pool: 'forks',
        },
      },
    ],
  },
});
