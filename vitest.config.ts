import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/servers/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    setupFiles: ['tests/unit/i18n-setup.ts', 'tests/unit/setup.ts'],
    testTimeout: 20_000,
  },
});
