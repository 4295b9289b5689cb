import os from 'node:os';
import { startChildServer, type ChildServer } from './child-server.js';
import { fixed, median } from './limit-rounds.js';
import { load, percentile, type LoadResult } from './load.js';
import { CLIENTS } from './queries.js';

/**
 * `BENCH_SCENARIOS=limit` (issue #15), after the per-process ratios: what the clients read gives when the API
 * scales out on this machine, node:cluster with 2 workers (`serve.ts api-cluster`) and two replicas (two
 * `serve.ts api` processes, each loaded by its own autocannon run on half the connections). Printed apart: the
 * ratio to the limit server stays one process against one process, since that is what it compares.
 */
export interface ScaleOutOptions {
  /** The environment the bench's API process gets (its in-flight limits), for each process started here. */
  apiEnv: Record<string, string>;
  token: string;
  connections: number;
  seconds: number;
}

export interface ScaleOutFigure {
  label: string;
  rps: number;
  p50: number;
  p95: number;
  /** Summed CPU of every server process, per request. */
  cpuMs: number;
  /** CPU the bench's own process (autocannon) spent per request in the same time. */
  loadCpuMs: number;
  failures: number;
}

const processCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * One autocannon run per server at the same time, the connections split between them; p50 and p95 over the
 * merged latencies of both runs (not the worse of the two), req/s summed.
 */
async function measureTogether(
  label: string,
  servers: readonly ChildServer[],
  options: ScaleOutOptions,
): Promise<ScaleOutFigure> {
  const latencies: number[] = [];
  const cpuAtStart = servers.map(() => NaN);
  let loadCpuAtStart = NaN;
  const results: LoadResult[] = await Promise.all(
    servers.map((server, index) =>
      load({
        name: label,
        url: server.url,
        headers: { authorization: `Bearer ${options.token}` },
        // 4 connections on 2 servers: 2 + 2; an odd count gives the first server the extra one.
        connections: Math.max(
          1,
          Math.floor(options.connections / servers.length) +
            (index < options.connections % servers.length ? 1 : 0),
        ),
        seconds: options.seconds,
        body: () => ({ query: CLIENTS, variables: {} }),
        latencies,
        beforeMeasure: async () => {
          cpuAtStart[index] = server.cpuMilliseconds();
          if (index === 0) loadCpuAtStart = processCpuMs();
        },
      }),
    ),
  );
  const loadCpu = processCpuMs() - loadCpuAtStart;
  const cpu = servers.reduce((sum, server, index) => sum + server.cpuMilliseconds() - cpuAtStart[index]!, 0);
  const requests = results.reduce((sum, r) => sum + r.requests, 0);
  latencies.sort((a, b) => a - b);
  return {
    label,
    rps: results.reduce((sum, r) => sum + r.rps, 0),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    cpuMs: cpu / requests,
    loadCpuMs: loadCpu / requests,
    failures: results.reduce((sum, r) => sum + r.failures, 0),
  };
}

async function withServers<T>(
  kinds: readonly ('api' | 'api-cluster')[],
  env: Record<string, string>,
  work: (servers: ChildServer[]) => Promise<T>,
): Promise<T> {
  const servers: ChildServer[] = [];
  try {
    for (const kind of kinds) servers.push(await startChildServer(kind, env));
    return await work(servers);
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

export async function scaleOut(options: ScaleOutOptions): Promise<ScaleOutFigure[]> {
  const cluster = await withServers(['api-cluster'], options.apiEnv, (servers) =>
    measureTogether('node:cluster, 2 workers', servers, options),
  );
  const replicas = await withServers(['api', 'api'], options.apiEnv, (servers) =>
    measureTogether('two replicas', servers, options),
  );
  return [cluster, replicas];
}

/** The one-process row is the limit rounds' API medians, already measured: not measured again here. */
export function scaleOutLines(
  oneProcess: readonly LoadResult[],
  scaled: readonly ScaleOutFigure[],
  connections: number,
): void {
  const columns = ['req/s', 'p50 ms', 'p95 ms', 'CPU ms', 'failed'];
  console.log(
    `  scale-out, clients(first: 50), ${connections} connections in all (printed apart from the ratios, which are per process):`,
  );
  console.log(`  ${''.padEnd(26)}${columns.map((c) => c.padStart(9)).join('')}`);
  const row = (label: string, r: Pick<ScaleOutFigure, 'rps' | 'p50' | 'p95' | 'cpuMs' | 'failures'>) =>
    console.log(
      `  ${label.padEnd(26)}${[
        fixed(r.rps, 0),
        fixed(r.p50, 1),
        fixed(r.p95, 1),
        fixed(r.cpuMs, 2),
        String(r.failures),
      ]
        .map((cell) => cell.padStart(9))
        .join('')}`,
    );
  const one = {
    rps: median(oneProcess.map((r) => r.rps)),
    p50: median(oneProcess.map((r) => r.p50)),
    p95: median(oneProcess.map((r) => r.p95)),
    cpuMs: median(oneProcess.map((r) => r.cpuMs ?? NaN)),
    failures: oneProcess.reduce((sum, r) => sum + r.failures, 0),
  };
  row('one process (median)', one);
  for (const figure of scaled) row(figure.label, figure);
  console.log(
    `  req/s against one process: ${scaled.map((f) => `${f.label} ${fixed(f.rps / one.rps, 2)}x`).join(', ')}; ` +
      `CPU ms summed over the primary and workers, or both replicas; p50/p95 of two replicas over both runs' latencies merged`,
  );
  console.log(
    `  caveat: the load generator (autocannon, in the bench's own process) shares the machine's ${os.availableParallelism()} cores ` +
      `(${scaled.map((f) => `${fixed(f.loadCpuMs, 2)} ms CPU/req`).join(' and ')} of its own here): expect well under 2x\n`,
  );
}
