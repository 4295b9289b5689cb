import type { TestApi } from './test-api.js';

/** Every table that carries a tenant id (the sign-in directory is global, keyed by email). */
export async function tenantTables(api: TestApi): Promise<string[]> {
  const rows = await api.ownerQuery<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenant_id'`,
  );
  return rows.map((r) => r.table_name).filter((t) => t !== 'sign_in_directory');
}

/**
 * One checksum per table of a tenant's rows, to show that a refused call wrote nothing. The activity trail (which
 * records refusals too), sessions (sign-ins) and API keys (last used) change with every call by design.
 */
export async function tenantChecksums(api: TestApi, tenantId: string): Promise<Record<string, string>> {
  const sums: Record<string, string> = {};
  for (const table of await tenantTables(api)) {
    if (table === 'activity_trail' || table === 'sessions' || table === 'api_keys') continue;
    const [row] = await api.ownerQuery<{ sum: string | null }>(
      `SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) AS sum FROM ${table} t WHERE tenant_id = $1`,
      [tenantId],
    );
    sums[table] = row?.sum ?? 'empty';
  }
  return sums;
}
