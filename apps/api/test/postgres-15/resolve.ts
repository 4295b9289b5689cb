import fs from 'node:fs';
import path from 'node:path';
import type { Postgres15Tools } from './run-tool.js';

export const PG_MAJOR = 15;
/** What the backup test runs: a throwaway server (initdb, pg_ctl, postgres) and the client tools. */
export const REQUIRED_TOOLS = ['initdb', 'pg_ctl', 'postgres', 'pg_dump', 'pg_restore', 'createdb'];
export const SYSTEM_BIN = `/usr/lib/postgresql/${PG_MAJOR}/bin`;

export const INSTALL_HINT =
  `Install them with \`sudo apt-get install postgresql-${PG_MAJOR} postgresql-client-${PG_MAJOR}\`, or set ` +
  `PG15_BIN to a folder holding PostgreSQL ${PG_MAJOR}'s ${REQUIRED_TOOLS.join(', ')}.`;

/** Preparing the tools is not possible on this machine (no apt-get, no network, no such package…). */
export class ToolsUnavailable extends Error {}

export type Resolution = { found: true; tools: Postgres15Tools } | { found: false; message: string };

export interface ResolveOptions {
  env: NodeJS.ProcessEnv;
  /** Debian's install folder; a parameter so that tests can point it elsewhere. */
  systemBin?: string;
  cacheDir: string;
  /** Makes the tools from Debian's packages into cacheDir; throws ToolsUnavailable when it cannot. */
  prepare: (cacheDir: string) => Promise<Postgres15Tools>;
}

/**
 * PostgreSQL 15's server and client tools, searched in this order: the folder PG15_BIN names (it must be
 * complete: a wrong setting is an error, not a reason to look elsewhere); Debian's installed package; the ones
 * prepared earlier into cacheDir; or prepared now. CSP_SYSTEM_TOOLS=off skips the installed package, to prove the
 * other paths on a machine that has it.
 */
export async function resolvePostgres15Tools(options: ResolveOptions): Promise<Resolution> {
  const { env, cacheDir } = options;
  const fromEnv = env.PG15_BIN;
  if (fromEnv) {
    const missing = missingTools(fromEnv);
    if (missing.length) {
      throw new Error(`PG15_BIN is ${fromEnv}, which lacks ${missing.join(', ')}. ${INSTALL_HINT}`);
    }
    return { found: true, tools: { bin: fromEnv, libraryPath: [], source: 'PG15_BIN' } };
  }
  const systemBin = options.systemBin ?? SYSTEM_BIN;
  if (env.CSP_SYSTEM_TOOLS !== 'off' && missingTools(systemBin).length === 0) {
    return { found: true, tools: { bin: systemBin, libraryPath: [], source: 'system' } };
  }
  const cached = readPreparedTools(cacheDir);
  if (cached) return { found: true, tools: cached };
  try {
    return { found: true, tools: await options.prepare(cacheDir) };
  } catch (error) {
    if (!(error instanceof ToolsUnavailable)) throw error;
    return {
      found: false,
      message:
        `PostgreSQL ${PG_MAJOR}'s tools are not on this machine, and could not be prepared from Debian's ` +
        `packages: ${error.message}. ${INSTALL_HINT}`,
    };
  }
}

export function missingTools(bin: string): string[] {
  return REQUIRED_TOOLS.filter((tool) => !isExecutable(path.join(bin, tool)));
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** What a finished preparation leaves in its cache folder, paths relative to that folder. */
interface CacheRecord {
  bin: string;
  libraryPath: string[];
}
export const CACHE_RECORD = 'tools.json';

export function writeCache(cacheDir: string, record: CacheRecord): void {
  fs.writeFileSync(path.join(cacheDir, CACHE_RECORD), `${JSON.stringify(record, null, 2)}\n`);
}

/** The tools a finished preparation left in cacheDir, if it is there and complete. */
export function readPreparedTools(cacheDir: string): Postgres15Tools | undefined {
  let record: CacheRecord;
  try {
    record = JSON.parse(fs.readFileSync(path.join(cacheDir, CACHE_RECORD), 'utf8')) as CacheRecord;
  } catch {
    return undefined;
  }
  const bin = path.join(cacheDir, record.bin);
  if (missingTools(bin).length) return undefined;
  return { bin, libraryPath: record.libraryPath.map((dir) => path.join(cacheDir, dir)), source: 'cache' };
}
