import { createBrowserRouter, type RouteObject } from 'react-router';
import { requireAccess, requireMember, requireSignedOut } from '../session/guards';
import { PageLoading } from './PageLoading';
import { RouteError } from './RouteError';

/**
 * Real URLs, one lazily loaded chunk per page. Guards are loaders on pathless layout routes, so a visitor is sent
 * where they belong before anything renders: signed-out visitors to /sign-in, signed-in ones away from it, client
 * leaders to /programme and consultants away from it.
 * /accept-invitation, /sign-up/confirm and /email/unsubscribed have no guard: an emailed link may be opened by anyone,
 * signed in or not.
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
          {
            path: 'sign-up/confirm',
            lazy: () => import('../auth/ConfirmSignUpPage').then((m) => ({ Component: m.ConfirmSignUpPage })),
          },
          {
            path: 'email/unsubscribed',
            lazy: () =>
              import('../notifications/UnsubscribedPage').then((m) => ({ Component: m.UnsubscribedPage })),
          },
        ],
      },
      {
        loader: requireMember,
        lazy: () => import('../home/SignedInLayout').then((m) => ({ Component: m.SignedInLayout })),
        children: [
          { loader: requireAccess('consultancy'), children: consultantRoutes() },
          {
            loader: requireAccess('complaints'),
            path: 'clients/:clientId/complaints',
            lazy: () => import('../complaints/ComplaintsPage').then((m) => ({ Component: m.ComplaintsPage })),
          },
          {
            loader: requireAccess('complaints'),
            path: 'complaints/:complaintId',
            lazy: () => import('../complaints/ComplaintPage').then((m) => ({ Component: m.ComplaintPage })),
          },
          {
            loader: requireAccess('journey'),
            path: 'touch-points/:touchPointId',
            lazy: () =>
              import('../touch-points/TouchPointPage').then((m) => ({ Component: m.TouchPointPage })),
          },
          {
            loader: requireAccess('programme'),
            path: 'programme',
            lazy: () => import('../programme/ProgrammePage').then((m) => ({ Component: m.ProgrammePage })),
          },
          {
            loader: requireAccess('members'),
            path: 'admin',
            lazy: () => import('../admin/AdminPage').then((m) => ({ Component: m.AdminPage })),
          },
          {
            loader: requireAccess('apiKeys'),
            path: 'admin/api-keys',
            lazy: () => import('../admin/ApiKeysPage').then((m) => ({ Component: m.ApiKeysPage })),
          },
          {
            loader: requireAccess('mail'),
            path: 'admin/mail',
            lazy: () => import('../admin/SentMailPage').then((m) => ({ Component: m.SentMailPage })),
          },
          {
            loader: requireAccess('sso'),
            path: 'admin/single-sign-on',
            lazy: () => import('../sso/SingleSignOnPage').then((m) => ({ Component: m.SingleSignOnPage })),
          },
          {
            loader: requireAccess('emailSettings'),
            path: 'settings/email',
            lazy: () =>
              import('../notifications/EmailSettingsPage').then((m) => ({ Component: m.EmailSettingsPage })),
          },
          {
            loader: requireAccess('webhooks'),
            path: 'admin/webhooks',
            lazy: () => import('../webhooks/WebhooksPage').then((m) => ({ Component: m.WebhooksPage })),
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

function consultantRoutes(): RouteObject[] {
  return [
    { index: true, lazy: () => import('../home/HomePage').then((m) => ({ Component: m.HomePage })) },
    {
      path: 'clients/:clientId',
      lazy: () => import('../clients/ClientPage').then((m) => ({ Component: m.ClientPage })),
    },
    {
      path: 'clients/:clientId/charter',
      lazy: () => import('../charters/CharterPage').then((m) => ({ Component: m.CharterPage })),
    },
    {
      path: 'clients/:clientId/hiring',
      lazy: () => import('../hiring/HiringPage').then((m) => ({ Component: m.HiringPage })),
    },
    {
      path: 'hiring/:profileId',
      lazy: () => import('../hiring/RoleProfilePage').then((m) => ({ Component: m.RoleProfilePage })),
    },
    {
      path: 'audits/:auditId',
      lazy: () => import('../audits/AuditPage').then((m) => ({ Component: m.AuditPage })),
    },
    {
      path: 'actions',
      lazy: () => import('../actions/ActionsPage').then((m) => ({ Component: m.ActionsPage })),
    },
    {
      loader: requireAccess('serviceLevels'),
      path: 'service-levels/:serviceLevelId',
      lazy: () =>
        import('../service-levels/ServiceLevelPage').then((m) => ({ Component: m.ServiceLevelPage })),
    },
  ];
}

export function createRouter() {
  return createBrowserRouter(routes);
}
