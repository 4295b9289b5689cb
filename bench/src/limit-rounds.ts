import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { startChildServer, type ChildServer } from './child-server.js';
import { apiStatementTime } from './database.js';
import { load, type LoadResult } from './load.js';
import { post } from './post.js';
import { AUDIT, CLIENTS } from './queries.js';

/**
 * `BENCH_SCENARIOS=limit npm run bench` (issue #15): each read against the limit server (limit-server.ts: bare
 * node:http + pg, one statement per answer, same role, same transaction, same JSON), in three rounds interleaved
 * with the API (API, limit, API, limit, API, limit) so that whatever else the machine does falls on both alike.
 * Before measuring, the limit server's answer must be deep-equal to the API's `data`: for the clients page, and
 * for every audit of the measured consultancy (up to 48), since the scores, deltas and benchmark must match.
 */
export const LIMIT_ROUNDS = 3;
const AUDITS_CHECKED = 48;

export interface LimitOptions {
  api: ChildServer;
  appUrl: string;
  ownerUrl: string;
  tenantId: string;
  auditId: string;
  token: string;
  connections: number;
  seconds: number;
}

export interface LimitRead {
  name: string;
  api: LoadResult[];
  limit: LoadResult[];
  checked: number;
  /** What the checked answers covered, for the audit. */
  coverage: string;
}

/** The first place two answers differ, to say why the check failed. */
function firstDifference(a: unknown, b: unknown, path = 'data'): string {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return `${path}: API ${JSON.stringify(a)}, limit ${JSON.stringify(b)}`;
  }
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const key of keys) {
    const [x, y] = [(a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]];
    if (!isDeepStrictEqual(x, y)) return firstDifference(x, y, `${path}.${key}`);
  }
  return `${path}: same keys and values, different shape`;
}

async function sameAnswer(
  name: string,
  apiUrl: string,
  limitUrl: string,
  query: string,
  variables: object,
  token: string,
) {
  const [api, limit] = [
    await post(apiUrl, query, variables, token),
    await post(limitUrl, query, variables, token),
  ];
  if (!isDeepStrictEqual(api.data, limit.data)) {
    throw new Error(
      `The limit server's ${name} differs from the API's: ${firstDifference(api.data, limit.data)}`,
    );
  }
  return api.data;
}

/** What the checked audits exercise: how many have deltas, and how many benchmark figures (not only a reason). */
function auditCoverage(answers: readonly Record<string, unknown>[]): string {
  const audits = answers.map(
    (data) => data.audit as { deltas: unknown; benchmark: { overall: unknown } | null } | null,
  );
  const deltas = audits.filter((audit) => audit?.deltas).length;
  const figures = audits.filter((audit) => audit?.benchmark?.overall).length;
  return ` (${deltas} with deltas, ${figures} with benchmark figures)`;
}

async function auditsOf(ownerUrl: string, tenantId: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM audits WHERE tenant_id = $1 ORDER BY id LIMIT ${AUDITS_CHECKED}`,
      [tenantId],
    );
    return rows.map((row) => row.id);
  } finally {
    await client.end();
  }
}

export async function limitRounds(options: LimitOptions): Promise<LimitRead[]> {
  const limitServer = await startChildServer('limit', { APP_URL: options.appUrl });
  try {
    const reads = [
      {
        name: 'clients(first: 50) + engagements + milestones',
        path: '/clients',
        query: CLIENTS,
        variables: {},
        check: [{}],
      },
      {
        name: 'audit with scores, deltas, benchmark',
        path: '/audit',
        query: AUDIT,
        variables: { id: options.auditId },
        check: (await auditsOf(options.ownerUrl, options.tenantId)).map((id) => ({ id })),
      },
    ];
    const results: LimitRead[] = [];
    for (const read of reads) {
      const limitUrl = `${limitServer.url}${read.path}`;
      // The API first: it stores the benchmark of a published audit that has none on its first read.
      const answers = [];
      for (const variables of read.check) {
        answers.push(
          await sameAnswer(read.name, options.api.url, limitUrl, read.query, variables, options.token),
        );
      }
      const measured: LimitRead = {
        name: read.name,
        api: [],
        limit: [],
        checked: read.check.length,
        coverage: read.path === '/audit' ? auditCoverage(answers) : '',
      };
      for (let round = 0; round < LIMIT_ROUNDS; round++) {
        for (const [server, url, into] of [
          [options.api, options.api.url, measured.api],
          [limitServer, limitUrl, measured.limit],
        ] as const) {
          let cpuAtStart = 0;
          const result = await load({
            name: read.name,
            url,
            headers: { authorization: `Bearer ${options.token}` },
            connections: options.connections,
            seconds: options.seconds,
            body: () => ({ query: read.query, variables: read.variables }),
            beforeMeasure: async () => {
              await apiStatementTime(options.ownerUrl);
              cpuAtStart = server.cpuMilliseconds();
            },
          });
          const cpu = server.cpuMilliseconds() - cpuAtStart;
          const { milliseconds } = await apiStatementTime(options.ownerUrl);
          const perRequest = (total: number) =>
            result.requests && Number.isFinite(total) ? total / result.requests : undefined;
          // Read after each round, with no GC forced: what the process holds as it serves, round after round.
          const rssBytes = server.rssBytes();
          into.push({ ...result, cpuMs: perRequest(cpu), dbMs: perRequest(milliseconds), rssBytes });
        }
      }
      results.push(measured);
    }
    return results;
  } finally {
    await limitServer.stop();
  }
}

export const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

export const fixed = (value: number | null | undefined, digits: number) =>
  value === null || value === undefined || !Number.isFinite(value) ? '-' : value.toFixed(digits);

const megabytes = (bytes: number | undefined) => (bytes === undefined ? NaN : bytes / 1024 / 1024);

/** The API's memory after each round, and its growth from the first round to the last (the issue: none). */
function rssLine(rounds: readonly LoadResult[]): string {
  const sizes = rounds.map((r) => megabytes(r.rssBytes));
  const [first, last] = [sizes[0] ?? NaN, sizes.at(-1) ?? NaN];
  const growth = ((last - first) / first) * 100;
  return (
    `API RSS after rounds ${sizes.map((_, i) => i + 1).join('/')}: ${sizes.map((mb) => fixed(mb, 0)).join(' / ')} MB ` +
    `(growth from round 1 to ${sizes.length}: ${growth >= 0 ? '+' : ''}${fixed(growth, 1)} %)`
  );
}

/** Each round's row, then per read the median of the rounds for each server and the ratios API / limit. */
export function limitLines(reads: readonly LimitRead[]): void {
  const columns = ['req/s', 'p50 ms', 'p95 ms', 'CPU ms', 'SQL/req', 'DB ms', 'RSS MB', 'failed'];
  for (const read of reads) {
    console.log(
      `  ${read.name}: limit server's answer equal to the API's for ${read.checked} ${read.checked === 1 ? 'request' : 'audits'}${read.coverage}`,
    );
    console.log(`  ${'round'.padEnd(16)}${columns.map((c) => c.padStart(9)).join('')}`);
    const row = (
      label: string,
      r: Pick<LoadResult, 'rps' | 'p50' | 'p95' | 'cpuMs' | 'statements' | 'dbMs' | 'rssBytes' | 'failures'>,
    ) =>
      console.log(
        `  ${label.padEnd(16)}${[
          fixed(r.rps, 0),
          fixed(r.p50, 1),
          fixed(r.p95, 1),
          fixed(r.cpuMs, 2),
          fixed(r.statements, 1),
          fixed(r.dbMs, 2),
          fixed(megabytes(r.rssBytes), 0),
          String(r.failures),
        ]
          .map((cell) => cell.padStart(9))
          .join('')}`,
      );
    for (let round = 0; round < read.api.length; round++) {
      row(`${round + 1} API`, read.api[round]!);
      row(`${round + 1} limit`, read.limit[round]!);
    }
    const summary = (results: readonly LoadResult[]) => ({
      rps: median(results.map((r) => r.rps)),
      p50: median(results.map((r) => r.p50)),
      p95: median(results.map((r) => r.p95)),
      cpuMs: median(results.map((r) => r.cpuMs ?? NaN)),
      statements: median(results.map((r) => r.statements ?? NaN)),
      dbMs: median(results.map((r) => r.dbMs ?? NaN)),
      rssBytes: median(results.map((r) => r.rssBytes ?? NaN)),
      failures: results.reduce((sum, r) => sum + r.failures, 0),
    });
    const [api, limit] = [summary(read.api), summary(read.limit)];
    row('median API', api);
    row('median limit', limit);
    console.log(
      `  API / limit: p95 ${fixed(api.p95 / limit.p95, 2)}x, CPU ${fixed(api.cpuMs / limit.cpuMs, 2)}x, ` +
        `p50 ${fixed(api.p50 / limit.p50, 2)}x, req/s ${fixed(api.rps / limit.rps, 2)}x, ` +
        `SQL/req ${fixed(api.statements, 1)} vs ${fixed(limit.statements, 1)}`,
    );
    console.log(`  ${rssLine(read.api)}\n`);
  }
}
