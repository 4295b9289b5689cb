import fs from 'node:fs';
import path from 'node:path';
import { DataSource, type EntitySchema, type Logger, type QueryRunner } from 'typeorm';
import { migrations } from '../../migrations/index.js';
import { readConfig } from '../config.js';

/**
 * With CSP_STATEMENT_LOG set to a folder (the test run sets it, see test/global-setup.ts), every distinct statement
 * this process sends is appended to a file of its own there, one JSON line each, for the check that every statement
 * names its tenant (test/tenant-statements.ts).
 */
function statementLog(folder: string | undefined): ((sql: string) => void) | null {
  if (!folder) return null;
  const file = path.join(folder, `${process.pid}.jsonl`);
  const seen = new Set<string>();
  return (sql) => {
    if (seen.has(sql)) return;
    seen.add(sql);
    fs.appendFileSync(file, `${JSON.stringify({ sql })}\n`);
  };
}
/** Decided by the first data source made, once the configuration is read (undefined until then). */
let logStatement: ((sql: string) => void) | null | undefined;

type StatementListener = (sql: string, parameters: readonly unknown[]) => void;
const listeners = new Set<StatementListener>();

/** Calls `listener` with every statement this process sends, until the returned function is called (for tests). */
export function watchStatements(listener: StatementListener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/**
 * Counts the statements each request sends (TypeORM's through its logger, lean reads by calling it themselves),
 * so tests can prove DataLoaders keep the count flat and benchmarks can
 * print statements per request. The count lives on the request's query runner.
 */
export function noteStatement(query: string, parameters: readonly unknown[], runner?: QueryRunner): void {
  logStatement?.(query);
  for (const listener of listeners) listener(query, parameters);
  if (runner) runner.data = { ...runner.data, statements: ((runner.data?.statements as number) ?? 0) + 1 };
}

const statementCounter: Logger = {
  logQuery: (query: string, parameters?: unknown[], runner?: QueryRunner) =>
    noteStatement(query, parameters ?? [], runner),
  logQueryError: () => undefined,
  logQuerySlow: () => undefined,
  logSchemaBuild: () => undefined,
  logMigration: () => undefined,
  log: () => undefined,
};

export function createAppDataSource(
  url: string,
  entities: EntitySchema[],
  options: { poolSize?: number; statementTimeoutMs?: number } = {},
) {
  const config = readConfig();
  if (logStatement === undefined) logStatement = statementLog(config.statementLogDir);
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    synchronize: false,
    logging: ['query'],
    logger: statementCounter,
    poolSize: options.poolSize ?? 20,
    extra: {
      // A runaway query is cancelled rather than holding a connection: 10 s is far above any screen's need.
      statement_timeout: options.statementTimeoutMs ?? config.statementTimeoutMs,
      connectionTimeoutMillis: 5_000,
      application_name: 'csp-api',
    },
  });
}

/** Applies pending migrations as the table owner, each in its own transaction. */
export async function migrate(ownerUrl: string): Promise<string[]> {
  const owner = new DataSource({
    type: 'postgres',
    url: ownerUrl,
    migrations,
    migrationsTransactionMode: 'each',
  });
  await owner.initialize();
  try {
    const applied = await owner.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await owner.destroy();
  }
}
