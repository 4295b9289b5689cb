import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Config } from '../config.js';
import { startEmbeddedPostgres } from './embedded.js';
import { migrate } from './data-source.js';

// Dates are calendar days: keep PostgreSQL's `date` as the 'YYYY-MM-DD' text it is, not a midnight in some zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export interface ProvisionedDatabase {
  /** The connection requests are served on: a role that owns nothing, so row-level security always applies. */
  appUrl: string;
  ownerUrl: string;
  appliedMigrations: string[];
  stop: () => Promise<void>;
}

/**
 * With DATABASE_URL, uses that database (and MIGRATION_DATABASE_URL, if given, for migrations). Without it, starts
 * the embedded PostgreSQL, creates the database and a login role for the API, and migrates.
 */
export async function provisionDatabase(
  config: Config,
  log: (line: string) => void,
): Promise<ProvisionedDatabase> {
  if (config.databaseUrl) {
    const ownerUrl = config.migrationDatabaseUrl ?? config.databaseUrl;
    // With migrations run by a separate job (infra/k8s), the API pods need no owner credentials at all.
    const appliedMigrations = config.skipMigrations ? [] : await migrate(ownerUrl);
    return { appUrl: config.databaseUrl, ownerUrl, appliedMigrations, stop: async () => undefined };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPort, log });
  try {
    await ensureDatabase(embedded.ownerUrl('postgres'), 'csp');
    const ownerUrl = embedded.ownerUrl('csp');
    const appliedMigrations = await migrate(ownerUrl);
    const appUrl = await ensureApiLogin(ownerUrl);
    return { appUrl, ownerUrl, appliedMigrations, stop: () => embedded.stop() };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}

export async function ensureDatabase(serverUrl: string, name: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      await client.query(
        `CREATE DATABASE ${pg.escapeIdentifier(name)}${template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : ''}`,
      );
    }
  } finally {
    await client.end();
  }
}

/**
 * The embedded database's API login: a member of `csp_app` (created by the first migration) with a fresh random
 * password at every start, so no password is stored anywhere.
 */
export async function ensureApiLogin(ownerUrl: string, password = randomBytes(24).toString('base64url')) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const exists = await client.query(`SELECT 1 FROM pg_roles WHERE rolname = 'csp_api'`);
    const verb = exists.rowCount === 0 ? 'CREATE' : 'ALTER';
    await client.query(`${verb} ROLE csp_api LOGIN PASSWORD ${pg.escapeLiteral(password)}`);
    await client.query('GRANT csp_app TO csp_api');
  } finally {
    await client.end();
  }
  const url = new URL(ownerUrl);
  url.username = 'csp_api';
  url.password = password;
  return url.toString();
}
