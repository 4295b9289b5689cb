import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PG_MAJOR, readPreparedTools, REQUIRED_TOOLS, ToolsUnavailable, writeCache } from './resolve.js';
import { runTool, type Postgres15Tools } from './run-tool.js';

const execFileAsync = promisify(execFile);

const BIN = `usr/lib/postgresql/${PG_MAJOR}/bin`;
const PACKAGES = [`postgresql-${PG_MAJOR}`, `postgresql-client-${PG_MAJOR}`];
const SYSTEM_LISTS = '/var/lib/apt/lists';
/** Rounds of "download the missing libraries' packages": each pulls in the next level of dependencies. */
const MAX_ROUNDS = 4;
// LLVM is linked only by the JIT provider (llvmjit.so, loaded on demand), not by the tools, and it is large.
const NEVER_NEEDED = /^libllvm/;

export interface PrepareOptions {
  /** Ignore the machine's own apt package lists, as on a fresh machine where they are empty. */
  privateLists?: boolean;
  log?: (line: string) => void;
}

/**
 * PostgreSQL 15 from Debian's packages, without root: `apt-get download` with apt's state kept in a folder of our
 * own, `dpkg-deb -x` of each package into one tree, and the libraries the machine lacks (what `ldd` reports "not
 * found") downloaded the same way and put on LD_LIBRARY_PATH. Debian's binaries find their share and lib folders
 * relative to their own path, so the extracted tree works where it lies.
 *
 * Built in a folder of its own and renamed into cacheDir at the end, so that two runs never share a half-made one.
 */
export async function prepareFromDebianPackages(
  cacheDir: string,
  options: PrepareOptions = {},
): Promise<Postgres15Tools> {
  const log = options.log ?? (() => undefined);
  for (const command of ['apt-get', 'apt-cache', 'dpkg-deb', 'ldd']) {
    if (!onPath(command)) throw new ToolsUnavailable(`this machine has no ${command}`);
  }
  fs.mkdirSync(path.dirname(cacheDir), { recursive: true });
  const work = fs.mkdtempSync(`${cacheDir}.preparing-`);
  try {
    const root = path.join(work, 'root');
    const apt = await privateApt(work, options.privateLists === true, log);
    const downloaded = new Set<string>();
    await fetchAndExtract(apt, PACKAGES, work, root, downloaded, log);
    for (let round = 0; ; round += 1) {
      const missing = await missingLibraries(root);
      if (!missing.length) break;
      const wanted = round < MAX_ROUNDS ? await libraryPackagesToFetch(apt, downloaded) : [];
      if (!wanted.length) {
        throw new ToolsUnavailable(
          `the tools still lack ${missing.join(', ')} after fetching their libraries`,
        );
      }
      log(`${missing.join(', ')} missing: fetching ${wanted.join(', ')}`);
      await fetchAndExtract(apt, wanted, work, root, downloaded, log);
    }
    const libraryPath = libraryFolders(root);
    fs.rmSync(path.join(work, 'apt'), { recursive: true, force: true });
    fs.rmSync(path.join(work, 'debs'), { recursive: true, force: true });
    // The server runs as the postgres user when we are root: it must be able to reach the tree.
    fs.chmodSync(work, 0o755);
    const relative = (dir: string) => path.relative(work, dir);
    writeCache(work, { bin: relative(path.join(root, BIN)), libraryPath: libraryPath.map(relative) });
    await verify(work, root, libraryPath);
    install(work, cacheDir);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  const tools = readPreparedTools(cacheDir);
  if (!tools) throw new Error(`the prepared tools did not arrive in ${cacheDir}`);
  log(`PostgreSQL ${PG_MAJOR} tools prepared in ${cacheDir}`);
  return tools;
}

interface Apt {
  options: string[];
}

/** apt's lists and caches in our own folder; the machine's lists when it has some (unless told otherwise). */
async function privateApt(work: string, privateLists: boolean, log: (line: string) => void): Promise<Apt> {
  const useSystemLists = !privateLists && hasPackageLists(SYSTEM_LISTS);
  const lists = useSystemLists ? SYSTEM_LISTS : path.join(work, 'apt', 'lists');
  fs.mkdirSync(path.join(work, 'apt', 'lists', 'partial'), { recursive: true });
  fs.mkdirSync(path.join(work, 'apt', 'cache', 'archives', 'partial'), { recursive: true });
  const options = [
    '-q',
    '-o',
    `Dir::State::Lists=${lists}`,
    '-o',
    `Dir::Cache=${path.join(work, 'apt', 'cache')}`,
    '-o',
    'Debug::NoLocking=1',
  ];
  // As root, apt downloads as its _apt user, which may not write to our folder; the folder is ours anyway.
  if (process.getuid?.() === 0) options.push('-o', 'APT::Sandbox::User=root');
  const apt = { options };
  if (!useSystemLists) {
    log('apt-get update (package lists of our own)');
    await aptCommand('apt-get', [...options, 'update'], work, 'apt-get update');
    // apt-get update succeeds even when it fetched nothing (it only warns), as it does without a network.
    if (!hasPackageLists(lists)) {
      throw new ToolsUnavailable('apt-get update could not fetch the package lists (is there a network?)');
    }
  }
  return apt;
}

function hasPackageLists(dir: string): boolean {
  try {
    return fs.readdirSync(dir).some((file) => file.includes('_Packages'));
  } catch {
    return false;
  }
}

async function fetchAndExtract(
  apt: Apt,
  packages: string[],
  work: string,
  root: string,
  downloaded: Set<string>,
  log: (line: string) => void,
) {
  const debs = path.join(work, 'debs');
  fs.mkdirSync(debs, { recursive: true });
  log(`apt-get download ${packages.join(' ')}`);
  await aptCommand('apt-get', [...apt.options, 'download', ...packages], debs, 'apt-get download');
  for (const deb of fs.readdirSync(debs).filter((file) => file.endsWith('.deb'))) {
    await execFileAsync('dpkg-deb', ['-x', path.join(debs, deb), root]);
    fs.rmSync(path.join(debs, deb));
  }
  for (const name of packages) downloaded.add(name);
}

/** An apt command whose failure (no network, no such package) means the tools cannot be prepared here. */
async function aptCommand(command: string, args: string[], cwd: string, what: string): Promise<string> {
  try {
    const { stdout } = await execFileAsync(command, args, {
      cwd,
      timeout: 300_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const stderr = ((error as { stderr?: string }).stderr ?? String(error)).trim().split('\n').slice(-3);
    throw new ToolsUnavailable(`${what} failed (${stderr.join(' ')})`);
  }
}

/** Shared libraries the required tools link but the loader cannot find, with the extracted ones on the path. */
async function missingLibraries(root: string): Promise<string[]> {
  const env = { ...process.env, LD_LIBRARY_PATH: libraryFolders(root).join(':') };
  const missing = new Set<string>();
  for (const tool of REQUIRED_TOOLS) {
    const { stdout } = await execFileAsync('ldd', [path.join(root, BIN, tool)], { env }).catch(
      (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
    );
    for (const match of stdout.matchAll(/^\s*(\S+) => not found/gm)) missing.add(match[1]!);
  }
  return [...missing].sort();
}

/**
 * The library packages the fetched ones depend on that the machine does not have installed and we have not
 * fetched yet (first alternative of each "a | b").
 */
async function libraryPackagesToFetch(apt: Apt, downloaded: Set<string>): Promise<string[]> {
  const output = await aptCommand(
    'apt-cache',
    [
      ...apt.options,
      'depends',
      '--no-recommends',
      '--no-suggests',
      '--no-conflicts',
      '--no-breaks',
      '--no-replaces',
      '--no-enhances',
      ...downloaded,
    ],
    os.tmpdir(),
    'apt-cache depends',
  );
  const wanted = new Set<string>();
  let alternative = false;
  for (const line of output.split('\n')) {
    const match = /^\s+(\|)?(?:Pre)?Depends: (\S+)$/.exec(line);
    if (!match) continue;
    const [, bar, name] = match;
    if (!alternative && name && /^lib/.test(name) && !NEVER_NEEDED.test(name) && !downloaded.has(name)) {
      wanted.add(name);
    }
    alternative = Boolean(bar);
  }
  const notInstalled: string[] = [];
  for (const name of wanted) if (!(await isInstalled(name))) notInstalled.push(name);
  return notInstalled.sort();
}

async function isInstalled(name: string): Promise<boolean> {
  try {
    const { stdout } = await execFileAsync('dpkg-query', ['-W', '-f=${db:Status-Abbrev}', name]);
    return stdout.startsWith('ii');
  } catch {
    return false;
  }
}

/** Every folder of the extracted tree that holds shared libraries (lib/x86_64-linux-gnu and the like). */
function libraryFolders(root: string): string[] {
  const folders: string[] = [];
  for (const base of ['lib', 'usr/lib']) {
    const dir = path.join(root, base);
    if (!fs.existsSync(dir)) continue;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && /-linux-gnu/.test(entry.name)) folders.push(path.join(dir, entry.name));
    }
  }
  return folders;
}

/** The extracted server really starts: initdb runs postgres, which finds its share folder beside itself. */
async function verify(work: string, root: string, libraryPath: string[]) {
  const tools: Postgres15Tools = { bin: path.join(root, BIN), libraryPath, source: 'cache' };
  const version = await runTool(tools, 'pg_dump', ['--version']);
  if (!version.includes(`(PostgreSQL) ${PG_MAJOR}.`)) {
    throw new ToolsUnavailable(`Debian's package gave ${version.trim()}, not PostgreSQL ${PG_MAJOR}`);
  }
  const data = path.join(work, 'verify-data');
  fs.mkdirSync(data);
  if (process.getuid?.() === 0) {
    const id = async (flag: string) => Number((await execFileAsync('id', [flag, 'postgres'])).stdout.trim());
    fs.chownSync(data, await id('-u'), await id('-g'));
  }
  try {
    await runTool(
      tools,
      'initdb',
      [
        `--pgdata=${data}`,
        '--username=postgres',
        '--auth=trust',
        '--locale=C.UTF-8',
        '--encoding=UTF8',
        '--no-sync',
      ],
      {
        asServerUser: true,
      },
    );
  } catch (error) {
    throw new ToolsUnavailable(`initdb of the extracted packages failed: ${(error as Error).message}`);
  } finally {
    fs.rmSync(data, { recursive: true, force: true });
  }
}

/** Moves the finished tree into place; when another run got there first, theirs is as good. */
function install(work: string, cacheDir: string) {
  if (readPreparedTools(cacheDir)) return;
  fs.rmSync(cacheDir, { recursive: true, force: true });
  try {
    fs.renameSync(work, cacheDir);
  } catch (error) {
    if (!readPreparedTools(cacheDir)) throw error;
  }
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, command), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
