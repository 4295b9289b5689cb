import { defineConfig } from 'vitest/config';

/**
 * Browser tests in headless Chromium against the real product, which e2e/product.ts starts for the run (or the
 * one at PORTAL_URL). Part of `npm test`, after the component tests; the portal must be built first (turbo does).
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/product.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
