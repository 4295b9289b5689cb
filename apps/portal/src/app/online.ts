import { useSyncExternalStore } from 'react';

/**
 * Whether the browser says it is offline. Only `navigator.onLine === false` counts: "online" only means a network
 * is there, not that Service Programme answers, so a failure while "online" still reads as "could not reach".
 */
export function isOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/** True while the browser is offline; the component renders again as the connection comes and goes. */
export function useOffline(): boolean {
  return useSyncExternalStore(subscribe, isOffline, () => false);
}
