import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { fieldError, type FieldError } from '@csp/domain';
import { rolesOfMembers } from '../accounts/index.js';
import { EngagementEntity, type EngagementRow } from './entities.js';

/** The engagement with this id, as far as the caller may see it; null when there is none. */
export async function engagementOf(db: TenantDb, engagementId: string): Promise<EngagementRow | null> {
  return db.getRepository(EngagementEntity).findOneBy({ id: engagementId });
}

/**
 * Leads and team members must be consultants or admins of this consultancy; a client leader is on the client's
 * side of the table. Unknown ids (including other consultancies' ids) are "not found".
 */
export async function checkConsultants(
  db: TenantDb,
  lead: string | null | undefined,
  team: readonly string[] | undefined,
): Promise<FieldError[]> {
  const ids = [...new Set([...(lead ? [lead] : []), ...(team ?? [])])];
  if (ids.length === 0) return [];
  const roleOf = await rolesOfMembers(db, ids);
  const problem = (field: string, id: string): FieldError[] => {
    const role = roleOf.get(id);
    if (!role) return [fieldError(field, 'NOT_FOUND', 'No member has this id.')];
    if (role === 'CLIENT_LEADER') {
      return [fieldError(field, 'NOT_ALLOWED', 'Client leaders cannot lead or staff an engagement.')];
    }
    return [];
  };
  return [
    ...(lead ? problem('leadConsultantId', lead) : []),
    ...(team ?? []).flatMap((id, index) => problem(`teamMemberIds.${index}`, id)),
  ];
}

/**
 * The consultancy's people on a client's running engagements (proposed, active or on hold): each lead and each
 * team member, once. They are who hears of the client's evidence as it comes in.
 */
export async function consultantsOnClient(db: TenantDb, clientId: string): Promise<string[]> {
  const rows = (await db.query(
    `SELECT e.lead_consultant_id AS id FROM engagements e
      WHERE e.tenant_id = $1 AND e.client_id = $2 AND e.status IN ('PROPOSED', 'ACTIVE', 'ON_HOLD')
        AND e.lead_consultant_id IS NOT NULL
     UNION
     SELECT t.user_id FROM engagement_team_members t
       JOIN engagements e ON e.tenant_id = t.tenant_id AND e.id = t.engagement_id
      WHERE t.tenant_id = $1 AND t.client_id = $2 AND e.tenant_id = $1
        AND e.status IN ('PROPOSED', 'ACTIVE', 'ON_HOLD')`,
    [db.tenantId, clientId],
  )) as { id: string }[];
  return rows.map((row) => row.id);
}
