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

/** Starts `serve.ts <kind>` in a child process and resolves with its URL once it listens. */
export function startChildServer(
  kind: 'api' | 'baseline' | 'limit',
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
  return new Promise((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`the ${kind} server exited with ${code} before listening`)),
    );
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /^listening (\S+)/.exec(line);
      if (!match?.[1]) return;
      resolve({
        url: match[1],
        cpuMilliseconds: () => processCpuMilliseconds(child.pid),
        async stop() {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}
