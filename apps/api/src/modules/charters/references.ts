import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import type { RequestContext } from '../../core/context.js';
import { requireActor } from '../../core/auth/viewer.js';

/**
 * Checks other modules make against a charter (actions that follow a promise, audits that link one to criteria).
 * Each runs on the caller's `db` (inside its transaction, so under its row-level security) and names the tenant.
 */

/** The charter's client and whether any of its versions has the promise; null when no such charter. One statement. */
export async function promiseOfCharter(
  context: RequestContext,
  db: TenantDb,
  charterId: string,
  promiseKey: string,
): Promise<{ clientId: string; hasPromise: boolean } | null> {
  const rows: { client_id: string; has_promise: boolean }[] = await db.query(
    `SELECT c.client_id, EXISTS (
              SELECT 1 FROM charter_versions v
               WHERE v.tenant_id = c.tenant_id AND v.charter_id = c.id
                 AND v.promises @> jsonb_build_array(jsonb_build_object('key', $3::text))
            ) AS has_promise
       FROM charters c WHERE c.tenant_id = $1 AND c.id = $2`,
    [requireActor(context.viewer).tenantId, charterId, promiseKey],
  );
  const charter = rows[0];
  return charter ? { clientId: charter.client_id, hasPromise: charter.has_promise } : null;
}

/**
 * Locks the charter's row against key changes (FOR NO KEY UPDATE) for the rest of the caller's transaction, so two
 * callers working on the same charter's promises run one after the other; answers its client, or null.
 */
export async function lockCharter(
  context: RequestContext,
  db: TenantDb,
  charterId: string,
): Promise<{ clientId: string } | null> {
  const rows: { client_id: string }[] = await db.query(
    'SELECT client_id FROM charters WHERE tenant_id = $1 AND id = $2 FOR NO KEY UPDATE',
    [requireActor(context.viewer).tenantId, charterId],
  );
  return rows[0] ? { clientId: rows[0].client_id } : null;
}

/** Whether any version of the charter (a draft included) has a promise with this key. */
export async function charterHasPromise(
  context: RequestContext,
  db: TenantDb,
  charterId: string,
  promiseKey: string,
): Promise<boolean> {
  const rows = await db.query(
    'SELECT 1 FROM charter_versions WHERE tenant_id = $1 AND charter_id = $2 AND promises @> $3::jsonb LIMIT 1',
    [requireActor(context.viewer).tenantId, charterId, JSON.stringify([{ key: promiseKey }])],
  );
  return rows.length > 0;
}

/** The client's charter (one per client), whatever its versions' state; null when none is started or visible. */
export async function charterOfClient(
  context: RequestContext,
  db: TenantDb,
  clientId: string,
): Promise<{ charterId: string } | null> {
  const rows: { id: string }[] = await db.query(
    'SELECT id FROM charters WHERE tenant_id = $1 AND client_id = $2',
    [requireActor(context.viewer).tenantId, clientId],
  );
  return rows[0] ? { charterId: rows[0].id } : null;
}
