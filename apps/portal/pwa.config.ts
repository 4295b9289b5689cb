import type { Plugin } from 'vite';
import type { VitePWAOptions } from 'vite-plugin-pwa';

/**
 * Paths the API answers itself. The service worker must never answer them from its cache, and a navigation to one
 * must reach the server (an SSO callback, a download, an emailed link, a shared report, the public feedback form),
 * not the portal's cached index.html.
 */
export const NETWORK_ONLY =
  /^\/(graphql|sso|exports|email|reports|feedback|api|healthz|readyz|metrics)(\/|$|\?)/;

/**
 * The portal as an installable app that opens offline. The service worker (Workbox, generateSW) precaches only
 * the built app shell: HTML, scripts, styles and icons, the same for everyone. It has no runtime caching at all,
 * so no answer of the API (GraphQL, exports, reports), which carries people's data, ever lands in a cache:
 * requests it does not precache go to the network as if there were no service worker. That is also why signing
 * out needs no cache clean-up: there is nothing personal in the caches to remove, and the Apollo cache (memory
 * only) is cleared on sign-out already.
 */
export const pwaOptions: Partial<VitePWAOptions> = {
  strategies: 'generateSW',
  // A new version takes over on its own, with no prompt to answer; the open page is not reloaded for it (see
  // src/app/service-worker.ts), so nothing typed is lost.
  registerType: 'autoUpdate',
  // src/app/service-worker.ts registers it, after the page has loaded; an injected inline script would break
  // the strict Content-Security-Policy.
  injectRegister: false,
  manifest: {
    name: 'Service Programme',
    lang: 'en-GB',
    short_name: 'Service',
    description: 'Where customer-service consultants run their client programmes.',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    // --brand and --paper in src/styles/base.css.
    theme_color: '#1f4e5f',
    background_color: '#f6f4ef',
    icons: [
      { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
      { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
    ],
  },
  workbox: {
    // The app shell (the manifest's icons are added by the plugin). Source maps are for developers, and
    // feedback.html is only reached through /feedback/<token>, which stays online.
    globPatterns: ['**/*.{js,css,html}'],
    globIgnores: ['**/node_modules/**', 'feedback.html', '**/*.map'],
    // A page of the portal opened offline gets the cached index.html; the router takes it from there.
    navigateFallback: '/index.html',
    navigateFallbackDenylist: [NETWORK_ONLY],
    // No runtimeCaching on purpose: see above.
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: true,
  },
};

/**
 * The plugin links the manifest from every page; the public feedback form is for a client's customers, often in a
 * frame on the client's site, and should not offer to install the consultants' portal. Runs after the PWA plugin.
 */
export function feedbackPageWithoutManifest(): Plugin {
  return {
    name: 'csp:feedback-page-without-manifest',
    enforce: 'post',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html, context) =>
        context.filename.endsWith('feedback.html') ? html.replace(/<link rel="manifest"[^>]*>/, '') : html,
    },
  };
}
