import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Where a set of PostgreSQL 15 tools lives, and the libraries they need that the machine lacks. */
export interface Postgres15Tools {
  bin: string;
  /** Folders for LD_LIBRARY_PATH; empty for an installed PostgreSQL. */
  libraryPath: string[];
  /** Which step of the search found them, for the test's log. */
  source: 'PG15_BIN' | 'system' | 'cache';
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** PostgreSQL refuses to run as root: when we are root, the server side runs as the postgres user. */
  asServerUser?: boolean;
  timeoutMs?: number;
}

/** Runs one of the tools; on failure the error carries its stderr, which says what went wrong. */
export async function runTool(
  tools: Postgres15Tools,
  tool: string,
  args: string[],
  options: RunOptions = {},
): Promise<string> {
  const file = path.join(tools.bin, tool);
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  if (tools.libraryPath.length) {
    env.LD_LIBRARY_PATH = [...tools.libraryPath, env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  }
  // `env` after runuser, so that the library path reaches the tool whatever runuser's PAM setup keeps.
  const [command, commandArgs] =
    options.asServerUser && process.getuid?.() === 0
      ? [
          'runuser',
          ['-u', 'postgres', '--', 'env', `LD_LIBRARY_PATH=${env.LD_LIBRARY_PATH ?? ''}`, file, ...args],
        ]
      : [file, args];
  try {
    const { stdout } = await execFileAsync(command, commandArgs, {
      env,
      maxBuffer: 16 * 1024 * 1024,
      timeout: options.timeoutMs,
    });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`${tool} ${args.join(' ')} failed: ${stderr || String(error)}`);
  }
}
