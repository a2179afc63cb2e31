import { defineConfig } from 'vitest/config';

// End-to-end tests of the playground in Debian's Chromium (see .ci/run).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
