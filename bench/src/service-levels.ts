import {
  periodContaining,
  periodStatus,
  periodsBetween,
  type ServicePeriod,
  type ServicePeriodKind,
} from '@csp/domain';
import {
  QUARTER_HOUR_MS,
  quarterHourCounts,
  quarterHoursBetween,
  type QuarterHour,
} from '../../apps/api/src/demo/call-traffic.js';
import type pg from 'pg';
import type { Kind, Row } from './generate.js';

/**
 * Service levels for the generated consultancies, with their 15-minute measurements and the period rows the API
 * keeps beside them (what its rollup would have written). The measured consultancy has one service level with two
 * years of data, judged weekly: the read scenario asks for its last 104 weeks. Every consultancy (the measured one
 * too) has a lighter set, so the tables are big at 10,000 consultancies: `LIGHT_LEVELS` service levels with
 * `LIGHT_DAYS` days of data each, on the published standards of its first clients with a charter.
 *
 * The data ends at the last quarter hour before `now`: the counts of a quarter hour depend only on the consultancy,
 * the service level and its start (`quarterHourCounts`), so a consultancy is the same rows for the same `now`.
 */

export const LIGHT_LEVELS = 3;
export const LIGHT_DAYS = 4;
/** The measured consultancy's service level: two years of weeks before the current one. */
export const FULL_WEEKS = 104;

export const SERVICE_LEVEL_TABLES: Record<string, [string, Kind][]> = {
  service_levels: [
    ['tenant_id', 'uuid'],
    ['id', 'uuid'],
    ['client_id', 'uuid'],
    ['charter_id', 'uuid'],
    ['promise_key', 'text'],
    ['name', 'text'],
    ['revision', 'int'],
    ['in_breach', 'bool'],
    ['measured_until', 'timestamptz'],
    ['created_by', 'uuid'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
  service_level_versions: [
    ['tenant_id', 'uuid'],
    ['service_level_id', 'uuid'],
    ['client_id', 'uuid'],
    ['number', 'int'],
    ['effective_from', 'timestamptz'],
    ['event_kind', 'text'],
    ['good_rule', 'text'],
    ['threshold_value', 'float'],
    ['threshold_unit', 'text'],
    ['target', 'float'],
    ['period', 'text'],
    ['time_zone', 'text'],
    ['business_hours', 'jsonb'],
    ['exclusion_rule', 'text'],
    ['created_by', 'uuid'],
    ['created_at', 'timestamptz'],
  ],
  service_level_periods: [
    ['tenant_id', 'uuid'],
    ['service_level_id', 'uuid'],
    ['client_id', 'uuid'],
    ['starts_at', 'timestamptz'],
    ['ends_at', 'timestamptz'],
    ['label', 'text'],
    ['definition_version', 'int'],
    ['good', 'int'],
    ['valid', 'int'],
    ['excluded', 'int'],
    ['at_risk_announced_at', 'timestamptz'],
  ],
};

/**
 * One service level's measurements: its quarter hours are consecutive from `first`, so each travels as its counts
 * and the index of its period, and PostgreSQL works out the times (`insertMeasurements`): a fraction of the bytes of
 * three uuids and three timestamps per row, which made the measurements most of the generation time.
 */
export interface MeasurementRun {
  tenantId: string;
  serviceLevelId: string;
  clientId: string;
  first: string;
  good: number[];
  valid: number[];
  excluded: number[];
  /** Per quarter hour, the index of its period in `periodStarts`. */
  periodOf: number[];
  periodStarts: string[];
}

/** A published promise with a standard, as the charter generator wrote it. */
export interface MeasurablePromise {
  clientId: string;
  charterId: string;
  key: string;
  metric: string;
  /** A percentage, as in the charter (80 is 80 %). */
  target: number;
}

export interface ServiceLevelPlan {
  tenantId: string;
  index: number;
  adminId: string;
  /** In the order of the clients, then of the promises. */
  promises: MeasurablePromise[];
  /** Whether this is the measured consultancy (it gets the two-year service level). */
  measured: boolean;
  now: Date;
  uuid: () => string;
}

const WEEK_MS = 7 * 86_400_000;
const ZONES = ['Europe/London', 'Pacific/Auckland', 'America/New_York', 'Australia/Sydney'];
const LIGHT_PERIODS: ServicePeriodKind[] = ['WEEK', 'DAY', 'MONTH'];

/** The last quarter hour before `now` ends here. */
export function measuredUntil(now: Date): Date {
  return new Date(Math.floor(now.getTime() / QUARTER_HOUR_MS) * QUARTER_HOUR_MS);
}

/**
 * The quarter hours of a window and the period each counts in, as ISO texts: the same for every consultancy with
 * the same zone, period kind and window, so 10,000 consultancies ask the time zone a handful of times, not 20
 * million.
 */
interface Skeleton {
  slots: QuarterHour[];
  starts: string[];
  /** Per slot, the index of its period in `periods`. */
  periodOf: number[];
  periods: ServicePeriod[];
  periodStarts: string[];
}
const skeletons = new Map<string, Skeleton>();

function skeletonOf(from: Date, to: Date, kind: ServicePeriodKind, timeZone: string): Skeleton {
  const key = `${from.toISOString()}/${to.toISOString()}/${kind}/${timeZone}`;
  let skeleton = skeletons.get(key);
  if (!skeleton) {
    const slots = quarterHoursBetween(from, to, timeZone);
    const periods = periodsBetween(from, to, kind, timeZone);
    const periodOf: number[] = [];
    let p = 0;
    for (const slot of slots) {
      while (slot.start >= (periods[p] as ServicePeriod).end.getTime()) p++;
      periodOf.push(p);
    }
    skeleton = {
      slots,
      starts: slots.map((slot) => new Date(slot.start).toISOString()),
      periodOf,
      periods,
      periodStarts: periods.map((period) => period.start.toISOString()),
    };
    skeletons.set(key, skeleton);
  }
  return skeleton;
}

interface Level {
  promise: MeasurablePromise;
  kind: ServicePeriodKind;
  timeZone: string;
  from: Date;
  /** Calls per quarter hour at the Monday peak, and the good share of an ordinary quarter hour. */
  peak: number;
  goodShare: number;
  seed: number;
}

export interface ServiceLevelData {
  /** Keyed by table, as `SERVICE_LEVEL_TABLES` lists them. */
  rows: Record<string, Row[]>;
  measurements: MeasurementRun[];
}

/** A consultancy's service levels: their rows, and their measurements per service level. */
export function serviceLevelRows(plan: ServiceLevelPlan): ServiceLevelData {
  const data: ServiceLevelData = {
    rows: Object.fromEntries(Object.keys(SERVICE_LEVEL_TABLES).map((table) => [table, []])),
    measurements: [],
  };
  const until = measuredUntil(plan.now);
  const zone = ZONES[plan.index % ZONES.length] as string;
  const levels: Level[] = [];
  const [first, ...others] = plan.promises;
  if (plan.measured && first) {
    const weekAgo = new Date(until.getTime() - FULL_WEEKS * 7 * 86_400_000);
    levels.push({
      promise: first,
      kind: 'WEEK',
      timeZone: 'Europe/London',
      from: periodContaining(weekAgo, 'WEEK', 'Europe/London').start,
      peak: 40,
      goodShare: first.target / 100 + 0.03,
      seed: plan.index * 1_000 + 1,
    });
  }
  // One promise per client, so the light set spreads over the consultancy's first clients.
  const light = (plan.measured ? others : plan.promises).filter(
    (promise, k, all) => all.findIndex((p) => p.clientId === promise.clientId) === k,
  );
  for (const [k, promise] of light.slice(0, LIGHT_LEVELS).entries()) {
    const from = new Date(until.getTime() - LIGHT_DAYS * 86_400_000);
    levels.push({
      promise,
      kind: LIGHT_PERIODS[k % LIGHT_PERIODS.length] as ServicePeriodKind,
      timeZone: zone,
      from,
      peak: 8 + ((plan.index + k) % 5) * 6,
      goodShare: promise.target / 100 + 0.03,
      seed: plan.index * 1_000 + 10 + k,
    });
  }
  for (const level of levels) addLevel(data, plan, level, until);
  return data;
}

function addLevel(data: ServiceLevelData, plan: ServiceLevelPlan, level: Level, until: Date) {
  const { rows } = data;
  const { promise } = level;
  const id = plan.uuid();
  const target = promise.target / 100;
  const skeleton = skeletonOf(level.from, until, level.kind, level.timeZone);
  const base = { tenant_id: plan.tenantId, service_level_id: id, client_id: promise.clientId };
  const totals = skeleton.periods.map(() => ({ good: 0, valid: 0, excluded: 0 }));
  const run: MeasurementRun = {
    tenantId: plan.tenantId,
    serviceLevelId: id,
    clientId: promise.clientId,
    first: skeleton.starts[0]!,
    good: [],
    valid: [],
    excluded: [],
    periodOf: skeleton.periodOf,
    periodStarts: skeleton.periodStarts,
  };
  for (let i = 0; i < skeleton.slots.length; i++) {
    const slot = skeleton.slots[i]!;
    // Some weeks are better than others: the good share wanders by up to 4 points from week to week.
    const week = Math.floor(slot.start / WEEK_MS);
    const goodShare = level.goodShare + 0.04 * Math.sin(week * 1.7 + level.seed);
    const { good, valid, excluded } = quarterHourCounts(slot, { peak: level.peak, goodShare }, level.seed);
    const sum = totals[skeleton.periodOf[i]!]!;
    sum.good += good;
    sum.valid += valid;
    sum.excluded += excluded;
    run.good.push(good);
    run.valid.push(valid);
    run.excluded.push(excluded);
  }
  data.measurements.push(run);
  const effectiveFrom = skeleton.periods[0]!.start.toISOString();
  const closed = skeleton.periods
    .map((period, p) => ({ period, totals: totals[p]! }))
    .filter(({ period, totals: sum }) => period.end <= plan.now && sum.valid > 0);
  const latest = closed.at(-1);
  rows.service_levels!.push({
    tenant_id: plan.tenantId,
    id,
    client_id: promise.clientId,
    charter_id: promise.charterId,
    promise_key: promise.key,
    name: promise.metric,
    revision: 1,
    in_breach: latest ? periodStatus(latest.totals, target) === 'MISSED' : false,
    measured_until: new Date(skeleton.slots.at(-1)!.start + QUARTER_HOUR_MS).toISOString(),
    created_by: plan.adminId,
    created_at: effectiveFrom,
    updated_at: effectiveFrom,
  });
  rows.service_level_versions!.push({
    ...base,
    number: 1,
    effective_from: effectiveFrom,
    event_kind: 'CALL',
    good_rule: 'answered by a person within',
    threshold_value: 20,
    threshold_unit: 'SECONDS',
    target,
    period: level.kind,
    time_zone: level.timeZone,
    business_hours: null,
    exclusion_rule: 'Calls abandoned within 5 seconds are not counted; all others are valid.',
    created_by: plan.adminId,
    created_at: effectiveFrom,
  });
  for (const [p, period] of skeleton.periods.entries()) {
    const sum = totals[p]!;
    rows.service_level_periods!.push({
      ...base,
      starts_at: period.start.toISOString(),
      ends_at: period.end.toISOString(),
      label: period.label,
      definition_version: 1,
      ...sum,
      at_risk_announced_at: null,
    });
  }
}

/**
 * The measurements of many service levels in one statement: per row its run (service level), quarter hour and
 * period by number, the times computed from the run's first quarter hour. Recorded as each interval ended.
 */
export async function insertMeasurements(client: pg.ClientBase, runs: MeasurementRun[]): Promise<number> {
  const run: number[] = [];
  const slot: number[] = [];
  const good: number[] = [];
  const valid: number[] = [];
  const excluded: number[] = [];
  const period: number[] = [];
  const periodStarts: string[] = [];
  runs.forEach((r, k) => {
    const offset = periodStarts.length;
    periodStarts.push(...r.periodStarts);
    for (let i = 0; i < r.good.length; i++) {
      run.push(k + 1);
      slot.push(i);
      good.push(r.good[i]!);
      valid.push(r.valid[i]!);
      excluded.push(r.excluded[i]!);
      period.push(offset + r.periodOf[i]! + 1);
    }
  });
  if (run.length === 0) return 0;
  await client.query(
    `INSERT INTO service_level_measurements
       (tenant_id, service_level_id, client_id, starts_at, ends_at, good, valid, excluded, period_start, recorded_at)
     SELECT l.tenant_id, l.id, l.client_id, t.starts_at, t.starts_at + interval '15 minutes', m.good, m.valid,
            m.excluded, p.starts_at, t.starts_at + interval '15 minutes'
       FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::int[], $6::int[])
              AS m(run, slot, good, valid, excluded, period)
       JOIN unnest($7::uuid[], $8::uuid[], $9::uuid[], $10::timestamptz[]) WITH ORDINALITY
              AS l(tenant_id, id, client_id, first, run) USING (run)
       JOIN unnest($11::timestamptz[]) WITH ORDINALITY AS p(starts_at, period) USING (period)
       CROSS JOIN LATERAL (SELECT l.first + m.slot * interval '15 minutes' AS starts_at) t`,
    [
      run,
      slot,
      good,
      valid,
      excluded,
      period,
      runs.map((r) => r.tenantId),
      runs.map((r) => r.serviceLevelId),
      runs.map((r) => r.clientId),
      runs.map((r) => r.first),
      periodStarts,
    ],
  );
  return run.length;
}
