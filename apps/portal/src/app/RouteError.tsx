import { useEffect } from 'react';
import { Link, useRouteError } from 'react-router';
import { describeError } from '../forms/describe-error';
import { BrandMark } from './BrandMark';
import { isOffline } from './online';
import { classifyRouteFailure, type RouteFailure } from './route-failure';
import { Button } from '../ui/Button';

/**
 * The last resort when a page or its guard fails: say what happened and offer the way back. A bug in the page
 * must not read as a connection problem, or people check their network while the page stays broken.
 */
export function RouteError() {
  const error = useRouteError();
  const failure = classifyRouteFailure(error);
  useEffect(() => {
    // The page swallowed the error to show this one; the console keeps it for whoever investigates.
    console.error('The page could not be shown:', error);
  }, [error]);
  const { title, lead } = words(failure, error);
  return (
    <div className="auth-layout">
      <header className="auth-brand">
        <BrandMark />
      </header>
      <main className="auth-card" id="main">
        <title>{`${title} · Service Programme`}</title>
        <h1>{title}</h1>
        <p className="lead">{lead}</p>
        <p>
          <Button variant="primary" onClick={() => window.location.reload()}>
            {failure.kind === 'crash' ? 'Reload the page' : 'Try again'}
          </Button>
        </p>
        {failure.kind === 'crash' || failure.kind === 'status' ? (
          <p>
            <Link to="/">Go to your home page</Link>
          </p>
        ) : null}
      </main>
    </div>
  );
}

function words(failure: RouteFailure, error: unknown): { title: string; lead: string } {
  switch (failure.kind) {
    case 'status':
      return { title: 'Something went wrong', lead: `${failure.status} ${failure.statusText}` };
    case 'network':
      // A page opened offline: the app shell came from the service worker, the page's data cannot.
      if (isOffline()) {
        return {
          title: 'You are offline',
          lead: 'This page needs a connection to open. Try again once you are back online.',
        };
      }
      return {
        title: 'We could not reach Service Programme',
        lead: 'Check your connection and try again.',
      };
    case 'api':
      return { title: 'Something went wrong', lead: describeError(error) };
    case 'crash':
      return {
        title: 'Something went wrong on this page',
        lead:
          'This page ran into an error of its own and could not be shown; your connection is fine. ' +
          'Reloading may help, or go back to your home page.',
      };
  }
}
