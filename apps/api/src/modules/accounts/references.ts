import { In } from 'typeorm';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { ConsultancyEntity, MemberEntity, type MemberRow } from './entities.js';

/** Checks other modules make on member ids they are given (an action's owner, an engagement's team). */

/** The member with this id, as far as the caller may see them; null when there is none. */
export async function memberOf(db: TenantDb, memberId: string): Promise<MemberRow | null> {
  return db.getRepository(MemberEntity).findOneBy({ id: memberId });
}

/** The role of each of these members the caller can see, in one statement; unknown ids are left out. */
export async function rolesOfMembers(
  db: TenantDb,
  memberIds: readonly string[],
): Promise<Map<string, MemberRow['role']>> {
  const found = await db.getRepository(MemberEntity).findBy({ id: In([...memberIds]) });
  return new Map(found.map((m) => [m.id, m.role]));
}

/** These members as rows, in one statement, for whoever writes to them (an email's name and address). */
export async function membersByIds(
  db: TenantDb,
  memberIds: readonly string[],
): Promise<Map<string, MemberRow>> {
  if (!memberIds.length) return new Map();
  const found = await db.getRepository(MemberEntity).findBy({ id: In([...new Set(memberIds)]) });
  return new Map(found.map((m) => [m.id, m]));
}

/** Who hears of a client's evidence on the consultancy's side when no engagement names a lead: the admins. */
export async function adminIdsOf(db: TenantDb): Promise<string[]> {
  const found = await db.getRepository(MemberEntity).findBy({ role: 'ADMIN' });
  return found.map((m) => m.id);
}

/** The client leaders of one client. */
export async function leaderIdsOfClient(db: TenantDb, clientId: string): Promise<string[]> {
  const found = await db.getRepository(MemberEntity).findBy({ clientId, role: 'CLIENT_LEADER' });
  return found.map((m) => m.id);
}

/** The consultancy's name, as an email's frame says who it comes from. */
export async function consultancyNameOf(db: TenantDb): Promise<string> {
  const found = await db.getRepository(ConsultancyEntity).findOneBy({ tenantId: db.tenantId });
  return found?.name ?? 'Service Programme';
}
