import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import type { RequestContext } from '../../core/context.js';
import { requireActor } from '../../core/auth/viewer.js';
import { recordAction } from '../../core/activity-trail.js';

/**
 * Columns that hold secrets or their hashes: never part of an export. Single sign-on's too: a client secret, and
 * what an open sign-in or a provider session would let someone replay (state, PKCE verifier, nonce, ID token).
 */
const SECRET_COLUMNS = new Set([
  'password_hash',
  'token_hash',
  'secret_hash',
  'secret',
  'oidc_client_secret',
  'state_hash',
  'code_verifier',
  'nonce',
  'id_token',
]);

/** Rows fetched from the export's cursor at a time: what the API holds of a table at once. */
export const EXPORT_BATCH_ROWS = 1000;

/**
 * The consultancy's tables: those with a tenant_id under forced row-level security (every tenant table, as
 * catalog.test.ts checks). The global directories (sign_in_directory, feedback_link_directory) have a tenant_id
 * too, but are reached only through their functions, and are not the consultancy's data.
 */
export async function tenantTables(db: TenantDb): Promise<string[]> {
  const rows: { table_name: string }[] = await db.query(
    `SELECT DISTINCT c.relname AS table_name FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND c.relforcerowsecurity
        AND a.attname = 'tenant_id' AND NOT a.attisdropped
      ORDER BY 1`,
  );
  return rows.map((row) => row.table_name);
}

function withoutSecrets(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([column]) => !SECRET_COLUMNS.has(column)));
}

/** One table's rows of this consultancy, in the export's order (named in the SELECT; row-level security fences them too). */
const tableQuery = (table: string) => `SELECT * FROM "${table}" WHERE tenant_id = $1 ORDER BY 1, 2`;

/**
 * The trail's entry for a download, in its own transaction (so the download holds its own entry): one that breaks
 * off rolls back, and then the request log (with its request id) is what shows the attempt. The GraphQL field,
 * a query like any other, records nothing, as before.
 */
export function recordExport(context: RequestContext) {
  return context.db.write((db) =>
    recordAction(db, context, {
      action: 'downloadConsultancyExport',
      object: { type: 'consultancy', id: db.tenantId },
      changedFields: [],
    }),
  );
}

/**
 * Every table's rows of the caller's consultancy as one JSON document, for GraphQL: whole in memory, so bounded by
 * the response budget (16 MB by default). A larger consultancy downloads the same rows from GET /exports/consultancy.
 */
export async function exportConsultancy(context: RequestContext) {
  const actor = requireActor(context.viewer);
  return context.db.read(async (db) => {
    const tables: Record<string, Record<string, unknown>[]> = {};
    for (const table of await tenantTables(db)) {
      const rows: Record<string, unknown>[] = await db.query(tableQuery(table), [db.tenantId]);
      tables[table] = rows.map(withoutSecrets);
    }
    return { exportedAt: new Date().toISOString(), tenantId: actor.tenantId, tables };
  });
}

/**
 * The same rows, a batch at a time from a cursor (DECLARE … FETCH) in the request's transaction, so the API holds
 * one batch of one table at a time however large the consultancy is. A SQL cursor rather than a driver-level one
 * (pg-query-stream): each FETCH is a statement of its own, so the statement timeout applies per batch and not to
 * the whole download, and every statement goes through TypeORM's logger like the rest (the statement test sees
 * them, and checks that the cursor's query names the tenant).
 */
export async function* exportedRows(
  context: RequestContext,
  table: string,
): AsyncGenerator<Record<string, unknown>[]> {
  await context.db.read((db) =>
    db.query(`DECLARE consultancy_export NO SCROLL CURSOR FOR ${tableQuery(table)}`, [db.tenantId]),
  );
  let open = true;
  try {
    while (open) {
      const rows: Record<string, unknown>[] = await context.db.read((db) =>
        db.query(`FETCH ${EXPORT_BATCH_ROWS} FROM consultancy_export`),
      );
      if (rows.length) yield rows.map(withoutSecrets);
      open = rows.length === EXPORT_BATCH_ROWS;
    }
  } finally {
    // Left open only when the download stopped midway; the rollback that follows closes it all the same.
    if (open) await context.db.read((db) => db.query('CLOSE consultancy_export')).catch(() => undefined);
  }
  await context.db.read((db) => db.query('CLOSE consultancy_export'));
}
