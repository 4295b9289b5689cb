import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

export interface ChildServer {
  url: string;
  /**
   * CPU time (user + system) the server's process has used so far, in ms; NaN where /proc is missing. Unlike
   * latency, CPU per request hardly moves with whatever else the machine's cores are doing, so two runs of the
   * same code agree to within a few per cent even on a busy machine.
   */
  cpuMilliseconds(): number;
  /**
   * Resident memory (VmRSS) of the server's process now, in bytes; NaN where /proc is missing. For `api-cluster`,
   * the primary's and its workers' summed, as CPU is.
   */
  rssBytes(): number;
  stop(): Promise<void>;
}

/** Linux's clock ticks per second for /proc/<pid>/stat (USER_HZ), 100 on every common kernel. */
const TICKS_PER_SECOND = 100;

function processCpuMilliseconds(pid: number | undefined): number {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/** VmRSS from /proc/<pid>/status (in kB there), in bytes. */
function processRssBytes(pid: number | undefined): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] ? Number(match[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

const summed = (pids: readonly (number | undefined)[], of: (pid: number | undefined) => number) =>
  pids.reduce<number>((sum, pid) => sum + of(pid), 0);

/**
 * Starts `serve.ts <kind>` in a child process and resolves with its URL once it listens. `api-cluster` prints
 * `workers <pid> …` before `listening`: its figures are the primary's and the workers' together.
 */
export function startChildServer(
  kind: 'api' | 'api-cluster' | 'baseline' | 'limit',
  env: Record<string, string>,
): Promise<ChildServer> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'serve.ts'), kind],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pids: (number | undefined)[] = [child.pid];
  return new Promise((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`the ${kind} server exited with ${code} before listening`)),
    );
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      const workers = /^workers ((?:\d+ ?)+)$/.exec(line);
      if (workers?.[1]) pids.push(...workers[1].trim().split(' ').map(Number));
      const match = /^listening (\S+)/.exec(line);
      if (!match?.[1]) return;
      resolve({
        url: match[1],
        cpuMilliseconds: () => summed(pids, processCpuMilliseconds),
        rssBytes: () => summed(pids, processRssBytes),
        async stop() {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}
