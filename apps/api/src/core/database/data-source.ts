import { DataSource, type EntitySchema, type Logger, type QueryRunner } from 'typeorm';
import { migrations } from '../../migrations/index.js';
import { readConfig } from '../config.js';

/**
 * Counts the statements each request sends, so tests can prove DataLoaders keep the count flat and benchmarks can
 * print statements per request. The count lives on the request's query runner.
 */
const statementCounter: Logger = {
  logQuery: (_query: string, _parameters?: unknown[], runner?: QueryRunner) => {
    if (runner) runner.data = { ...runner.data, statements: ((runner.data?.statements as number) ?? 0) + 1 };
  },
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
      statement_timeout: options.statementTimeoutMs ?? readConfig().statementTimeoutMs,
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
