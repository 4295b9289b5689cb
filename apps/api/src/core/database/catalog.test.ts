import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { signUpConsultancy } from '../../../test/factories.js';
import { GLOBAL_TABLES } from '../../../test/global-tables.js';

/**
 * The schema's tenancy, checked in the real catalog rather than by reading migrations: every table is either a
 * tenant table with tenant_id leading its keys and forced row-level security, or one of the few global tables.
 * These are also the prerequisites for distributing the schema by tenant_id on Citus.
 */

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

async function tenantTables(): Promise<string[]> {
  const rows = await api.ownerQuery<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1`,
  );
  return rows.map((r) => r.name).filter((name) => !GLOBAL_TABLES.includes(name));
}

describe('tenant tables in the catalog', () => {
  it('finds the tables of this issue', async () => {
    expect(await tenantTables()).toEqual(
      expect.arrayContaining(['clients', 'consultancies', 'engagements', 'milestones', 'sessions', 'users']),
    );
  });

  it('forces row-level security with a tenant policy on every tenant table', async () => {
    const rows = await api.ownerQuery<{
      name: string;
      enabled: boolean;
      forced: boolean;
      policies: string[];
    }>(
      `SELECT c.relname AS name, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
              coalesce(array_agg(p.polname) FILTER (WHERE p.polname IS NOT NULL), '{}') AS policies
         FROM pg_class c LEFT JOIN pg_policy p ON p.polrelid = c.oid
        WHERE c.relname = ANY($1) GROUP BY 1, 2, 3`,
      [await tenantTables()],
    );
    for (const row of rows) {
      expect(row, row.name).toMatchObject({ enabled: true, forced: true });
      expect(row.policies, row.name).toContain('tenant_isolation');
    }
  });

  it('reads the client fence once per statement in every policy, never once per row', async () => {
    // Migration 1763800022000: a bare app_client() is inlined into each row's filter; `(SELECT app_client())`
    // is evaluated once. Every restrictive policy names the fence, so there are some to check.
    const rows = await api.ownerQuery<{ table: string; policy: string; rule: string }>(
      `SELECT tablename AS table, policyname AS policy, coalesce(qual, '') || ' ' || coalesce(with_check, '') AS rule
         FROM pg_policies WHERE schemaname = 'public' AND (qual LIKE '%app_client%' OR with_check LIKE '%app_client%')`,
    );
    expect(rows.length).toBeGreaterThan(30);
    for (const row of rows) {
      expect(
        row.rule.replaceAll('( SELECT app_client() AS app_client)', ''),
        `${row.table}.${row.policy}`,
      ).not.toContain('app_client()');
    }
  });

  it('puts tenant_id first in every primary key and inside every unique constraint', async () => {
    const rows = await api.ownerQuery<{ name: string; table: string; type: string; columns: string[] }>(
      `SELECT con.conname AS name, c.relname AS table, con.contype AS type,
              array(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS columns
         FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
        WHERE con.contype IN ('p', 'u') AND c.relname = ANY($1)`,
      [await tenantTables()],
    );
    const indexes = await api.ownerQuery<{ name: string; definition: string }>(
      `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
        WHERE schemaname = 'public' AND indexdef LIKE 'CREATE UNIQUE%' AND tablename = ANY($1)`,
      [await tenantTables()],
    );
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      if (row.type === 'p') expect(row.columns[0], `${row.table}.${row.name}`).toBe('tenant_id');
      else expect(row.columns, `${row.table}.${row.name}`).toContain('tenant_id');
    }
    for (const index of indexes) expect(index.definition, index.name).toMatch(/\(tenant_id[,)]/);
  });

  it('includes tenant_id in every foreign key between tenant tables, and none from a global table', async () => {
    const rows = await api.ownerQuery<{ name: string; from: string; to: string; columns: string[] }>(
      `SELECT con.conname AS name, c.relname AS from, r.relname AS to,
              array(SELECT a.attname FROM unnest(con.conkey) k(n)
                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n)::text[] AS columns
         FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_class r ON r.oid = con.confrelid
        WHERE con.contype = 'f'`,
    );
    const tenant = new Set(await tenantTables());
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      expect(tenant.has(row.from), `${row.name} starts at a global table`).toBe(true);
      expect(row.columns, `${row.from}.${row.name}`).toContain('tenant_id');
    }
  });

  it('serves requests as a role that owns no table and cannot bypass row-level security', async () => {
    const [role] = await api.ownerQuery<{ bypass: boolean; super: boolean }>(
      `SELECT rolbypassrls AS bypass, rolsuper AS super FROM pg_roles WHERE rolname = 'csp_api'`,
    );
    expect(role).toEqual({ bypass: false, super: false });
    const owned = await api.ownerQuery(
      `SELECT 1 FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname IN ('csp_api', 'csp_app')`,
    );
    expect(owned).toHaveLength(0);
  });
});

describe('row-level security at work', () => {
  it('shows the API role zero rows when no tenant is set, and only its tenant when one is', async () => {
    const a = await signUpConsultancy(api);
    await signUpConsultancy(api);
    expect(await asApiRole(api, null, 'SELECT count(*)::int AS n FROM users')).toBe(0);
    expect(await asApiRole(api, null, 'SELECT count(*)::int AS n FROM consultancies')).toBe(0);
    expect(await asApiRole(api, a.tenantId, 'SELECT count(*)::int AS n FROM users')).toBe(1);
    expect(await asApiRole(api, a.tenantId, 'SELECT count(*)::int AS n FROM consultancies')).toBe(1);
  });

  it('keeps the sign-in directory out of reach of a plain SELECT by the API role', async () => {
    await expect(asApiRole(api, null, 'SELECT count(*)::int AS n FROM sign_in_directory')).rejects.toThrow(
      /permission denied/,
    );
  });

  it('keeps pending sign-ups (password hashes of people not yet members) out of reach as well', async () => {
    await expect(asApiRole(api, null, 'SELECT count(*)::int AS n FROM pending_sign_ups')).rejects.toThrow(
      /permission denied/,
    );
  });

  it('keeps pre-tenant mail (sign-up links, addresses of people not yet members) out of reach as well', async () => {
    await expect(asApiRole(api, null, 'SELECT count(*)::int AS n FROM pre_tenant_mail')).rejects.toThrow(
      /permission denied/,
    );
  });

  it('refuses, in the database itself, a row written into another tenant', async () => {
    const a = await signUpConsultancy(api);
    const b = await signUpConsultancy(api);
    await expect(
      asApiRole(
        api,
        a.tenantId,
        `INSERT INTO clients (tenant_id, name, industry) VALUES ('${b.tenantId}', 'Smuggled', 'RETAIL') RETURNING 1`,
      ),
    ).rejects.toThrow(/row-level security/);
  });
});

/** Runs one statement as the API's role, in a transaction with the given tenant (or none) set. */
function asApiRole(api: TestApi, tenantId: string | null, sql: string): Promise<number> {
  return api.ownerSession(async (query) => {
    await query('BEGIN');
    try {
      await query('SET LOCAL ROLE csp_api');
      if (tenantId) await query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      const rows = await query(sql);
      return (rows[0]?.n as number | undefined) ?? rows.length;
    } finally {
      await query('ROLLBACK');
    }
  });
}
