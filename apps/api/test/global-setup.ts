import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../src/core/database/embedded.js';
import { ensureApiLogin, ensureDatabase } from '../src/core/database/provision.js';
import { migrate } from '../src/core/database/data-source.js';
import {
  capturedStatements,
  checkStatements,
  databaseFunctions,
  describeReport,
  failed,
  tenantTables,
} from './tenant-statements.js';

export const TEMPLATE = 'csp_test_template';
export const API_PASSWORD = 'csp-api-test-password';

declare module 'vitest' {
  export interface ProvidedContext {
    /** An owner (superuser) URL of the test server, with the database name left to each test file. */
    testServerUrl: string;
  }
}

/**
 * One real PostgreSQL for the whole run: the embedded one on a port of its own in a temporary folder, or the
 * server of DATABASE_URL when set. Migrations run once into a template database; each test file then gets a
 * fresh copy of it, so files run in parallel without seeing each other's rows.
 */
export default async function setup(project: TestProject) {
  let stop = async () => undefined as void;
  let serverUrl: URL;
  if (process.env.DATABASE_URL) {
    serverUrl = new URL(process.env.DATABASE_URL);
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-test-'));
    fs.chmodSync(dataDir, 0o755); // initdb runs as the postgres user when we are root
    const embedded = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    serverUrl = new URL(embedded.ownerUrl('postgres'));
    stop = async () => {
      await embedded.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    };
  }
  const adminUrl = withDatabase(serverUrl, serverUrl.pathname.slice(1) || 'postgres');
  await dropDatabase(adminUrl, TEMPLATE);
  await ensureDatabase(adminUrl, TEMPLATE);
  await migrate(withDatabase(serverUrl, TEMPLATE));
  await ensureApiLogin(withDatabase(serverUrl, TEMPLATE), API_PASSWORD);
  project.provide('testServerUrl', serverUrl.toString());
  // Every API process of the run (test files, and APIs they start as child processes) logs its distinct
  // statements here; at the end all of them must name their tenant (test/tenant-statements.ts).
  const statementLog = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-statements-'));
  process.env.CSP_STATEMENT_LOG = statementLog;
  return async () => {
    try {
      await checkTenantStatements(statementLog, withDatabase(serverUrl, TEMPLATE));
    } finally {
      await stop();
    }
  };
}

/**
 * Fails the run when a statement of the API left a tenant table unpinned. Vitest prints an error thrown by a
 * global teardown but still exits 0, so the exit code is set here as well.
 */
async function checkTenantStatements(folder: string, templateUrl: string) {
  const statements = capturedStatements(folder);
  const report = await checkStatements(
    statements,
    await tenantTables(templateUrl),
    await databaseFunctions(templateUrl),
  );
  fs.writeFileSync(path.join(folder, 'report.json'), JSON.stringify(report, null, 2));
  if (failed(report)) {
    process.exitCode = 1;
    throw new Error(`${describeReport(report)}\n(all statements of this run: ${folder})`);
  }
  console.log(
    `Tenant statements: ${report.statements} distinct statements, each names its tenant ` +
      `(${report.crossing} cross tenants by design, core/tenancy/cross-tenant-statements.ts).`,
  );
  fs.rmSync(folder, { recursive: true, force: true });
}

export function withDatabase(serverUrl: URL | string, database: string): string {
  const url = new URL(serverUrl.toString());
  url.pathname = `/${database}`;
  return url.toString();
}

async function dropDatabase(adminUrl: string, name: string) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  await client.end();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
