import pg from 'pg';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../apps/api/src/core/database/embedded.js';
import { ensureApiLogin, ensureDatabase } from '../../apps/api/src/core/database/provision.js';
import { migrate } from '../../apps/api/src/core/database/data-source.js';

export interface BenchDatabase {
  /** The owner (a superuser of the embedded server): what the generator and the baseline connect as. */
  ownerUrl: string;
  /** The API's role: owns nothing, so row-level security applies as in production. */
  appUrl: string;
  stop(): Promise<void>;
}

/** A fresh embedded PostgreSQL in a temporary folder on a free loopback port, migrated, with the API's role. */
export async function startBenchDatabase(
  log: (line: string) => void = () => undefined,
): Promise<BenchDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-bench-'));
  fs.chmodSync(dataDir, 0o755); // initdb runs as the postgres user when we are root
  // pg_stat_statements gives each operation's time inside PostgreSQL, apart from everything else on the machine.
  const embedded = await startEmbeddedPostgres({
    dataDir,
    port: await freePort(),
    log,
    settings: ['shared_preload_libraries=pg_stat_statements', 'pg_stat_statements.track_planning=on'],
  });
  const cleanUp = async () => {
    await embedded.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await ensureDatabase(embedded.ownerUrl('postgres'), 'bench');
    const ownerUrl = embedded.ownerUrl('bench');
    await migrate(ownerUrl);
    await createStatementStatistics(ownerUrl);
    const appUrl = await ensureApiLogin(ownerUrl);
    return { ownerUrl, appUrl, stop: cleanUp };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port')),
      );
    });
  });
}

async function createStatementStatistics(ownerUrl: string) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  } finally {
    await client.end();
  }
}

/**
 * Time inside PostgreSQL (planning and execution) of the API role's statements since the last call, as the server
 * measures it:
 * what the number of tenants can change, apart from the CPU the API, the load generator and anything else on the
 * machine take. Resets the counters for the next measurement.
 */
export async function apiStatementTime(ownerUrl: string): Promise<{ milliseconds: number; calls: number }> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ milliseconds: number | null; calls: string | null }>(
      `SELECT sum(s.total_plan_time + s.total_exec_time) AS milliseconds, sum(s.calls) AS calls
         FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid
        WHERE r.rolname = 'csp_api'`,
    );
    await client.query('SELECT pg_stat_statements_reset()');
    return { milliseconds: Number(rows[0]?.milliseconds ?? 0), calls: Number(rows[0]?.calls ?? 0) };
  } finally {
    await client.end();
  }
}
