import { createBrowserRouter, type RouteObject } from 'react-router';
import { requireMember, requireSignedOut } from '../session/guards';
import { PageLoading } from './PageLoading';
import { RouteError } from './RouteError';

/**
 * Real URLs, one lazily loaded chunk per page. Guards are loaders on pathless layout routes, so a visitor is sent
 * where they belong before anything renders: signed-out visitors to /sign-in, signed-in ones away from it.
 * /accept-invitation has no guard: an invitation link may be opened by anyone, signed in or not.
 */
export const routes: RouteObject[] = [
  {
    ErrorBoundary: RouteError,
    HydrateFallback: PageLoading,
    children: [
      {
        loader: requireSignedOut,
        lazy: () => import('../auth/AuthLayout').then((m) => ({ Component: m.AuthLayout })),
        children: [
          {
            path: 'sign-in',
            lazy: () => import('../auth/SignInPage').then((m) => ({ Component: m.SignInPage })),
          },
          {
            path: 'sign-up',
            lazy: () => import('../auth/SignUpPage').then((m) => ({ Component: m.SignUpPage })),
          },
        ],
      },
      {
        lazy: () => import('../auth/AuthLayout').then((m) => ({ Component: m.AuthLayout })),
        children: [
          {
            path: 'accept-invitation',
            lazy: () =>
              import('../auth/AcceptInvitationPage').then((m) => ({ Component: m.AcceptInvitationPage })),
          },
        ],
      },
      {
        loader: requireMember,
        lazy: () => import('../home/SignedInLayout').then((m) => ({ Component: m.SignedInLayout })),
        children: [
          {
            index: true,
            lazy: () => import('../home/HomePage').then((m) => ({ Component: m.HomePage })),
          },
        ],
      },
      {
        path: '*',
        lazy: () => import('./NotFoundPage').then((m) => ({ Component: m.NotFoundPage })),
      },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
