/**
 * `npm run bench`: one run that fills an embedded PostgreSQL in steps (10 consultancies, then 1,000, optionally
 * 10,000), and at each size loads the real API (in this process, loopback only, bounded in time) and the plain
 * baseline with the same operations. Prints requests/s, p50/p95/p99 and SQL statements per request, the product's
 * ratio to the baseline, and how each latency moves as tenants grow.
 *
 *   npm run bench                                        sizes 10 and 1,000, 10 s per scenario, 4 connections
 *   BENCH_SIZES=10,1000,10000 npm run bench              also 10,000 (BENCH_SECONDS, BENCH_CONNECTIONS too)
 *   npm run bench -w @csp/bench -- --sizes 10,1000,10000 --seconds 10 --connections 8
 */
import os from 'node:os';
import type { Server } from 'node:http';
import { parseArgs } from 'node:util';
import { startBaseline } from '../baseline.js';
import { startBenchDatabase } from './database.js';
import { generate, tenantFixture, type TenantFixture } from './generate.js';
import { load, type LoadResult } from './load.js';
import { AUDIT, CHARTER_DIFF, CLIENTS, HOME, LOG_IN, SAVE_RESPONSES } from './queries.js';

// Before the API's modules load: statement counts in responses, quiet logs, and no rate limit on one caller.
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL ??= 'warn';
process.env.RATE_LIMIT_REQUESTS ??= '1000000000';

// Flags (`npm run bench -w @csp/bench -- --sizes 10,1000,10000`) or, through the root script, the environment
// (`BENCH_SIZES=10,1000,10000 npm run bench`): npm keeps flags after `--` for itself when it runs a workspace's script.
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: process.env.BENCH_SIZES ?? '10,1000' },
    seconds: { type: 'string', default: process.env.BENCH_SECONDS ?? '10' },
    connections: { type: 'string', default: process.env.BENCH_CONNECTIONS ?? '4' },
  },
});
const sizes = values.sizes
  .split(',')
  .map((size) => Number(size.trim()))
  .filter((size) => Number.isInteger(size) && size > 0)
  .sort((a, b) => a - b);
const seconds = Math.min(60, Math.max(1, Number(values.seconds)));
const connections = Math.min(12, Math.max(1, Number(values.connections)));
if (sizes.length === 0 || (sizes.at(-1) ?? 0) > 20_000)
  throw new Error('--sizes: tenant counts up to 20,000');

const MEASURED_TENANT = 0;

interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string }[];
}

async function post(url: string, query: string, variables: unknown, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await response.json()) as GraphQLAnswer;
  if (response.status !== 200 || answer.errors) {
    throw new Error(`${response.status}: ${JSON.stringify(answer.errors ?? answer).slice(0, 500)}`);
  }
  return {
    data: answer.data as Record<string, unknown>,
    statements: response.headers.get('x-sql-statements'),
  };
}

function responsesFor(fixture: TenantFixture, round: number) {
  return fixture.criterionKeys.map((criterionKey, k) => ({
    criterionKey,
    score: ((round + k) % 5) + 1,
    evidence: `Bench round ${round}`,
  }));
}

async function scenarios(graphqlUrl: string, fixture: TenantFixture, token: string): Promise<LoadResult[]> {
  const headers = { authorization: `Bearer ${token}` };
  const common = { url: graphqlUrl, headers, connections, seconds };
  const results: LoadResult[] = [];
  const run = async (name: string, query: string, variables: Record<string, unknown> = {}) => {
    await post(graphqlUrl, query, variables, token); // answers without errors before it is measured
    results.push(await load({ ...common, name, body: () => ({ query, variables }) }));
  };
  await run('consultant home', HOME);
  await run('clients(first: 50) + engagements + milestones', CLIENTS);
  await run('audit with scores, deltas, benchmark', AUDIT, { id: fixture.auditId });
  await run('charter diff', CHARTER_DIFF, {
    clientId: fixture.charter.clientId,
    from: fixture.charter.v1,
    to: fixture.charter.v2,
  });

  // Each connection saves to its own in-progress audit, passing back the revision it was last given (kept across
  // the warm-up and the measured run).
  const audits = fixture.inProgressAudits.map((audit) => ({ ...audit, round: 0 }));
  const saveConnections = Math.min(connections, audits.length);
  // The warm-up is sequential here: a timed run ends with saves in flight whose new revision it never reads.
  for (let i = 0; i < 20; i++) {
    const audit = audits[i % saveConnections]!;
    audit.round++;
    const saved = await post(
      graphqlUrl,
      SAVE_RESPONSES,
      {
        input: {
          auditId: audit.id,
          expectedRevision: audit.revision,
          responses: responsesFor(fixture, audit.round),
        },
      },
      token,
    );
    const payload = saved.data.saveAuditResponses as {
      audit: { revision: number } | null;
      userErrors: unknown[];
    };
    if (!payload.audit) throw new Error(`bulk save refused: ${JSON.stringify(payload.userErrors)}`);
    audit.revision = payload.audit.revision;
  }
  const slot = (state: Record<string, unknown>) => audits[(state.connection as number) % audits.length]!;
  results.push(
    await load({
      ...common,
      connections: saveConnections,
      warmupSeconds: 0,
      name: `bulk save of ${fixture.criterionKeys.length} audit responses`,
      body: () => null,
      bodyFor: (state) => {
        const audit = slot(state);
        audit.round++;
        return {
          query: SAVE_RESPONSES,
          variables: {
            input: {
              auditId: audit.id,
              expectedRevision: audit.revision,
              responses: responsesFor(fixture, audit.round),
            },
          },
        };
      },
      onAnswer: (state, answer) => {
        const payload = (
          answer.data as { saveAuditResponses?: { audit?: { revision: number } | null } } | null
        )?.saveAuditResponses;
        if (!payload?.audit) return false;
        slot(state).revision = payload.audit.revision;
        return true;
      },
    }),
  );
  return results;
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '-');
const pad = (text: string, width: number) => text.padEnd(width);
const lpad = (text: string, width: number) => text.padStart(width);

function table(results: LoadResult[]) {
  console.log(
    `  ${pad('operation', 48)}${lpad('req/s', 9)}${lpad('p50 ms', 9)}${lpad('p95 ms', 9)}${lpad('p99 ms', 9)}${lpad('SQL/req', 9)}${lpad('SQL ms', 9)}${lpad('failed', 8)}`,
  );
  for (const r of results) {
    console.log(
      `  ${pad(r.name, 48)}${lpad(r.rps.toFixed(0), 9)}${lpad(ms(r.p50), 9)}${lpad(ms(r.p95), 9)}${lpad(ms(r.p99), 9)}${lpad(r.statements === null ? '-' : r.statements.toFixed(1), 9)}${lpad(r.sqlMs === null ? '-' : r.sqlMs.toFixed(2), 9)}${lpad(String(r.failures), 8)}`,
    );
  }
  for (const r of results.filter((result) => result.firstFailure)) {
    console.log(`  first failure of ${r.name}: ${r.firstFailure}`);
  }
}

const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');

async function main() {
  const startedAt = performance.now();
  console.log('Service Programme bench');
  console.log(
    `machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
      `Node ${process.version}, ${os.platform()} ${os.release()}`,
  );
  console.log(
    `sizes: ${sizes.join(', ')} consultancies; ${seconds} s per scenario; ${connections} connections`,
  );
  console.log(`load average at start: ${loadAverage()} (other work on the machine skews the figures)`);

  const database = await startBenchDatabase((line) => console.error(line));
  const { createAppDataSource } = await import('../../apps/api/src/core/database/data-source.js');
  const { createApi } = await import('../../apps/api/src/core/server.js');
  const { entities } = await import('../../apps/api/src/modules/index.js');
  const dataSource = createAppDataSource(database.appUrl, entities, { poolSize: 20 });
  let api: Awaited<ReturnType<typeof createApi>> | null = null;
  let server: Server | null = null;
  const bySize = new Map<number, LoadResult[]>();
  try {
    await dataSource.initialize();
    const [version] = (await dataSource.query('SHOW server_version')) as { server_version: string }[];
    console.log(`PostgreSQL ${version?.server_version} (embedded, fsync on), API pool 20\n`);
    api = await createApi({ dataSource, production: false, sessionDays: 14 });
    const app = api.app;
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    const address = server.address();
    const graphqlUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/graphql`;

    let generated = 0;
    for (const size of sizes) {
      console.log(`== ${size.toLocaleString('en')} consultancies`);
      const result = await generate(database.ownerUrl, {
        from: generated,
        to: size,
        skipForeignKeyChecks: true,
        log: console.log,
      });
      generated = size;
      const rows = Object.entries(result.rows)
        .filter(([, n]) => n > 0)
        .map(([table, n]) => `${table} ${n.toLocaleString('en')}`)
        .join(', ');
      console.log(
        `generated ${result.totalRows.toLocaleString('en')} rows in ${result.seconds.toFixed(1)} s ` +
          `(${Math.round(result.totalRows / result.seconds).toLocaleString('en')} rows/s): ${rows}`,
      );

      const fixture = await tenantFixture(database.ownerUrl, MEASURED_TENANT);
      const logIn = await post(graphqlUrl, LOG_IN, {
        input: { email: fixture.email, password: fixture.password },
      });
      const token = (logIn.data.logIn as { token: string | null }).token;
      if (!token) throw new Error('The bench consultancy could not sign in.');
      const results = await scenarios(graphqlUrl, fixture, token);

      const baseline = await startBaseline(database.ownerUrl, fixture.tenantId);
      try {
        const baselineUrl = baseline.url;
        const before = baseline.statements();
        await post(baselineUrl, CLIENTS, {});
        const statements = baseline.statements() - before;
        const measured = await load({
          name: 'baseline: clients(first: 50) (Apollo + pg)',
          url: baselineUrl,
          connections,
          seconds,
          body: () => ({ query: CLIENTS }),
        });
        results.push({ ...measured, statements });
      } finally {
        await baseline.stop();
      }
      table(results);
      const product = results[1] as LoadResult;
      const plain = results.at(-1) as LoadResult;
      console.log(
        `  product / baseline for clients(first: 50): p50 ${(product.p50 / plain.p50).toFixed(2)}x, ` +
          `p95 ${(product.p95 / plain.p95).toFixed(2)}x (target within 1.5x), p99 ${(product.p99 / plain.p99).toFixed(2)}x, ` +
          `req/s ${(product.rps / plain.rps).toFixed(2)}x\n`,
      );
      bySize.set(size, results);
    }

    if (sizes.length > 1) {
      const first = sizes[0] as number;
      const last = sizes.at(-1) as number;
      console.log(
        `== latency as tenants grow (p50 / p95 ms at each size; ratio ${last} vs ${first}, target within 1.3x)`,
      );
      const names = (bySize.get(first) ?? []).map((r) => r.name);
      for (const [i, name] of names.entries()) {
        const cells = sizes.map((size) => {
          const r = bySize.get(size)?.[i] as LoadResult;
          return `${lpad(size.toLocaleString('en'), 6)}: ${ms(r.p50)} / ${ms(r.p95)}`;
        });
        const a = bySize.get(first)?.[i] as LoadResult;
        const b = bySize.get(last)?.[i] as LoadResult;
        console.log(
          `  ${pad(name, 48)}${cells.join('   ')}   ratio p50 ${(b.p50 / a.p50).toFixed(2)}x, p95 ${(b.p95 / a.p95).toFixed(2)}x`,
        );
      }
      // The database's own share, which is what the number of tenants can change: latency on a shared machine
      // also moves with whatever else the cores are doing.
      console.log(
        `\n== time inside PostgreSQL per request as tenants grow (mean ms; ratio ${last} vs ${first})`,
      );
      for (const [i, name] of names.entries()) {
        const sql = sizes.map((size) => (bySize.get(size)?.[i] as LoadResult).sqlMs);
        if (sql.some((value) => value === null)) continue;
        const cells = sizes.map(
          (size, k) => `${lpad(size.toLocaleString('en'), 6)}: ${(sql[k] as number).toFixed(2)}`,
        );
        console.log(
          `  ${pad(name, 48)}${cells.join('   ')}   ratio ${((sql.at(-1) as number) / (sql[0] as number)).toFixed(2)}x`,
        );
      }
    }
    console.log(`\nload average at the end: ${loadAverage()}`);
    console.log(`bench finished in ${((performance.now() - startedAt) / 1000).toFixed(0)} s`);
  } finally {
    if (api) await api.stop(server ?? undefined);
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
