import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

export interface ChildServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts `serve.ts <kind>` in a child process and resolves with its URL once it listens. */
export function startChildServer(
  kind: 'api' | 'baseline',
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
        async stop() {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}
