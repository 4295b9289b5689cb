import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import type { RequestContext } from '../../core/context.js';
import { requireActor } from '../../core/auth/viewer.js';

/**
 * The audit's client and whether its framework has the criterion; null when the caller can see no such audit. One
 * statement, on the caller's `db`, for modules that point at an audit's finding (actions).
 */
export async function criterionOfAudit(
  context: RequestContext,
  db: TenantDb,
  auditId: string,
  criterionKey: string,
): Promise<{ clientId: string; hasCriterion: boolean } | null> {
  const rows: { client_id: string; has_criterion: boolean }[] = await db.query(
    `SELECT client_id, EXISTS (
              SELECT 1 FROM jsonb_array_elements(framework -> 'sections') s,
                            jsonb_array_elements(s -> 'criteria') c
               WHERE c ->> 'key' = $3) AS has_criterion
       FROM audits WHERE tenant_id = $1 AND id = $2`,
    [requireActor(context.viewer).tenantId, auditId, criterionKey],
  );
  const audit = rows[0];
  return audit ? { clientId: audit.client_id, hasCriterion: audit.has_criterion } : null;
}

/**
 * Whether the client's audits use the framework (any audit of the client on it, as far as the caller sees), and
 * whether one of those audits' framework versions has the criterion. One statement, for touch points that name the
 * criteria testing them.
 */
export async function criterionOfClientAudits(
  context: RequestContext,
  db: TenantDb,
  clientId: string,
  frameworkKey: string,
  criterionKey: string,
): Promise<{ usesFramework: boolean; hasCriterion: boolean }> {
  const rows: { uses_framework: boolean; has_criterion: boolean }[] = await db.query(
    `SELECT count(*) > 0 AS uses_framework,
            coalesce(bool_or(EXISTS (
              SELECT 1 FROM jsonb_array_elements(a.framework -> 'sections') s,
                            jsonb_array_elements(s -> 'criteria') c
               WHERE c ->> 'key' = $4)), false) AS has_criterion
       FROM audits a WHERE a.tenant_id = $1 AND a.client_id = $2 AND a.framework_key = $3`,
    [requireActor(context.viewer).tenantId, clientId, frameworkKey, criterionKey],
  );
  return { usesFramework: rows[0]?.uses_framework ?? false, hasCriterion: rows[0]?.has_criterion ?? false };
}
