import { Outlet } from 'react-router';
import { BrandMark } from '../app/BrandMark';

/** The calm frame around signing in, signing up and accepting an invitation: the brand, one card, nothing else. */
export function AuthLayout() {
  return (
    <div className="auth-layout">
      <header className="auth-brand">
        <BrandMark />
      </header>
      <main className="auth-card" id="main">
        <Outlet />
      </main>
      <footer className="auth-footer">
        <p>
          Service Programme helps consultancies lift their clients&rsquo; customer service, year after year.
        </p>
      </footer>
    </div>
  );
}
