import { periodContaining } from '@csp/domain';
import {
  QUARTER_HOUR_MS,
  quarterHourCounts,
  quarterHoursBetween,
} from '../../apps/api/src/demo/call-traffic.js';
import type { TenantFixture } from './generate.js';
import { load, percentile, type LoadResult } from './load.js';
import { post } from './post.js';
import {
  CREATE_API_KEY,
  CREATE_SERVICE_LEVEL,
  RECORD_MEASUREMENTS,
  SERVICE_LEVEL_TOTALS,
} from './queries.js';
import { measuredUntil } from './service-levels.js';

/**
 * Ingest through the API as a client's platform sends it: an API key fenced to the client with the
 * MEASUREMENTS_WRITE scope, `recordMeasurements` in calls of 1,000 15-minute intervals, oldest first, on service
 * levels set up for the run (weekly, Europe/London). Loading history in order needs no correction reason: a week
 * a call ends in has not been judged yet, since the data has not reached its end.
 *
 * 1. **Throughput**: each connection on a service level of its own, sending the next 1,000 quarter hours of a
 *    history starting 20 years back, for the scenario's seconds: intervals per second (target ≥ 5,000).
 * 2. **A year for 3 service levels** (~105,000 intervals) in one run, one connection per service level, each
 *    from the start of the week a year ago up to the last quarter hour: the time and the rate, then the weeks
 *    read back and their totals checked against what was sent.
 */

export const CALL_SIZE = 1_000;
const YEAR_LEVELS = 3;
const TIME_ZONE = 'Europe/London';
const WEEK_MS = 7 * 86_400_000;

interface BenchLevel {
  id: string;
  /** The secret of an API key fenced to the service level's client. */
  key: string;
  target: number;
  seed: number;
}

export interface IngestOptions {
  url: string;
  adminToken: string;
  fixture: TenantFixture;
  connections: number;
  seconds: number;
  /** Right before the measured run, and after it: the caller's statement and CPU statistics. */
  beforeMeasure: () => Promise<void>;
  afterMeasure: (result: LoadResult) => Promise<LoadResult>;
}

export interface YearLoad {
  intervals: number;
  calls: number;
  seconds: number;
  /** Per call, ms. */
  p50: number;
  p95: number;
  weeks: number;
  /** Whether the weeks read back hold exactly the good and valid counts sent. */
  matches: boolean;
}

export interface IngestResult {
  throughput: LoadResult;
  year: YearLoad;
}

const DEFINITION = (name: string, target: number) => ({
  name,
  eventKind: 'CALL',
  goodRule: 'answered by a person within',
  threshold: { value: 20, unit: 'SECONDS' },
  target: target / 100,
  period: 'WEEK',
  timeZone: TIME_ZONE,
  exclusionRule: 'Calls abandoned within 5 seconds are not counted; all others are valid.',
});

/** Service levels on the consultancy's unmeasured standards, each with a key for its client's platform. */
async function setUpLevels(options: IngestOptions, count: number, seedFrom: number): Promise<BenchLevel[]> {
  // Taken from the fixture, so the next scenario (and size) sets up on other promises.
  const promises = options.fixture.unmeasuredPromises.splice(0, count);
  if (promises.length < count)
    throw new Error('The bench consultancy has too few standards left to measure.');
  const keys = new Map<string, string>();
  const levels: BenchLevel[] = [];
  for (const [k, promise] of promises.entries()) {
    const created = await post(
      options.url,
      CREATE_SERVICE_LEVEL,
      {
        input: {
          clientId: promise.clientId,
          promiseKey: promise.promiseKey,
          definition: DEFINITION(promise.metric, promise.target),
        },
      },
      options.adminToken,
    );
    const payload = created.data.createServiceLevel as {
      serviceLevel: { id: string } | null;
      userErrors: unknown[];
    };
    if (!payload.serviceLevel)
      throw new Error(`createServiceLevel refused: ${JSON.stringify(payload.userErrors)}`);
    let key = keys.get(promise.clientId);
    if (!key) {
      const made = await post(
        options.url,
        CREATE_API_KEY,
        {
          input: {
            name: `Contact-centre platform ${keys.size + 1}`,
            scopes: ['MEASUREMENTS_WRITE'],
            clientId: promise.clientId,
          },
        },
        options.adminToken,
      );
      key = (made.data.createApiKey as { secret: string | null }).secret ?? undefined;
      if (!key) throw new Error('createApiKey gave no secret.');
      keys.set(promise.clientId, key);
    }
    levels.push({ id: payload.serviceLevel.id, key, target: promise.target, seed: seedFrom + k });
  }
  return levels;
}

/** `CALL_SIZE` quarter hours from `from` (or fewer, up to `until`) as recordMeasurements takes them. */
function intervalsFrom(level: BenchLevel, from: number, until: number) {
  const to = Math.min(until, from + CALL_SIZE * QUARTER_HOUR_MS);
  return quarterHoursBetween(new Date(from), new Date(to), TIME_ZONE).map((slot) => ({
    serviceLevelId: level.id,
    start: new Date(slot.start).toISOString(),
    end: new Date(slot.start + QUARTER_HOUR_MS).toISOString(),
    ...quarterHourCounts(slot, { peak: 30, goodShare: level.target / 100 + 0.03 }, level.seed),
  }));
}

const weekStart = (time: number) => periodContaining(new Date(time), 'WEEK', TIME_ZONE).start.getTime();

interface RecordAnswer {
  recordMeasurements?: { added: number; userErrors: { field: string; message: string }[] };
}

async function throughput(options: IngestOptions): Promise<LoadResult> {
  const levels = await setUpLevels(options, options.connections, 100);
  const start = weekStart(Date.now() - 20 * 52 * WEEK_MS);
  const cursors = levels.map(() => start);
  const now = Date.now();
  const bodyFor = (connection: number) => {
    const k = connection % levels.length;
    const intervals = intervalsFrom(levels[k]!, cursors[k]!, now);
    cursors[k] = cursors[k]! + CALL_SIZE * QUARTER_HOUR_MS;
    return { query: RECORD_MEASUREMENTS, variables: { input: { intervals } } };
  };
  const result = await load({
    name: `recordMeasurements, calls of ${CALL_SIZE.toLocaleString('en')} intervals`,
    url: options.url,
    connections: levels.length,
    seconds: options.seconds,
    body: () => null,
    headersFor: (state) => ({
      authorization: `Bearer ${levels[(state.connection as number) % levels.length]!.key}`,
    }),
    bodyFor: (state) => bodyFor(state.connection as number),
    onAnswer: (_state, answer) =>
      (answer.data as RecordAnswer | null)?.recordMeasurements?.added === CALL_SIZE,
    beforeMeasure: options.beforeMeasure,
  });
  return options.afterMeasure(result);
}

async function yearLoad(options: IngestOptions): Promise<YearLoad> {
  const levels = await setUpLevels(options, YEAR_LEVELS, 200);
  const until = measuredUntil(new Date()).getTime();
  // 52 closed weeks and the running one.
  const from = weekStart(until - 52 * WEEK_MS);
  const latencies: number[] = [];
  const sent = levels.map(() => ({ good: 0, valid: 0 }));
  let calls = 0;
  let intervals = 0;
  const started = performance.now();
  await Promise.all(
    levels.map(async (level, k) => {
      for (let at = from; at < until; at += CALL_SIZE * QUARTER_HOUR_MS) {
        const batch = intervalsFrom(level, at, until);
        const callStarted = performance.now();
        const answer = await post(
          options.url,
          RECORD_MEASUREMENTS,
          { input: { intervals: batch } },
          level.key,
        );
        latencies.push(performance.now() - callStarted);
        const payload = (answer.data as RecordAnswer).recordMeasurements;
        if (payload?.added !== batch.length)
          throw new Error(`recordMeasurements refused: ${JSON.stringify(payload?.userErrors).slice(0, 500)}`);
        calls++;
        intervals += batch.length;
        for (const interval of batch) {
          sent[k]!.good += interval.good;
          sent[k]!.valid += interval.valid;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  let matches = true;
  let weeks = 0;
  for (const [k, level] of levels.entries()) {
    const read = await post(
      options.url,
      SERVICE_LEVEL_TOTALS,
      { id: level.id, last: 54 },
      options.adminToken,
    );
    const periods = (read.data.serviceLevel as { periods: { good: number; valid: number }[] }).periods;
    const withFigures = periods.filter((p) => p.valid > 0);
    weeks = Math.max(weeks, withFigures.length);
    const good = periods.reduce((sum, p) => sum + p.good, 0);
    const valid = periods.reduce((sum, p) => sum + p.valid, 0);
    if (good !== sent[k]!.good || valid !== sent[k]!.valid) matches = false;
  }
  latencies.sort((a, b) => a - b);
  return {
    intervals,
    calls,
    seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    weeks,
    matches,
  };
}

export async function ingestScenarios(options: IngestOptions): Promise<IngestResult> {
  const result = await throughput(options);
  return { throughput: result, year: await yearLoad(options) };
}
