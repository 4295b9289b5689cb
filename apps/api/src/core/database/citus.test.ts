import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { GLOBAL_TABLES } from '../../../test/global-tables.js';

/**
 * The Citus path (infra/citus/distribute.sql), checked against the real migrated catalog: every tenant table is
 * distributed by tenant_id and co-located with consultancies, in an order Citus accepts (a table after every table
 * it references), and the schema meets Citus's prerequisites: tenant_id in every primary key, in every unique
 * constraint and index, paired with tenant_id in every foreign key between tenant tables, and no foreign key from a
 * global table into a tenant table.
 */
/** Global tables Citus must know about (the migrations table stays local to the coordinator). */
const REFERENCE_TABLES = [
  'sign_in_directory',
  'pending_sign_ups',
  'pre_tenant_mail',
  'feedback_link_directory',
  'sso_domain_routes',
];
const ANCHOR = 'consultancies';

const distributeSql = fs.readFileSync(
  fileURLToPath(new URL('../../../../../infra/citus/distribute.sql', import.meta.url)),
  'utf8',
);

interface Step {
  kind: 'distributed' | 'reference';
  table: string;
  column?: string;
  colocateWith?: string;
}

/** The create_distributed_table / create_reference_table calls of distribute.sql, in order, comments left out. */
function steps(): Step[] {
  const sql = distributeSql.replace(/--.*$/gm, '');
  const found: Step[] = [];
  const call = /(create_distributed_table|create_reference_table)\s*\(([^)]*)\)/gi;
  for (const match of sql.matchAll(call)) {
    const args = (match[2] ?? '').split(',').map((arg) => arg.trim());
    const literal = (text: string | undefined) => /'([^']*)'/.exec(text ?? '')?.[1];
    const table = literal(args[0]) ?? '';
    if (match[1]?.toLowerCase() === 'create_reference_table') {
      found.push({ kind: 'reference', table });
      continue;
    }
    const named = args.find((arg) => /^colocate_with\s*=>/i.test(arg));
    found.push({ kind: 'distributed', table, column: literal(args[1]), colocateWith: literal(named) });
  }
  return found;
}

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

async function publicTables(): Promise<string[]> {
  const rows = await api.ownerQuery<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`,
  );
  return rows.map((row) => row.name);
}

async function tenantTables(): Promise<string[]> {
  return (await publicTables()).filter((name) => !GLOBAL_TABLES.includes(name));
}

interface ForeignKey {
  name: string;
  from: string;
  to: string;
  pairs: [string, string][];
}

async function foreignKeys(): Promise<ForeignKey[]> {
  const rows = await api.ownerQuery<{ name: string; from: string; to: string; pairs: string[] }>(
    `SELECT con.conname AS name, c.relname AS from, r.relname AS to,
            array(SELECT a.attname || '=' || b.attname
                    FROM unnest(con.conkey, con.confkey) k(n, m)
                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n
                    JOIN pg_attribute b ON b.attrelid = con.confrelid AND b.attnum = k.m)::text[] AS pairs
       FROM pg_constraint con
       JOIN pg_class c ON c.oid = con.conrelid
       JOIN pg_class r ON r.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE con.contype = 'f' AND n.nspname = 'public'`,
  );
  return rows.map((row) => ({
    ...row,
    pairs: row.pairs.map((pair) => pair.split('=') as [string, string]),
  }));
}

describe('infra/citus/distribute.sql', () => {
  it('distributes every tenant table by tenant_id, each once, and nothing else', async () => {
    const tenant = await tenantTables();
    expect(tenant.length).toBeGreaterThan(10);
    const distributed = steps().filter((step) => step.kind === 'distributed');
    expect(distributed.map((step) => step.table).sort()).toEqual([...tenant].sort());
    for (const step of distributed) expect(step.column, step.table).toBe('tenant_id');
  });

  it('co-locates every tenant table with consultancies', () => {
    const distributed = steps().filter((step) => step.kind === 'distributed');
    expect(distributed[0]).toMatchObject({ table: ANCHOR, colocateWith: undefined });
    for (const step of distributed.slice(1)) expect(step.colocateWith, step.table).toBe(ANCHOR);
  });

  it('makes the global tables reference tables', async () => {
    const references = steps().filter((step) => step.kind === 'reference');
    expect(references.map((step) => step.table).sort()).toEqual([...REFERENCE_TABLES].sort());
    const tables = await publicTables();
    for (const table of REFERENCE_TABLES) expect(tables).toContain(table);
  });

  it('distributes each table after every table it references', async () => {
    const order = steps().map((step) => step.table);
    for (const key of await foreignKeys()) {
      if (key.from === key.to) continue;
      expect(order.indexOf(key.to), `${key.from}.${key.name} references ${key.to}`).toBeGreaterThanOrEqual(0);
      expect(order.indexOf(key.to), `${key.from}.${key.name}: ${key.to} comes later`).toBeLessThan(
        order.indexOf(key.from),
      );
    }
  });

  it('runs in one transaction', () => {
    const sql = distributeSql.replace(/--.*$/gm, '');
    expect(sql).toMatch(/^\s*BEGIN;/m);
    expect(sql).toMatch(/^\s*COMMIT;\s*$/m);
  });
});

describe('Citus prerequisites in the catalog', () => {
  it('has tenant_id in every primary key of a tenant table', async () => {
    const tenant = await tenantTables();
    const rows = await api.ownerQuery<{ table: string; columns: string[] }>(
      `SELECT c.relname AS table,
              array(SELECT a.attname FROM unnest(con.conkey) k(n)
                      JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n)::text[] AS columns
         FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
        WHERE con.contype = 'p' AND c.relname = ANY($1)`,
      [tenant],
    );
    expect(rows.map((row) => row.table).sort()).toEqual([...tenant].sort());
    for (const row of rows) expect(row.columns, row.table).toContain('tenant_id');
  });

  it('has tenant_id as a plain column of every unique constraint and unique index of a tenant table', async () => {
    const rows = await api.ownerQuery<{ index: string; table: string; columns: string[] }>(
      `SELECT i.relname AS index, c.relname AS table,
              array(SELECT a.attname FROM unnest(x.indkey::int2[]) k(n)
                      JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.n)::text[] AS columns
         FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_class c ON c.oid = x.indrelid
        WHERE x.indisunique AND c.relname = ANY($1)`,
      [await tenantTables()],
    );
    // Unique constraints and primary keys are backed by unique indexes, so this covers all three.
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) expect(row.columns, `${row.table}.${row.index}`).toContain('tenant_id');
  });

  it('pairs tenant_id with tenant_id in every foreign key between tenant tables', async () => {
    const tenant = new Set(await tenantTables());
    const keys = (await foreignKeys()).filter((key) => tenant.has(key.from) && tenant.has(key.to));
    expect(keys.length).toBeGreaterThan(20);
    for (const key of keys) {
      expect(key.pairs, `${key.from}.${key.name}`).toContainEqual(['tenant_id', 'tenant_id']);
    }
  });

  it('has no foreign key from a global table to a tenant table', async () => {
    const tenant = new Set(await tenantTables());
    const fromGlobal = (await foreignKeys()).filter((key) => GLOBAL_TABLES.includes(key.from));
    for (const key of fromGlobal) expect(tenant.has(key.to), `${key.from}.${key.name}`).toBe(false);
  });
});
