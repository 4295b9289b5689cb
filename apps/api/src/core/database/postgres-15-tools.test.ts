import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  REQUIRED_TOOLS,
  resolvePostgres15Tools,
  ToolsUnavailable,
  writeCache,
} from '../../../test/postgres-15/resolve.js';
import type { Postgres15Tools } from '../../../test/postgres-15/run-tool.js';

/** Where the backup test (backup.test.ts) finds PostgreSQL 15's tools, on made-up folders. */

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const made = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-pg15-resolve-'));
  folders.push(made);
  return made;
}

/** A folder with the tools as empty executables, less those left out. */
function toolsFolder(leaveOut: string[] = []): string {
  const bin = folder();
  for (const tool of REQUIRED_TOOLS.filter((name) => !leaveOut.includes(name))) {
    fs.writeFileSync(path.join(bin, tool), '', { mode: 0o755 });
  }
  return bin;
}

/** A cache folder as a finished preparation leaves it. */
function preparedCache(): string {
  const cache = folder();
  const bin = path.join(cache, 'root/usr/lib/postgresql/15/bin');
  fs.mkdirSync(bin, { recursive: true });
  for (const tool of REQUIRED_TOOLS) fs.writeFileSync(path.join(bin, tool), '', { mode: 0o755 });
  writeCache(cache, {
    bin: 'root/usr/lib/postgresql/15/bin',
    libraryPath: ['root/usr/lib/x86_64-linux-gnu'],
  });
  return cache;
}

const never = vi.fn(() => Promise.reject(new Error('should not prepare')));

describe('resolvePostgres15Tools', () => {
  it('takes PG15_BIN first, even when the system has the tools', async () => {
    const bin = toolsFolder();
    const resolution = await resolvePostgres15Tools({
      env: { PG15_BIN: bin },
      systemBin: toolsFolder(),
      cacheDir: preparedCache(),
      prepare: never,
    });
    expect(resolution).toEqual({ found: true, tools: { bin, libraryPath: [], source: 'PG15_BIN' } });
  });

  it('refuses a PG15_BIN that lacks tools, naming them', async () => {
    await expect(
      resolvePostgres15Tools({
        env: { PG15_BIN: toolsFolder(['pg_dump', 'pg_restore']) },
        systemBin: toolsFolder(),
        cacheDir: folder(),
        prepare: never,
      }),
    ).rejects.toThrow(/lacks pg_dump, pg_restore/);
  });

  it("takes Debian's installed PostgreSQL 15 next", async () => {
    const systemBin = toolsFolder();
    const resolution = await resolvePostgres15Tools({
      env: {},
      systemBin,
      cacheDir: preparedCache(),
      prepare: never,
    });
    expect(resolution).toEqual({ found: true, tools: { bin: systemBin, libraryPath: [], source: 'system' } });
  });

  it('passes over an installed PostgreSQL that lacks a tool, and over any with CSP_SYSTEM_TOOLS=off', async () => {
    for (const [env, systemBin] of [
      [{}, toolsFolder(['postgres'])],
      [{ CSP_SYSTEM_TOOLS: 'off' }, toolsFolder()],
    ] as const) {
      const cacheDir = preparedCache();
      const resolution = await resolvePostgres15Tools({ env, systemBin, cacheDir, prepare: never });
      expect(resolution).toEqual({
        found: true,
        tools: {
          bin: path.join(cacheDir, 'root/usr/lib/postgresql/15/bin'),
          libraryPath: [path.join(cacheDir, 'root/usr/lib/x86_64-linux-gnu')],
          source: 'cache',
        },
      });
    }
  });

  it('prepares the tools when there are none yet', async () => {
    const cacheDir = folder();
    const made: Postgres15Tools = { bin: path.join(cacheDir, 'bin'), libraryPath: [], source: 'cache' };
    const prepare = vi.fn(() => Promise.resolve(made));
    const resolution = await resolvePostgres15Tools({
      env: { CSP_SYSTEM_TOOLS: 'off' },
      systemBin: toolsFolder(),
      cacheDir,
      prepare,
    });
    expect(prepare).toHaveBeenCalledWith(cacheDir);
    expect(resolution).toEqual({ found: true, tools: made });
  });

  it('says how to install them when they cannot be prepared here', async () => {
    const resolution = await resolvePostgres15Tools({
      env: {},
      systemBin: folder(),
      cacheDir: folder(),
      prepare: () => Promise.reject(new ToolsUnavailable('this machine has no apt-get')),
    });
    expect(resolution.found).toBe(false);
    const message = resolution.found ? '' : resolution.message;
    expect(message).toContain('this machine has no apt-get');
    expect(message).toContain('sudo apt-get install postgresql-15 postgresql-client-15');
    expect(message).toContain('PG15_BIN');
  });

  it('lets any other failure of the preparation fail the test', async () => {
    await expect(
      resolvePostgres15Tools({
        env: {},
        systemBin: folder(),
        cacheDir: folder(),
        prepare: () => Promise.reject(new Error('a bug in the preparation')),
      }),
    ).rejects.toThrow('a bug in the preparation');
  });
});
