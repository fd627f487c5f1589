import { defineConfig } from 'vitest/config';

/** Checks of the store packages `npm run zip` made (.output/*.zip); no WXT test environment. */
export default defineConfig({
  test: {
    include: ['tests/package/**/*.test.ts'],
    testTimeout: 120_000,
  },
});
