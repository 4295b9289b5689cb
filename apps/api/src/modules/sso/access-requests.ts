import { check, fieldError, memberRoleInput } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { refused, type Payload } from '../../core/payloads.js';
import { lockById } from '../../core/row-lock.js';
import { notFound } from '../../core/user-errors.js';
import { claimSignInEmail } from '../accounts/index.js';
import { clientOf } from '../clients/index.js';
import { SsoAccessRequestEntity } from './entities.js';
import { joinFromProvider } from './provider-sign-in.js';

/** The person becomes a member with the role chosen; their next sign-in through the provider gets them in. */
export async function approveSsoAccessRequest(
  context: RequestContext,
  input: { id: string; role: string; clientId?: string | null },
): Promise<Payload<'MemberPayload'>> {
  // The same rule as an invitation's or a role change's: a leader belongs to one client, the others to none.
  const checked = check(memberRoleInput, { memberId: input.id, role: input.role, clientId: input.clientId });
  if (!checked.ok) return refused('member', ...checked.errors);
  const { role, clientId } = checked.value;
  return context.db.write(async (db) => {
    const request = await lockById(db, SsoAccessRequestEntity, input.id);
    if (!request) return refused('member', notFound('id', 'access request'));
    if (clientId && !(await clientOf(db, clientId))) return refused('member', notFound('clientId', 'client'));
    if (!(await claimSignInEmail(db, request.email)))
      return refused(
        'member',
        fieldError(
          'id',
          'TAKEN',
          'This email signs in to an account already, here or in another organisation.',
        ),
      );
    const member = await joinFromProvider(db, request.email, request.name, {
      role,
      clientId: clientId ?? null,
    });
    await db.getRepository(SsoAccessRequestEntity).delete({ id: request.id });
    return { member, userErrors: [] };
  });
}

/** Declined, the request goes; a later sign-in through the provider asks again. */
export async function declineSsoAccessRequest(
  context: RequestContext,
  { id }: { id: string },
): Promise<Payload<'DeclineSsoAccessRequestPayload'>> {
  return context.db.write(async (db) => {
    const request = await lockById(db, SsoAccessRequestEntity, id);
    if (!request) return refused('declinedId', notFound('id', 'access request'));
    await db.getRepository(SsoAccessRequestEntity).delete({ id });
    return { declinedId: id, userErrors: [] };
  });
}
