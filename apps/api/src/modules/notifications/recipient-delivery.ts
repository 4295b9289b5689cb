import type { Delivery, PreferenceKind } from '@csp/domain';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { isUuid } from '../../core/user-errors.js';
import { rolesOfMembers } from '../accounts/index.js';
import { deliveriesOf } from './preferences.js';

/**
 * For whoever sends an email: how each recipient wants this kind, `IMMEDIATE` (send now), `DIGEST` (keep it for
 * their next digest) or `OFF` (send nothing). Every id asked about is in the answer; one that names no member of
 * this consultancy (removed, or never one) is OFF. Who may receive what (a client leader only their own client's
 * news) is the caller's business: this answers only how.
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
