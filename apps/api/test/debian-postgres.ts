import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/**
 * A PostgreSQL of Debian's packages, for tests that need the client tools (pg_dump, pg_restore): the embedded
 * server of the other tests ships none, and a pg_dump refuses a server newer than itself, so these tests run a
 * throwaway server of the same version as the tools.
 */
export const DEBIAN_PG_MAJOR = 15;
export const DEBIAN_PG_BIN = `/usr/lib/postgresql/${DEBIAN_PG_MAJOR}/bin`;
const TOOLS = ['initdb', 'pg_ctl', 'postgres', 'pg_dump', 'pg_restore', 'createdb'];

/** Fails (never skips): a backup test that silently does not run proves nothing. */
export function requireDebianPostgres(): void {
  const missing = TOOLS.filter((tool) => !fs.existsSync(path.join(DEBIAN_PG_BIN, tool)));
  if (missing.length) {
    throw new Error(
      `PostgreSQL ${DEBIAN_PG_MAJOR}'s server and client tools are missing (${missing.join(', ')} in ` +
        `${DEBIAN_PG_BIN}). Install them with: apt-get install -y postgresql-${DEBIAN_PG_MAJOR} ` +
        `postgresql-client-${DEBIAN_PG_MAJOR}  (.ci/run does this in CI).`,
    );
  }
}

/** Runs one of the PostgreSQL tools; on failure the error carries its stderr, which says what went wrong. */
export async function pgTool(
  tool: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; asServerUser?: boolean } = {},
): Promise<string> {
  const file = path.join(DEBIAN_PG_BIN, tool);
  // PostgreSQL refuses to run as root; tests run as root in CI, so the server side runs as Debian's postgres user.
  const [command, commandArgs] =
    options.asServerUser && process.getuid?.() === 0
      ? ['runuser', ['-u', 'postgres', '--', file, ...args]]
      : [file, args];
  try {
    const { stdout } = await execFileAsync(command, commandArgs, {
      env: { ...process.env, ...options.env },
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`${tool} ${args.join(' ')} failed: ${stderr || String(error)}`);
  }
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
