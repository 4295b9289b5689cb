import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/** Component and unit tests only; the browser tests live in e2e/ under vitest.e2e.config.ts. */
export default defineConfig({
  plugins: [react()],
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    setupFiles: ['src/test/setup.ts'],
  },
});
