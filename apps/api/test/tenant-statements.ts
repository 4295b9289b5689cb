import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { CROSS_TENANT_STATEMENTS, DATABASE_FUNCTIONS } from '../src/core/tenancy/cross-tenant-statements.js';
import { functionsCalled, loadParser, unpinnedTables } from './statement-pins.js';

/** Whitespace-insensitive form of a statement, for comparing with the allow-list. */
export const normalise = (sql: string) => sql.replace(/\s+/g, ' ').trim();

/** Every distinct statement the API processes of this run wrote to `folder` (see core/database/data-source.ts). */
export function capturedStatements(folder: string): string[] {
  const statements = new Set<string>();
  for (const file of fs.existsSync(folder) ? fs.readdirSync(folder) : []) {
    if (!file.endsWith('.jsonl')) continue;
    for (const line of fs.readFileSync(path.join(folder, file), 'utf8').split('\n')) {
      if (line) statements.add(normalise((JSON.parse(line) as { sql: string }).sql));
    }
  }
  return [...statements].sort();
}

async function catalogNames(databaseUrl: string, sql: string): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(sql);
    return new Set(rows.map((row) => row.name));
  } finally {
    await client.end();
  }
}

/**
 * Tenant tables, read from the migrated catalog: the tables with a tenant_id column under forced row-level security
 * (every one, as catalog.test.ts checks). sign_in_directory has a tenant_id too, but is global by design: a
 * reference table on Citus, reached only through its SECURITY DEFINER functions.
 */
export function tenantTables(databaseUrl: string): Promise<Set<string>> {
  return catalogNames(
    databaseUrl,
    `SELECT DISTINCT c.relname AS name FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relforcerowsecurity
        AND a.attname = 'tenant_id' AND NOT a.attisdropped`,
  );
}

/** The functions our migrations created (in public, triggers aside), from the migrated catalog. */
export function databaseFunctions(databaseUrl: string): Promise<Set<string>> {
  return catalogNames(
    databaseUrl,
    `SELECT DISTINCT proname AS name FROM pg_proc
      WHERE pronamespace = 'public'::regnamespace AND prokind = 'f' AND prorettype <> 'trigger'::regtype`,
  );
}

export interface StatementReport {
  statements: number;
  /** Statements that cross tenants by design (a listed statement, or a call of a function that crosses). */
  crossing: number;
  unpinned: { sql: string; tables: string[] }[];
  /** Statements calling a function of ours that DATABASE_FUNCTIONS does not list: the test cannot see inside. */
  unlistedFunctions: { sql: string; functions: string[] }[];
  /** Allow-listed statements no statement of this run matched (stale, or their test did not run). */
  unused: string[];
}

export async function checkStatements(
  statements: string[],
  tables: ReadonlySet<string>,
  functions: ReadonlySet<string>,
): Promise<StatementReport> {
  await loadParser();
  const allowed = new Set(CROSS_TENANT_STATEMENTS.map((entry) => normalise(entry.sql)));
  const used = new Set<string>();
  const report: StatementReport = {
    statements: statements.length,
    crossing: 0,
    unpinned: [],
    unlistedFunctions: [],
    unused: [],
  };
  for (const sql of statements) {
    const called = functionsCalled(sql).filter((name) => functions.has(name));
    const unlisted = called.filter((name) => !(name in DATABASE_FUNCTIONS));
    if (unlisted.length) report.unlistedFunctions.push({ sql, functions: unlisted });
    const left = unpinnedTables(sql, tables);
    if (left.length && allowed.has(sql)) used.add(sql);
    else if (left.length) report.unpinned.push({ sql, tables: left });
    if (allowed.has(sql) || called.some((name) => DATABASE_FUNCTIONS[name]?.crossesTenants))
      report.crossing++;
  }
  report.unused = [...allowed].filter((sql) => !used.has(sql));
  return report;
}

export function failed(report: StatementReport): boolean {
  return report.unpinned.length > 0 || report.unlistedFunctions.length > 0;
}

export function describeReport(report: StatementReport): string {
  const lines: string[] = [];
  if (report.unpinned.length) {
    lines.push(
      `${report.unpinned.length} of ${report.statements} distinct statements touch a tenant table without naming ` +
        'the tenant (tenant_id = $n in the WHERE or a join), and are not in core/tenancy/cross-tenant-statements.ts:',
      ...report.unpinned.map(({ sql, tables }) => `  - [${tables.join(', ')}] ${sql}`),
    );
  }
  if (report.unlistedFunctions.length) {
    lines.push(
      `${report.unlistedFunctions.length} statements call a database function that DATABASE_FUNCTIONS in ` +
        'core/tenancy/cross-tenant-statements.ts does not list (say whether it crosses tenants, and why):',
      ...report.unlistedFunctions.map(({ sql, functions }) => `  - [${functions.join(', ')}] ${sql}`),
    );
  }
  return lines.join('\n');
}
