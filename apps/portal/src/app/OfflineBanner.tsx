import { useOffline } from './online';

export const OFFLINE_NOTICE =
  'You are offline. Pages you have opened still show; changes need a connection, so make them once you are back online.';

/**
 * Above every page while the browser is offline. The live region stays in the page, empty while online, so a
 * screen reader hears the notice when the connection drops, not only on a page opened offline. A polite live
 * region rather than a second `status` role: a page's own status message (a form's "Saved") stays the one status.
 */
export function OfflineBanner() {
  const offline = useOffline();
  return (
    <div aria-live="polite" data-testid="offline-notice" className={offline ? 'offline-banner' : undefined}>
      {offline ? <p>{OFFLINE_NOTICE}</p> : null}
    </div>
  );
}
