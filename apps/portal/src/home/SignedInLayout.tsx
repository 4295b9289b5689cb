import { useQuery } from '@apollo/client/react';
import { Outlet } from 'react-router';
import { MeQuery } from '../session/me';
import { AppHeader } from './AppHeader';

/**
 * The frame of every signed-in page. The route's guard has already loaded `me`, so this reads it from the cache;
 * the skip link lets keyboard users jump past the header.
 */
export function SignedInLayout() {
  const { data } = useQuery(MeQuery);
  const me = data?.me;
  return (
    <div className="app-layout">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {me && <AppHeader member={me} />}
      <main className="app-main" id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
