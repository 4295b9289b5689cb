/**
 * `npm run bench`: one run that fills an embedded PostgreSQL in steps (10 consultancies, then 1,000, optionally
 * 10,000), and at each size loads the real API (in a process of its own, loopback only, bounded in time) and the
 * plain baseline (also in its own process) with the same operations. Prints requests/s, p50/p95/p99 and SQL statements per request, the product's
 * ratio to the baseline, and how each latency moves as tenants grow.
 *
 *   npm run bench                                        sizes 10 and 1,000, 10 s per scenario, 4 connections
 *   BENCH_SIZES=10,1000,10000 npm run bench              also 10,000 (BENCH_SECONDS, BENCH_CONNECTIONS too)
 *   npm run bench -w @csp/bench -- --sizes 10,1000,10000 --seconds 10 --connections 8
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startChildServer, type ChildServer } from './child-server.js';
import { apiStatementTime, startBenchDatabase } from './database.js';
import { BENCH_PASSWORD, benchEmail, generate, tenantFixture, type TenantFixture } from './generate.js';
import { CALL_SIZE, ingestScenarios, type YearLoad } from './ingest.js';
import { complaintLines, complaintScenarios, loadComplaints } from './complaints.js';
import { FEEDBACK_API_ENV, SENDERS, feedbackScenarios } from './feedback.js';
import { limitLines, limitRounds } from './limit-rounds.js';
import { load, type LoadResult } from './load.js';
import { scaleOut, scaleOutLines } from './scale-out.js';
import { post } from './post.js';
import { reportLines, reportScenario } from './reports.js';
import {
  AUDIT,
  CHARTER_DIFF,
  CLIENTS,
  HOME,
  LOG_IN,
  NOISY_AUDITS,
  NOISY_CLIENTS,
  QUIET,
  SAVE_RESPONSES,
  SERVICE_LEVEL,
} from './queries.js';

// Flags (`npm run bench -w @csp/bench -- --sizes 10,1000,10000`) or, through the root script, the environment
// (`BENCH_SIZES=10,1000,10000 npm run bench`): npm keeps flags after `--` for itself when it runs a workspace's script.
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: process.env.BENCH_SIZES ?? '10,1000' },
    seconds: { type: 'string', default: process.env.BENCH_SECONDS ?? '10' },
    connections: { type: 'string', default: process.env.BENCH_CONNECTIONS ?? '4' },
    // `service-levels`: only the service-level scenarios (reading compliance, ingest), no baseline or neighbour.
    scenarios: { type: 'string', default: process.env.BENCH_SCENARIOS ?? 'all' },
  },
});
const onlyServiceLevels = values.scenarios === 'service-levels';
// `complaints`: only the complaint patterns over three years of 50 complaints a day (complaints.ts).
const onlyComplaints = values.scenarios === 'complaints';
// `feedback`: only the feedback scenarios (public submissions with 50 senders, the client's summary): feedback.ts.
const onlyFeedback = values.scenarios === 'feedback';
// `limit`: only the limit server's rounds, interleaved with the API's (limit-rounds.ts, issue #15).
const onlyLimit = values.scenarios === 'limit';
// `reports`: only the programme report of a client grown to some thirty pages (reports.ts, issue #16).
const onlyReports = values.scenarios === 'reports';
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
/** The noisy neighbour: another consultancy, its four consultants each a caller, on this many connections. */
const NOISY_TENANT = 1;
const NOISY_CONNECTIONS = 15;

function responsesFor(fixture: TenantFixture, round: number) {
  return fixture.criterionKeys.map((criterionKey, k) => ({
    criterionKey,
    score: ((round + k) % 5) + 1,
    evidence: `Bench round ${round}`,
  }));
}

async function scenarios(
  api: ChildServer,
  ownerUrl: string,
  fixture: TenantFixture,
  token: string,
): Promise<{ results: LoadResult[]; year: YearLoad }> {
  const graphqlUrl = api.url;
  const headers = { authorization: `Bearer ${token}` };
  // The server's statement statistics and its process's CPU time are taken right before each measured run and
  // read right after it.
  let cpuAtStart = 0;
  const resetStatementTime = async () => {
    await apiStatementTime(ownerUrl);
    cpuAtStart = api.cpuMilliseconds();
  };
  const common = { url: graphqlUrl, headers, connections, seconds, beforeMeasure: resetStatementTime };
  const results: LoadResult[] = [];
  const withDbTime = async (result: LoadResult): Promise<LoadResult> => {
    const cpu = api.cpuMilliseconds() - cpuAtStart;
    const { milliseconds } = await apiStatementTime(ownerUrl);
    const perRequest = (total: number) =>
      result.requests && Number.isFinite(total) ? total / result.requests : undefined;
    return { ...result, dbMs: perRequest(milliseconds), cpuMs: perRequest(cpu) };
  };
  const run = async (
    name: string,
    query: string,
    variables: Record<string, unknown> = {},
    options: { connections?: number } = {},
  ) => {
    await post(graphqlUrl, query, variables, token); // answers without errors before it is measured
    results.push(
      await withDbTime(await load({ ...common, ...options, name, body: () => ({ query, variables }) })),
    );
  };
  if (!onlyServiceLevels) {
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
      await withDbTime(
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
      ),
    );
  }
  // Two years of one service level's 15-minute data, judged weekly: 12 weeks or 104, the same statements (the
  // figures come from the period rows, the running week's intervals from one more batched query).
  if (!fixture.serviceLevelId) throw new Error('The bench consultancy has no service level.');
  for (const last of [12, 104]) {
    await run(`service level page, periods(last: ${last})`, SERVICE_LEVEL, {
      id: fixture.serviceLevelId,
      last,
    });
  }
  // One page view at a time: the latency of the request itself, without the queue of the others on two cores.
  await run(
    'service level page, 104 weeks, 1 connection',
    SERVICE_LEVEL,
    { id: fixture.serviceLevelId, last: 104 },
    { connections: 1 },
  );
  const ingest = await ingestScenarios({
    url: graphqlUrl,
    adminToken: token,
    fixture,
    connections,
    seconds,
    beforeMeasure: resetStatementTime,
    afterMeasure: withDbTime,
  });
  results.push(ingest.throughput);
  return { results, year: ingest.year };
}

async function signIn(graphqlUrl: string, email: string): Promise<string> {
  const logIn = await post(graphqlUrl, LOG_IN, { input: { email, password: BENCH_PASSWORD } });
  const token = (logIn.data.logIn as { token: string | null }).token;
  if (!token) throw new Error(`${email} could not sign in.`);
  return token;
}

/**
 * One consultancy must not be able to stall another: the quiet consultancy's trivial query alone, then while
 * its neighbour sends its heaviest queries that the cost limit lets through, on many connections at once.
 */
async function noisyNeighbour(graphqlUrl: string, quietToken: string) {
  const noisyEmails = [
    benchEmail(NOISY_TENANT, 'admin'),
    benchEmail(NOISY_TENANT, 'consultant'),
    `consultant2-${NOISY_TENANT}@bench-${NOISY_TENANT}.example`,
    `consultant3-${NOISY_TENANT}@bench-${NOISY_TENANT}.example`,
  ];
  const noisyTokens: string[] = [];
  for (const email of noisyEmails) noisyTokens.push(await signIn(graphqlUrl, email));
  await post(graphqlUrl, QUIET, {}, quietToken);
  for (const query of [NOISY_AUDITS, NOISY_CLIENTS]) await post(graphqlUrl, query, {}, noisyTokens[0]);
  const quiet = (name: string) => ({
    name,
    url: graphqlUrl,
    headers: { authorization: `Bearer ${quietToken}` },
    connections: 1,
    seconds,
    body: () => ({ query: QUIET }),
  });
  const alone = await load(quiet('quiet consultancy alone: me + consultancy'));
  let round = 0;
  const noisy = load({
    name: `neighbour: heaviest allowed, ${NOISY_CONNECTIONS} connections`,
    url: graphqlUrl,
    connections: NOISY_CONNECTIONS,
    // Covers the quiet run's start, its warm-up and its measured seconds.
    seconds: seconds + 4,
    warmupSeconds: 0,
    body: () => null,
    headersFor: (state) => ({
      authorization: `Bearer ${noisyTokens[(state.connection as number) % noisyTokens.length]}`,
    }),
    bodyFor: () => ({ query: round++ % 2 === 0 ? NOISY_AUDITS : NOISY_CLIENTS }),
  });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const busy = await load(quiet('quiet consultancy, neighbour busy'));
  return { alone, busy, noisy: await noisy };
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '-');
const pad = (text: string, width: number) => text.padEnd(width);
const lpad = (text: string, width: number) => text.padStart(width);

function table(results: LoadResult[]) {
  console.log(
    `  ${pad('operation', 48)}${lpad('req/s', 9)}${lpad('p50 ms', 9)}${lpad('p95 ms', 9)}${lpad('p99 ms', 9)}${lpad('SQL/req', 9)}${lpad('DB ms', 9)}${lpad('CPU ms', 9)}${lpad('failed', 8)}`,
  );
  for (const r of results) {
    console.log(
      `  ${pad(r.name, 48)}${lpad(r.rps.toFixed(0), 9)}${lpad(ms(r.p50), 9)}${lpad(ms(r.p95), 9)}${lpad(ms(r.p99), 9)}${lpad(r.statements === null ? '-' : r.statements.toFixed(1), 9)}${lpad(r.dbMs === undefined ? '-' : r.dbMs.toFixed(2), 9)}${lpad(r.cpuMs === undefined ? '-' : r.cpuMs.toFixed(2), 9)}${lpad(String(r.failures), 8)}`,
    );
  }
  for (const r of results.filter((result) => result.firstFailure)) {
    console.log(`  first failure of ${r.name}: ${r.firstFailure}`);
  }
}

/** The service-level figures against the targets, under the table of the size. */
function serviceLevelLines(results: LoadResult[], year: YearLoad) {
  const read = results.filter((r) => r.name.startsWith('service level page'));
  const [twelve, twoYears, alone] = read as [LoadResult, LoadResult, LoadResult];
  const ingest = results.find((r) => r.name.startsWith('recordMeasurements')) as LoadResult;
  const number = (n: number) => Math.round(n).toLocaleString('en');
  console.log(
    `  service level page over 2 years of 15-minute data: p95 ${ms(twoYears.p95)} ms for 104 weeks on ${connections} ` +
      `connections, ${ms(alone.p95)} ms on 1 (target ≤ 50 ms); ` +
      `SQL/req ${twelve.statements?.toFixed(1)} for 12 weeks, ${twoYears.statements?.toFixed(1)} for 104 (must not grow)`,
  );
  console.log(
    `  ingest through the API: ${number(ingest.rps * CALL_SIZE)} intervals/s in calls of ${number(CALL_SIZE)} ` +
      `(target ≥ 5,000/s), ${ingest.failures} failed`,
  );
  console.log(
    `  a year of 15-minute intervals for 3 service levels: ${number(year.intervals)} intervals in ${year.calls} calls, ` +
      `${year.seconds.toFixed(1)} s (${number(year.intervals / year.seconds)} intervals/s; per call p50 ${ms(year.p50)} ms, ` +
      `p95 ${ms(year.p95)} ms); read back ${year.weeks} weeks, totals ${year.matches ? 'match' : 'DO NOT match'} what was sent\n`,
  );
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
  let api: ChildServer | null = null;
  const bySize = new Map<number, LoadResult[]>();
  try {
    const owner = new pg.Client({ connectionString: database.ownerUrl });
    await owner.connect();
    const { rows: version } = await owner.query<{ server_version: string }>('SHOW server_version');
    await owner.end();
    console.log(
      `PostgreSQL ${version[0]?.server_version} (embedded, fsync on); the API (pool 20) and the baseline each in a process of their own\n`,
    );
    // The scenarios send from one caller on `connections` connections; the in-flight limits otherwise stay at
    // their defaults (4 per caller, 4 per consultancy), which the noisy-neighbour scenario is about.
    const apiEnv: Record<string, string> = {
      APP_URL: database.appUrl,
      CONCURRENT_REQUESTS_PER_CALLER:
        process.env.CONCURRENT_REQUESTS_PER_CALLER ?? String(Math.max(4, connections)),
      CONCURRENT_REQUESTS_PER_TENANT:
        process.env.CONCURRENT_REQUESTS_PER_TENANT ?? String(Math.max(8, connections)),
      // The feedback senders are 50 anonymous callers from one address: its limits raised out of the way.
      ...(onlyFeedback
        ? {
            ...FEEDBACK_API_ENV,
            CONCURRENT_REQUESTS_PER_CALLER: String(SENDERS),
            CONCURRENCY_MAX_QUEUED: '100',
          }
        : {}),
    };
    api = await startChildServer('api', apiEnv);
    const graphqlUrl = api.url;

    let generated = 0;
    let complaintsLoaded: number | undefined;
    for (const size of sizes) {
      console.log(`== ${size.toLocaleString('en')} consultancies`);
      const result = await generate(database.ownerUrl, {
        from: generated,
        to: size,
        skipForeignKeyChecks: true,
        serviceLevels: !onlyFeedback && !onlyLimit,
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
      if (onlyComplaints) {
        // The measured consultancy is generated once, at the first size: its complaints are loaded once too.
        complaintsLoaded ??= await loadComplaints(
          database.ownerUrl,
          fixture.tenantId,
          fixture.clientId,
          new Date(),
        );
        const complaints = complaintsLoaded;
        const results = await complaintScenarios({
          url: graphqlUrl,
          token,
          clientId: fixture.clientId,
          connections,
          seconds,
          beforeMeasure: async () => void (await apiStatementTime(database.ownerUrl)),
          afterMeasure: async (result) => result,
        });
        table(results);
        complaintLines(results, complaints);
        bySize.set(size, results);
        continue;
      }
      if (onlyLimit) {
        const reads = await limitRounds({
          api,
          appUrl: database.appUrl,
          ownerUrl: database.ownerUrl,
          tenantId: fixture.tenantId,
          auditId: fixture.auditId,
          token,
          connections,
          seconds,
        });
        limitLines(reads);
        // After the per-process ratios, and apart from them: the clients read scaled out on this machine.
        const clients = reads[0]; // limitRounds measures the clients page first
        if (clients) {
          scaleOutLines(clients.api, await scaleOut({ apiEnv, token, connections, seconds }), connections);
        }
        continue;
      }
      if (onlyReports) {
        const rounds = 10;
        reportLines(
          await reportScenario({
            api,
            ownerUrl: database.ownerUrl,
            token,
            tenantId: fixture.tenantId,
            clientId: fixture.clientId,
            rounds,
          }),
          rounds,
        );
        continue;
      }
      if (onlyFeedback) {
        const feedback = await feedbackScenarios({
          url: graphqlUrl,
          ownerUrl: database.ownerUrl,
          consultantToken: token,
          clientId: fixture.charter.clientId,
          seconds,
          connections,
        });
        table([feedback.submissions, feedback.summary]);
        console.log(
          `  feedback summary p95 ${feedback.summary.p95.toFixed(1)} ms (target ≤ 100 ms); ` +
            `public submissions ${feedback.submissions.rps.toFixed(0)} req/s, p95 ${feedback.submissions.p95.toFixed(1)} ms\n`,
        );
        bySize.set(size, [feedback.submissions, feedback.summary]);
        continue;
      }
      const { results, year } = await scenarios(api, database.ownerUrl, fixture, token);
      if (onlyServiceLevels) {
        table(results);
        serviceLevelLines(results, year);
        bySize.set(size, results);
        continue;
      }

      const baseline = await startChildServer('baseline', {
        OWNER_URL: database.ownerUrl,
        TENANT_ID: fixture.tenantId,
      });
      try {
        const baselineUrl = baseline.url;
        await post(baselineUrl, CLIENTS, {}); // answers without errors before it is measured
        let cpuAtStart = 0;
        const measured = await load({
          name: 'baseline: clients(first: 50) (Apollo + pg)',
          url: baselineUrl,
          connections,
          seconds,
          body: () => ({ query: CLIENTS }),
          beforeMeasure: async () => void (cpuAtStart = baseline.cpuMilliseconds()),
        });
        const cpu = baseline.cpuMilliseconds() - cpuAtStart;
        results.push({
          ...measured,
          cpuMs: measured.requests && Number.isFinite(cpu) ? cpu / measured.requests : undefined,
        });
      } finally {
        await baseline.stop();
      }
      table(results);
      serviceLevelLines(results, year);
      const product = results[1] as LoadResult;
      const plain = results.at(-1) as LoadResult;
      console.log(
        `  product / baseline for clients(first: 50): p50 ${(product.p50 / plain.p50).toFixed(2)}x, ` +
          `p95 ${(product.p95 / plain.p95).toFixed(2)}x (target within 1.5x), p99 ${(product.p99 / plain.p99).toFixed(2)}x, ` +
          `req/s ${(product.rps / plain.rps).toFixed(2)}x\n`,
      );
      const neighbour = await noisyNeighbour(graphqlUrl, token);
      console.log(`  noisy neighbour (another consultancy's heaviest allowed queries at once)`);
      table([neighbour.alone, neighbour.busy, neighbour.noisy]);
      console.log(
        `  neighbour's answers: ${neighbour.noisy.requests - neighbour.noisy.failures} served, ` +
          `${neighbour.noisy.refused} refused with 429 (in-flight limits), ` +
          `${neighbour.noisy.failures - neighbour.noisy.refused} other failures`,
      );
      console.log(
        `  quiet consultancy with the neighbour busy / alone: p50 ${(neighbour.busy.p50 / neighbour.alone.p50).toFixed(2)}x, ` +
          `p95 ${(neighbour.busy.p95 / neighbour.alone.p95).toFixed(2)}x (target within 2x), ` +
          `p99 ${(neighbour.busy.p99 / neighbour.alone.p99).toFixed(2)}x\n`,
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
      // The database's share, which is what the number of tenants can change; latency on a shared machine also
      // moves with whatever else its cores are doing (the baseline's own query does not depend on tenants).
      console.log(
        `\n== time inside PostgreSQL per request as tenants grow (planning + execution, mean ms, pg_stat_statements; ratio ${last} vs ${first})`,
      );
      for (const [i, name] of names.entries()) {
        const times = sizes.map((size) => (bySize.get(size)?.[i] as LoadResult).dbMs);
        const [firstTime, lastTime] = [times[0], times.at(-1)];
        if (firstTime === undefined || lastTime === undefined) continue;
        const cells = sizes.map(
          (size, k) => `${lpad(size.toLocaleString('en'), 6)}: ${times[k]?.toFixed(2) ?? '-'}`,
        );
        console.log(`  ${pad(name, 48)}${cells.join('   ')}   ratio ${(lastTime / firstTime).toFixed(2)}x`);
      }
    }
    console.log(`\nload average at the end: ${loadAverage()}`);
    console.log(`bench finished in ${((performance.now() - startedAt) / 1000).toFixed(0)} s`);
  } finally {
    await api?.stop();
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
