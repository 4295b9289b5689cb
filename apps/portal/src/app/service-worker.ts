/// <reference types="vite-plugin-pwa/client" />

/**
 * Registers the service worker (see pwa.config.ts) once the page has loaded, so it never competes with the first
 * render; it is imported lazily, so its few kilobytes stay out of the initial JavaScript of every page. Only in a
 * build: in development Vite serves modules that the worker does not know.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    import('virtual:pwa-register')
      .then(({ registerSW }) =>
        registerSW({
          immediate: true,
          // A new version takes over the worker at once, but the page is not reloaded under someone typing in a
          // form: it runs on until the next load, as a tab open during a deploy always has.
          onNeedReload: () => undefined,
        }),
      )
      .catch((error: unknown) => {
        // The portal works without it, online; offline opening is what is lost.
        console.warn('The offline copy of Service Programme could not be set up:', error);
      });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
