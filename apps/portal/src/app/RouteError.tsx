import { isRouteErrorResponse, useRouteError } from 'react-router';
import { describeError } from '../forms/describe-error';
import { BrandMark } from './BrandMark';

/** The last resort when a page or its guard fails: say what happened and offer the way back. */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : describeError(error);
  return (
    <div className="auth-layout">
      <header className="auth-brand">
        <BrandMark />
      </header>
      <main className="auth-card" id="main">
        <title>Something went wrong · Service Programme</title>
        <h1>Something went wrong</h1>
        <p className="lead">{message}</p>
        <p>
          <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
            Try again
          </button>
        </p>
      </main>
    </div>
  );
}
