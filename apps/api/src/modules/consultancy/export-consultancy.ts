import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import type { RequestContext } from '../../core/context.js';
import { requireActor } from '../../core/auth/viewer.js';

/** Columns that hold secrets or their hashes: never part of an export. */
const SECRET_COLUMNS = new Set(['password_hash', 'token_hash', 'secret_hash', 'secret']);

export async function tenantTables(db: TenantDb): Promise<string[]> {
  const rows: { table_name: string }[] = await db.query(
    `SELECT table_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'tenant_id' AND table_name <> 'sign_in_directory'
      ORDER BY table_name`,
  );
  return rows.map((row) => row.table_name);
}

/** Every table's rows of the caller's consultancy (named in each SELECT; row-level security fences them too). */
export async function exportConsultancy(context: RequestContext) {
  const actor = requireActor(context.viewer);
  return context.db.read(async (db) => {
    const tables: Record<string, Record<string, unknown>[]> = {};
    for (const table of await tenantTables(db)) {
      const rows: Record<string, unknown>[] = await db.query(
        `SELECT * FROM "${table}" WHERE tenant_id = $1 ORDER BY 1, 2`,
        [db.tenantId],
      );
      tables[table] = rows.map((row) =>
        Object.fromEntries(Object.entries(row).filter(([column]) => !SECRET_COLUMNS.has(column))),
      );
    }
    return { exportedAt: new Date().toISOString(), tenantId: actor.tenantId, tables };
  });
}
