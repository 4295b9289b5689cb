import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OFFLINE_NOTICE, OfflineBanner } from './OfflineBanner';

/** Sets what the browser says about its connection, and tells the page as the browser would. */
function goOnline(online: boolean) {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online);
  act(() => {
    window.dispatchEvent(new Event(online ? 'online' : 'offline'));
  });
}

describe('OfflineBanner', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('shows nothing while online, in a live region that is already in the page', () => {
    render(<OfflineBanner />);
    expect(screen.getByTestId('offline-notice').textContent).toBe('');
  });

  it('says the browser is offline when the connection drops, and goes away when it is back', () => {
    render(<OfflineBanner />);
    goOnline(false);
    expect(screen.getByTestId('offline-notice').textContent).toBe(OFFLINE_NOTICE);
    expect(OFFLINE_NOTICE).toMatch(/^You are offline\. Pages you have opened still show/);
    goOnline(true);
    expect(screen.getByTestId('offline-notice').textContent).toBe('');
  });

  it('shows the notice at once on a page opened offline', () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    render(<OfflineBanner />);
    expect(screen.getByTestId('offline-notice').textContent).toBe(OFFLINE_NOTICE);
  });
});
