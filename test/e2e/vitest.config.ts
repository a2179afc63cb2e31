// Browser tests of the playground (need /usr/bin/chromium). Run with:
//   npx vitest run --config test/e2e/vitest.config.ts
// The root vitest.config.ts excludes test/e2e, so `npm test` does not run them.
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 240_000,
  },
});
