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
  const embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), log });
  const cleanUp = async () => {
    await embedded.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await ensureDatabase(embedded.ownerUrl('postgres'), 'bench');
    const ownerUrl = embedded.ownerUrl('bench');
    await migrate(ownerUrl);
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
