import { defineConfig } from '@playwright/test';

/** The Firefox end-to-end tests: Playwright Test runs them, puppeteer-core drives Firefox ESR. */
export default defineConfig({
  testDir: 'tests/firefox',
  // One Firefox and one PDS at a time fit this 2-core machine best.
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  retries: 0,
  globalSetup: './tests/e2e/global-setup.ts',
  reporter: [['list']],
});
