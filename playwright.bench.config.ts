import { defineConfig } from '@playwright/test';

/** Benchmarks that drive the built extension against the local servers (`npm run bench:fanout`, `bench:history`). */
export default defineConfig({
  testDir: 'tests/bench',
  testMatch: '*.spec.ts',
  workers: 1,
  timeout: 480_000,
  expect: { timeout: 60_000 },
  globalSetup: './tests/e2e/global-setup.ts',
  reporter: [['list']],
  use: { trace: 'off', screenshot: 'off', actionTimeout: 30_000 },
});
