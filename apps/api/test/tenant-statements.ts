import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { CROSS_TENANT_STATEMENTS } from '../src/core/tenancy/cross-tenant-statements.js';
import { loadParser, unpinnedTables } from './statement-pins.js';

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

/** Tenant tables are the tables with a tenant_id column, read from the migrated catalog. */
export async function tenantTables(databaseUrl: string): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT DISTINCT c.relname AS name FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attname = 'tenant_id' AND NOT a.attisdropped`,
    );
    return new Set(rows.map((row) => row.name));
  } finally {
    await client.end();
  }
}

export interface StatementReport {
  statements: number;
  allowed: number;
  unpinned: { sql: string; tables: string[] }[];
  /** Allow-list entries no statement of this run matched (stale, or their test did not run). */
  unused: string[];
}

export async function checkStatements(
  statements: string[],
  tables: ReadonlySet<string>,
): Promise<StatementReport> {
  await loadParser();
  const allowed = new Map(CROSS_TENANT_STATEMENTS.map((entry) => [normalise(entry.sql), entry]));
  const used = new Set<string>();
  const unpinned: StatementReport['unpinned'] = [];
  for (const sql of statements) {
    const left = unpinnedTables(sql, tables);
    if (!left.length) continue;
    if (allowed.has(sql)) {
      used.add(sql);
      continue;
    }
    unpinned.push({ sql, tables: left });
  }
  return {
    statements: statements.length,
    allowed: used.size,
    unpinned,
    unused: [...allowed.keys()].filter((sql) => !used.has(sql)),
  };
}

export function describeReport(report: StatementReport): string {
  return [
    `${report.unpinned.length} of ${report.statements} distinct statements touch a tenant table without naming the ` +
      'tenant (tenant_id = $n in the WHERE or a join), and are not in core/tenancy/cross-tenant-statements.ts:',
    ...report.unpinned.map(({ sql, tables }) => `  - [${tables.join(', ')}] ${sql}`),
  ].join('\n');
}
