import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { feedbackPageWithoutManifest, pwaOptions } from './pwa.config';

/** In development the API runs on :4000; the proxy keeps requests same-origin so the session cookie just works. */
export default defineConfig({
  // Installable and offline: the manifest and the service worker (see pwa.config.ts).
  plugins: [react(), VitePWA(pwaOptions), feedbackPageWithoutManifest()],
  server: {
    proxy: {
      '/graphql': 'http://localhost:4000',
      '/exports': 'http://localhost:4000',
      '/sso': 'http://localhost:4000',
    },
  },
  build: {
    sourcemap: true,
    // scripts/bundle-report.ts reads it to size the initial JavaScript of each route.
    manifest: true,
    // Two pages: the portal, and the public feedback form (its own small entry: no React, no Apollo).
    rollupOptions: {
      input: { main: 'index.html', feedback: 'feedback.html' },
    },
  },
});
