import {
  check,
  fieldError,
  ENGAGEMENT_STATUSES,
  isEngagementClosed,
  leaderHandOver,
  memberRoleInput,
  removesLastAdmin,
  type StaffDuties,
} from '@csp/domain';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import type { RequestContext } from '../../core/context.js';
import { isUuid, notFound } from '../../core/user-errors.js';
import { MemberEntity } from '../accounts/index.js';
import { clientExists } from '../clients/index.js';
import { refused, type Payload } from '../../core/payloads.js';

/**
 * Changes a member's role and client. Sessions hold no role (each request reads it from the member's row), so the
 * change applies from the member's very next request, and a demoted admin's open session loses admin rights then.
 */
export async function changeMemberRole(
  context: RequestContext,
  input: unknown,
): Promise<Payload<'MemberPayload'>> {
  const checked = check(memberRoleInput, input);
  if (!checked.ok) return refused('member', ...checked.errors);
  const { memberId, role, clientId } = checked.value;
  if (!isUuid(memberId)) return refused('member', notFound('memberId', 'member'));
  return context.db.write(async (db) => {
    // Every row the change depends on (the member, and for a demotion every admin) is locked in one statement, in
    // id order, so concurrent changes queue in one order: two admins demoting each other are serialised and the
    // second counts one admin and is refused. Locking the member in a statement of its own, after the admins, let
    // a change that had seen the member still as an admin hold its row while waiting for the others: a deadlock.
    // The roles read are those of the locked rows, so a demotion committed meanwhile is counted.
    const locked: { id: string; role: string }[] = await db.query(
      `SELECT id, role FROM users
        WHERE tenant_id = $3 AND removed_at IS NULL AND (id = $1 OR ($2 AND role = 'ADMIN'))
        ORDER BY id FOR UPDATE`,
      [memberId, role !== 'ADMIN', db.tenantId],
    );
    const members = db.getRepository(MemberEntity);
    const member = locked.some((row) => row.id === memberId)
      ? await members.findOneBy({ id: memberId })
      : null;
    if (!member) return refused('member', notFound('memberId', 'member'));
    const admins = locked.filter((row) => row.role === 'ADMIN');
    if (clientId && !(await clientExists(db, clientId))) {
      return refused('member', notFound('clientId', 'client'));
    }
    if (removesLastAdmin({ from: member.role, to: role, admins: admins.length })) {
      return refused(
        'member',
        fieldError(
          'role',
          'NOT_ALLOWED',
          'A consultancy needs at least one admin. Make someone else admin first.',
        ),
      );
    }
    if (role === 'CLIENT_LEADER' && clientId) {
      const handOver = leaderHandOver(await staffDuties(db, member.id, clientId));
      if (handOver) return refused('member', fieldError('role', 'NOT_ALLOWED', handOver));
    }
    const changes = { role, clientId: clientId ?? null };
    await members.update({ id: member.id }, changes);
    return { member: { ...member, ...changes }, userErrors: [] };
  });
}

const OPEN_ENGAGEMENT = ENGAGEMENT_STATUSES.filter((status) => !isEngagementClosed(status));

/** What the member holds that a leader of `clientId` could not (see `leaderHandOver`). */
async function staffDuties(db: TenantDb, memberId: string, clientId: string): Promise<StaffDuties> {
  const [duties] = (await db.query(
    `SELECT (SELECT count(*)::int FROM engagements
              WHERE tenant_id = $4 AND lead_consultant_id = $1 AND status = ANY ($3)) AS "leadsEngagements",
            (SELECT count(*)::int FROM engagement_team_members t
               JOIN engagements e ON e.tenant_id = t.tenant_id AND e.id = t.engagement_id
              WHERE t.tenant_id = $4 AND t.user_id = $1 AND e.status = ANY ($3)) AS "onEngagementTeams",
            (SELECT count(*)::int FROM actions
              WHERE tenant_id = $4 AND owner_id = $1 AND client_id <> $2 AND status <> 'DONE') AS "openActionsElsewhere"`,
    [memberId, clientId, OPEN_ENGAGEMENT, db.tenantId],
  )) as StaffDuties[];
  return duties ?? { leadsEngagements: 0, onEngagementTeams: 0, openActionsElsewhere: 0 };
}
