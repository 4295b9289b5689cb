import { check, email as emailRule, emailDomainOf } from '@csp/domain';
import type { ApiRoute, RouteAnswer, RouteRequest } from '../../core/api-module.js';
import type { RequestContext } from '../../core/context.js';
import { startOidcSignIn } from './oidc-sign-in.js';
import { domainRoute, enterConnection, refuseSignIn, safeReturnTo } from './provider-sign-in.js';
import { startSamlSignIn } from './saml-sign-in.js';

/**
 * `GET /sso/start?email=…&returnTo=/path`: where the sign-in page sends a person whose email's domain is verified
 * for single sign-on (SP-initiated). Redirects to their identity provider, or back to the sign-in page saying why
 * not.
 */
export const signInStartRoutes: readonly ApiRoute[] = [
  { method: 'GET', path: '/sso/start', allow: 'public', handle: startSignIn },
];

async function startSignIn(context: RequestContext, request: RouteRequest): Promise<RouteAnswer> {
  const checked = check(emailRule, request.query.email);
  const domain = checked.ok ? emailDomainOf(checked.value) : null;
  const route = domain ? await domainRoute(context, domain) : null;
  if (!checked.ok || !route) return refuseSignIn(context, null, 'DOMAIN_NOT_VERIFIED');
  const connection = await enterConnection(context, route.tenantId, route.connectionId);
  if (!connection) return refuseSignIn(context, null, 'UNKNOWN_CONNECTION');
  const returnTo = safeReturnTo(request.query.returnTo);
  return connection.protocol === 'OIDC'
    ? startOidcSignIn(context, connection, returnTo, checked.value)
    : startSamlSignIn(context, connection, returnTo);
}
