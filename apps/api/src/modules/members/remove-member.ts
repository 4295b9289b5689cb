import { fieldError } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { refused, type Payload } from '../../core/payloads.js';
import { isUuid, notFound } from '../../core/user-errors.js';

/**
 * Removes a member: their sessions end now and they sign in no more, by password or through single sign-on. The
 * row stays (marked removed), so what they did keeps their name and their email keeps pointing here: a provider
 * that still lists them is refused rather than given a fresh account.
 */
export async function removeMember(
  context: RequestContext,
  { id }: { id: string },
): Promise<Payload<'RemoveMemberPayload'>> {
  const viewer = context.viewer;
  if (viewer.kind === 'member' && viewer.memberId === id)
    return refused(
      'removedId',
      fieldError('id', 'NOT_ALLOWED', 'You cannot remove yourself: ask another admin to do it.'),
    );
  if (!isUuid(id)) return refused('removedId', notFound('id', 'member'));
  return context.db.write(async (db) => {
    // The member and every admin locked in one statement, in id order, as a role change locks them: two admins
    // removing each other queue, and the second counts one admin left.
    const locked: { id: string; role: string }[] = await db.query(
      `SELECT id, role FROM users
        WHERE tenant_id = $1 AND removed_at IS NULL AND (id = $2 OR role = 'ADMIN')
        ORDER BY id FOR UPDATE`,
      [db.tenantId, id],
    );
    const member = locked.find((row) => row.id === id);
    if (!member) return refused('removedId', notFound('id', 'member'));
    if (member.role === 'ADMIN' && locked.filter((row) => row.role === 'ADMIN').length < 2)
      return refused(
        'removedId',
        fieldError(
          'id',
          'NOT_ALLOWED',
          'A consultancy needs at least one admin. Make someone else admin first.',
        ),
      );
    await db.query('UPDATE users SET removed_at = now() WHERE tenant_id = $1 AND id = $2', [db.tenantId, id]);
    await db.query(
      'UPDATE sessions SET revoked_at = now() WHERE tenant_id = $1 AND user_id = $2 AND revoked_at IS NULL',
      [db.tenantId, id],
    );
    return { removedId: id, userErrors: [] };
  });
}
