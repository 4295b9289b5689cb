import { check, email as emailRule, emailDomainOf } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { SsoAccessRequestEntity, SsoConnectionEntity } from './entities.js';
import { domainRoute, portalUrl } from './provider-sign-in.js';
import type { SignInMethod } from '../../generated/resolvers.js';

export function listSsoConnections(context: RequestContext) {
  return context.db.read((db) =>
    db.getRepository(SsoConnectionEntity).find({ order: { createdAt: 'ASC', id: 'ASC' } }),
  );
}

export function listSsoAccessRequests(context: RequestContext) {
  return context.db.read((db) =>
    db.getRepository(SsoAccessRequestEntity).find({ order: { requestedAt: 'ASC', id: 'ASC' } }),
  );
}

/**
 * What the sign-in page should offer for an email: its verified domain's provider, and whether a password still
 * works there. A domain's routing is no secret (its people are sent there), and nothing here depends on whether the
 * email has an account.
 */
export async function signInMethod(context: RequestContext, email: string): Promise<SignInMethod> {
  const password: SignInMethod = {
    kind: 'PASSWORD',
    ssoUrl: null,
    providerName: null,
    passwordAllowed: true,
  };
  const checked = check(emailRule, email);
  const domain = checked.ok ? emailDomainOf(checked.value) : null;
  if (!checked.ok || !domain || context.viewer.kind !== 'anonymous') return password;
  const route = await domainRoute(context, domain);
  if (!route) return password;
  // The answer is about the domain's consultancy; the anonymous request has no tenant of its own yet.
  await context.db.enterTenant({ tenantId: route.tenantId, clientId: null });
  const connection = await context.db.read((db) =>
    db.getRepository(SsoConnectionEntity).findOneBy({ id: route.connectionId }),
  );
  if (!connection) return password;
  const start = new URL(portalUrl(context, '/sso/start'));
  start.searchParams.set('email', checked.value);
  return {
    kind: 'SSO',
    ssoUrl: start.pathname + start.search,
    providerName: connection.name,
    passwordAllowed: !connection.ssoOnly,
  };
}
