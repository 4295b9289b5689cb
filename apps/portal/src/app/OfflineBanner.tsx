import { useOffline } from './online';

export const OFFLINE_NOTICE =
  'You are offline. Pages you have opened still show; changes need a connection, so make them once you are back online.';

/**
 * Above every page while the browser is offline. The live region stays in the page, empty while online, so a
 * screen reader hears the notice when the connection drops, not only on a page opened offline.
 */
export function OfflineBanner() {
  const offline = useOffline();
  return (
    <div role="status" className={offline ? 'offline-banner' : undefined}>
      {offline ? <p>{OFFLINE_NOTICE}</p> : null}
    </div>
  );
}
