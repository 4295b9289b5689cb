import { In } from 'typeorm';
import {
  DEFAULT_DIGEST_SETTINGS,
  type Delivery,
  type DigestSettings,
  type PreferenceKind,
} from '@csp/domain';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { isUuid } from '../../core/user-errors.js';
import { rolesOfMembers } from '../accounts/index.js';
import { EmailDigestSettingsEntity } from './entities.js';
import { deliveriesOf } from './preferences.js';

/**
 * For whoever sends an email: how each recipient wants this kind, `IMMEDIATE` (send now), `DIGEST` (keep it for
 * their next digest) or `OFF` (send nothing). Every id asked about is in the answer; one that names no member of
 * this consultancy (removed, or never one) is OFF. Who may receive what (a client leader only their own client's
 * news) is the caller's business: this answers only how. Two statements: the members' roles (for the defaults),
 * then their choices of this kind.
 */
export async function recipientDelivery(
  db: TenantDb,
  memberIds: readonly string[],
  kind: PreferenceKind,
): Promise<Map<string, Delivery>> {
  const known = memberIds.filter(isUuid);
  const roles = known.length ? await rolesOfMembers(db, known) : new Map();
  return deliveriesOf(db, roles, memberIds, kind);
}

/**
 * For whoever sends digests: when each member's comes (with `nextDigestAt` from @csp/domain), in one statement;
 * a member who never chose gets DEFAULT_DIGEST_SETTINGS. Whether the id is a member at all is recipientDelivery's
 * question, not this one's.
 */
export async function digestSettingsOf(
  db: TenantDb,
  memberIds: readonly string[],
): Promise<Map<string, DigestSettings>> {
  const known = [...new Set(memberIds.filter(isUuid))];
  const rows = known.length
    ? await db.getRepository(EmailDigestSettingsEntity).findBy({ memberId: In(known) })
    : [];
  const byMember = new Map(rows.map((row) => [row.memberId, row]));
  return new Map(
    memberIds.map((id) => {
      const row = byMember.get(id);
      const settings: DigestSettings = row
        ? { cadence: row.cadence, weekday: row.weekday, timeZone: row.timeZone }
        : { ...DEFAULT_DIGEST_SETTINGS };
      return [id, settings];
    }),
  );
}
