/**
 * The block every tenant table gets, in the migration that creates it. Keeping it in one function means a table
 * cannot be created half-protected; a catalog test (core/database/catalog.test.ts) checks every table against it.
 *
 * This file is part of reviewed migrations: change it only by adding a new function, never by editing this one,
 * or migrations that already ran would mean something different from what they did.
 */
export function tenantIsolation(table: string, fence?: { clientColumn: string }): string {
  const statements = [
    `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
    // FORCE makes the policy bind the table owner too, so even a connection as the owner cannot cross tenants.
    `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`,
    `CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant())`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO csp_app`,
  ];
  if (fence) {
    // Restrictive: it narrows what the tenant policy allows. Without a client set, it lets the whole tenant through.
    const rule = `app_client() IS NULL OR ${fence.clientColumn} = app_client()`;
    statements.push(
      `CREATE POLICY client_fence ON ${table} AS RESTRICTIVE USING (${rule}) WITH CHECK (${rule})`,
    );
  }
  return statements.join(';\n');
}

/**
 * For tables whose rows a client sees only once published (charter versions, audits): when a client fence is set
 * (a client leader, or a key fenced to one client), rows that are not published do not exist. `condition` is
 * the SQL that says a row is published; for child rows it can be an EXISTS on the parent.
 */
export function publishedOnlyForClients(table: string, condition: string): string {
  const rule = `app_client() IS NULL OR (${condition})`;
  return `CREATE POLICY published_only ON ${table} AS RESTRICTIVE USING (${rule})`;
}

/**
 * The client fence's rule as tables created from migration 1763800022000 on get it: `app_client()` in a scalar
 * subquery, so PostgreSQL reads the setting once per statement (an InitPlan) instead of once per row. Use it with
 * `tenantIsolation(table)` (no fence) for a new fenced table.
 */
export function clientFenceReadOnce(table: string, clientColumn: string): string {
  const rule = `(SELECT app_client()) IS NULL OR ${clientColumn} = (SELECT app_client())`;
  return `CREATE POLICY client_fence ON ${table} AS RESTRICTIVE USING (${rule}) WITH CHECK (${rule})`;
}
