import { Link } from 'react-router';
import { BrandMark } from './BrandMark';

export function NotFoundPage() {
  return (
    <div className="auth-layout">
      <header className="auth-brand">
        <BrandMark />
      </header>
      <main className="auth-card" id="main">
        <title>Page not found · Service Programme</title>
        <h1>Page not found</h1>
        <p className="lead">
          There is no page at this address. It may have moved, or the link may be mistyped.
        </p>
        <p>
          <Link to="/">Go to your home page</Link>
        </p>
      </main>
    </div>
  );
}
