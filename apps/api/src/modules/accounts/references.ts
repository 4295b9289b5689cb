import { In } from 'typeorm';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { MemberEntity, type MemberRow } from './entities.js';

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
