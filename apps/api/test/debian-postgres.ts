import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../src/core/config.js';
import { prepareFromDebianPackages } from './postgres-15/debian-packages.js';
import { PG_MAJOR, resolvePostgres15Tools, type Resolution } from './postgres-15/resolve.js';
import { runTool, type Postgres15Tools, type RunOptions } from './postgres-15/run-tool.js';

const execFileAsync = promisify(execFile);

/**
 * A PostgreSQL of Debian's packages, for tests that need the client tools (pg_dump, pg_restore): the embedded
 * server of the other tests ships none, and a pg_dump refuses a server newer than itself, so these tests run a
 * throwaway server of the same version as the tools.
 */
export const DEBIAN_PG_MAJOR = PG_MAJOR;

/** Where tools prepared from Debian's packages are kept between runs (PG15_CACHE_DIR to put them elsewhere). */
export const PG15_CACHE_DIR =
  process.env.PG15_CACHE_DIR || path.join(REPO_ROOT, `node_modules/.cache/csp-postgresql-${PG_MAJOR}`);

let tools: Postgres15Tools | undefined;

/**
 * Finds PostgreSQL 15's tools, or prepares them from Debian's packages (see postgres-15/resolve.ts for the
 * order), for pgTool and startThrowawayPostgres. When there are none and none can be made, says why and which
 * command installs them, so that the caller can skip with that message.
 */
export async function findDebianPostgres(log?: (line: string) => void): Promise<Resolution> {
  const resolution = await resolvePostgres15Tools({
    env: process.env,
    cacheDir: PG15_CACHE_DIR,
    prepare: (cacheDir) =>
      // Proving the preparation (CSP_SYSTEM_TOOLS=off) starts, as a fresh machine does, with no package lists.
      prepareFromDebianPackages(cacheDir, { privateLists: process.env.CSP_SYSTEM_TOOLS === 'off', log }),
  });
  if (resolution.found) tools = resolution.tools;
  return resolution;
}

/** Runs one of the PostgreSQL tools found by findDebianPostgres. */
export async function pgTool(tool: string, args: string[], options: RunOptions = {}): Promise<string> {
  if (!tools) throw new Error('findDebianPostgres() has not found the PostgreSQL tools yet');
  return runTool(tools, tool, args, options);
}

export interface ThrowawayPostgres {
  /** A URL on this server; the superuser `postgres` unless a role is given. */
  url(database: string, role?: { user: string; password: string }): string;
  port: number;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

export const SUPERUSER_PASSWORD = 'throwaway-superuser';

/**
 * A new cluster in a temp folder of its own, on its own port, reachable over TCP only. Its socket goes into that
 * folder too: Debian's build defaults it to /var/run/postgresql, which belongs to the package's own cluster.
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const { path: folder, remove } = throwawayFolder('csp-pg15-');
  try {
    return await initAndStart(folder, remove);
  } catch (error) {
    remove();
    throw error;
  }
}

async function initAndStart(folder: string, remove: () => void): Promise<ThrowawayPostgres> {
  const port = await freePort();
  const dataDir = path.join(folder, 'data');
  const pwFile = path.join(folder, 'superuser-password');
  fs.writeFileSync(pwFile, SUPERUSER_PASSWORD);
  await giveToServerUser(folder);
  await pgTool(
    'initdb',
    [
      `--pgdata=${dataDir}`,
      '--username=postgres',
      `--pwfile=${pwFile}`,
      '--auth-host=scram-sha-256',
      '--auth-local=peer',
      '--encoding=UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ],
    { asServerUser: true },
  );
  fs.appendFileSync(
    path.join(dataDir, 'postgresql.conf'),
    [
      `port = ${port}`,
      `listen_addresses = '127.0.0.1'`,
      `unix_socket_directories = '${folder}'`,
      // Durability is not what these tests measure, and a throwaway cluster starts and loads faster without it.
      'fsync = off',
      'synchronous_commit = off',
      'full_page_writes = off',
      '',
    ].join('\n'),
  );
  const logFile = path.join(folder, 'server.log');
  try {
    await pgTool('pg_ctl', ['start', `--pgdata=${dataDir}`, `--log=${logFile}`, '--wait', '--timeout=30'], {
      asServerUser: true,
    });
  } catch (error) {
    // A start that timed out may still leave a postmaster behind: stop it before its folder goes.
    await pgTool('pg_ctl', ['stop', `--pgdata=${dataDir}`, '--mode=immediate'], { asServerUser: true }).catch(
      () => undefined,
    );
    const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
    throw new Error(`${(error as Error).message}\nserver log:\n${log}`);
  }
  return {
    port,
    url(database, role = { user: 'postgres', password: SUPERUSER_PASSWORD }) {
      const url = new URL(`postgres://127.0.0.1:${port}/${encodeURIComponent(database)}`);
      url.username = role.user;
      url.password = role.password;
      return url.toString();
    },
    async stop() {
      try {
        await pgTool('pg_ctl', ['stop', `--pgdata=${dataDir}`, '--mode=fast', '--wait'], {
          asServerUser: true,
        });
      } finally {
        remove();
      }
    },
  };
}

async function giveToServerUser(folder: string) {
  if (process.getuid?.() !== 0) return;
  const id = async (flag: string) => Number((await execFileAsync('id', [flag, 'postgres'])).stdout.trim());
  const [uid, gid] = [await id('-u'), await id('-g')];
  for (const file of [folder, ...fs.readdirSync(folder).map((entry) => path.join(folder, entry))]) {
    fs.chownSync(file, uid, gid);
  }
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

/** A folder of its own under the system's temp folder, removed by `remove`. */
export function throwawayFolder(prefix: string): { path: string; remove: () => void } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { path: folder, remove: () => fs.rmSync(folder, { recursive: true, force: true }) };
}
