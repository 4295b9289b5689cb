import { emailDomainOf } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { SsoConnectionEntity } from './entities.js';
import { domainRoute } from './provider-sign-in.js';

/**
 * Whether a password may sign this email in. Once a connection is SSO-only, passwords stop working for its
 * verified domains, whoever the email belongs to (so the answer tells nobody who has an account), except for the
 * connection's break-glass admin, whose password sign-ins are recorded. A member of another consultancy whose
 * address happens to be in the domain is not this connection's to lock out.
 *
 * `memberTenantId` is the tenant the email signs in to, entered already when there is one.
 */
export async function passwordSignInPolicy(
  context: RequestContext,
  email: string,
  member: { tenantId: string; id: string } | null,
): Promise<{ kind: 'ALLOWED' } | { kind: 'SSO_REQUIRED' } | { kind: 'BREAK_GLASS'; connectionId: string }> {
  const domain = emailDomainOf(email);
  if (!domain) return { kind: 'ALLOWED' };
  const route = await domainRoute(context, domain);
  if (!route || (member && member.tenantId !== route.tenantId)) return { kind: 'ALLOWED' };
  if (!member) await context.db.enterTenant({ tenantId: route.tenantId, clientId: null });
  const connection = await context.db.read((db) =>
    db.getRepository(SsoConnectionEntity).findOneBy({ id: route.connectionId }),
  );
  if (!connection?.ssoOnly) return { kind: 'ALLOWED' };
  if (member && connection.breakGlassMemberId === member.id)
    return { kind: 'BREAK_GLASS', connectionId: connection.id };
  return { kind: 'SSO_REQUIRED' };
}
