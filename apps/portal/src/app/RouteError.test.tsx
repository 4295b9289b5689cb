import { render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RouteError } from './RouteError';

/** A page whose code fails to load with `failure`, under the app's error page. */
function renderFailingRoute(failure: Error) {
  const router = createMemoryRouter([
    {
      path: '/',
      ErrorBoundary: RouteError,
      HydrateFallback: () => null,
      lazy: () => Promise.reject(failure),
    },
  ]);
  render(<RouterProvider router={router} />);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('RouteError', () => {
  it('calls a crash in the page a crash, offers a way out, and reports the error', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // What format.ts threw when the browser's locale was en-US@posix.
    const crash = new RangeError('Incorrect locale information provided');
    renderFailingRoute(crash);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Something went wrong on this page' }),
    ).toBeTruthy();
    expect(screen.queryByText(/could not reach|check your connection/i)).toBeNull();
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to your home page' }).getAttribute('href')).toBe('/');
    // The report is a passive effect: on a busy machine it can run after the heading is found.
    await waitFor(() => expect(consoleError).toHaveBeenCalledWith(expect.any(String), crash));
  });

  it('calls a failed fetch a connection problem', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const offline = new TypeError('Failed to fetch');
    renderFailingRoute(offline);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'We could not reach Service Programme' }),
    ).toBeTruthy();
    expect(screen.getByText('Check your connection and try again.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
    await waitFor(() => expect(consoleError).toHaveBeenCalledWith(expect.any(String), offline));
  });

  it('calls a page chunk that did not arrive a connection problem', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderFailingRoute(
      new TypeError('Failed to fetch dynamically imported module: http://localhost/assets/HomePage.js'),
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'We could not reach Service Programme' }),
    ).toBeTruthy();
  });
});
