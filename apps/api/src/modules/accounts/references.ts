import { In, IsNull } from 'typeorm';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { ConsultancyEntity, MemberEntity, type MemberRow } from './entities.js';

/** Checks other modules make on member ids they are given (an action's owner, an engagement's team). */

/**
 * The member with this id, as far as the caller may see them; null when there is none. A removed member is none:
 * nothing new may name them (their name stays on what they did).
 */
export async function memberOf(db: TenantDb, memberId: string): Promise<MemberRow | null> {
  return db.getRepository(MemberEntity).findOneBy({ id: memberId, removedAt: IsNull() });
}

/** The role of each of these members the caller can see, in one statement; unknown ids are left out. */
export async function rolesOfMembers(
  db: TenantDb,
  memberIds: readonly string[],
): Promise<Map<string, MemberRow['role']>> {
  const found = await db.getRepository(MemberEntity).findBy({ id: In([...memberIds]), removedAt: IsNull() });
  return new Map(found.map((m) => [m.id, m.role]));
}

/** These members as rows, in one statement, for whoever writes to them (an email's name and address); removed ones are left out. */
export async function membersByIds(
  db: TenantDb,
  memberIds: readonly string[],
): Promise<Map<string, MemberRow>> {
  if (!memberIds.length) return new Map();
  const found = await db
    .getRepository(MemberEntity)
    .findBy({ id: In([...new Set(memberIds)]), removedAt: IsNull() });
  return new Map(found.map((m) => [m.id, m]));
}

/** Who hears of a client's evidence on the consultancy's side when no engagement names a lead: the admins. */
export async function adminIdsOf(db: TenantDb): Promise<string[]> {
  const found = await db.getRepository(MemberEntity).findBy({ role: 'ADMIN', removedAt: IsNull() });
  return found.map((m) => m.id);
}

/** The client leaders of one client. */
export async function leaderIdsOfClient(db: TenantDb, clientId: string): Promise<string[]> {
  const found = await db
    .getRepository(MemberEntity)
    .findBy({ clientId, role: 'CLIENT_LEADER', removedAt: IsNull() });
  return found.map((m) => m.id);
}

/** The consultancy's name, as an email's frame says who it comes from. */
export async function consultancyNameOf(db: TenantDb): Promise<string> {
  const found = await db.getRepository(ConsultancyEntity).findOneBy({ tenantId: db.tenantId });
  return found?.name ?? 'Service Programme';
}

/** Whether the member can sign in with a password here (one who joined through single sign-on has none). */
export async function hasPassword(db: TenantDb, memberId: string): Promise<boolean> {
  const rows: { has: boolean }[] = await db.query(
    'SELECT password_hash IS NOT NULL AS has FROM users WHERE tenant_id = $1 AND id = $2',
    [db.tenantId, memberId],
  );
  return rows[0]?.has === true;
}
