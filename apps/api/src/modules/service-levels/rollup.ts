import type { TenantDb } from '../../core/tenancy/tenant-db.js';

/**
 * The statements that store a batch of intervals and keep the period rollup in step with it. Each is one statement
 * for the whole batch (arrays through `unnest`), whatever its size, and names its tenant: on Citus each goes to the
 * one worker holding the consultancy.
 */

/** One interval of a batch as it is stored: its service level's client, and the period it counts in. */
export interface IntervalToStore {
  serviceLevelId: string;
  clientId: string;
  start: Date;
  end: Date;
  good: number;
  valid: number;
  excluded: number | null;
  periodStart: Date;
}

/** A period a batch touches, as it is judged: its bounds under the version in force, its label and version. */
export interface PeriodToRoll {
  serviceLevelId: string;
  clientId: string;
  start: Date;
  end: Date;
  label: string;
  version: number;
}

/** A stored interval, as `matchStored` compares it with the batch's. */
export interface StoredInterval {
  serviceLevelId: string;
  start: Date;
  end: Date;
  good: number;
  valid: number;
  excluded: number | null;
}

/** A stored interval as raw SQL returns it: `SELECT service_level_id, starts_at, ends_at, good, valid, excluded`. */
export interface IntervalSqlRow {
  service_level_id: string;
  starts_at: Date;
  ends_at: Date;
  good: number;
  valid: number;
  excluded: number | null;
}

export function storedInterval(row: IntervalSqlRow): StoredInterval {
  return {
    serviceLevelId: row.service_level_id,
    start: row.starts_at,
    end: row.ends_at,
    good: row.good,
    valid: row.valid,
    excluded: row.excluded,
  };
}

/** Where a batch could meet stored intervals: from a period's start to the latest end of the batch's in it. */
export interface StoredRange {
  serviceLevelId: string;
  periodStart: Date;
  until: Date;
}

const iso = (date: Date) => date.toISOString();

/**
 * The stored intervals a batch could replace or overlap. An interval never straddles two periods, so a stored one
 * overlapping the batch's intervals of a period starts in that period, between its start and the latest end among
 * them: one range per touched period, read in one statement. Each range is bounded both by `starts_at` and by
 * `period_start`, so that whichever index the planner picks (its statistics lag behind a table filled by bulk
 * calls: a probe per interval was once planned as a scan of the whole history each, 20 million rows for one call),
 * it reads one period at most.
 */
export async function storedInRanges(
  db: TenantDb,
  ranges: readonly StoredRange[],
): Promise<StoredInterval[]> {
  const rows = (await db.query(
    `SELECT m.service_level_id, m.starts_at, m.ends_at, m.good, m.valid, m.excluded
       FROM unnest($2::uuid[], $3::timestamptz[], $4::timestamptz[]) AS r(level, period_start, until)
      CROSS JOIN LATERAL (
        SELECT service_level_id, starts_at, ends_at, good, valid, excluded FROM service_level_measurements
         WHERE tenant_id = $1 AND service_level_id = r.level AND period_start = r.period_start
           AND starts_at >= r.period_start AND starts_at < r.until
        OFFSET 0) m`,
    [
      db.tenantId,
      ranges.map((r) => r.serviceLevelId),
      ranges.map((r) => iso(r.periodStart)),
      ranges.map((r) => iso(r.until)),
    ],
  )) as IntervalSqlRow[];
  return rows.map(storedInterval);
}

/** A period's totals as stored before the batch, and whether it holds figures at all. */
export interface PeriodBefore {
  good: number;
  valid: number;
  hasFigures: boolean;
}

/** The stored totals of the given periods (those without a row are left out). */
export async function periodsBefore(
  db: TenantDb,
  periods: readonly Pick<PeriodToRoll, 'serviceLevelId' | 'start'>[],
): Promise<Map<string, PeriodBefore>> {
  if (periods.length === 0) return new Map();
  const rows = (await db.query(
    `SELECT p.service_level_id, p.starts_at, p.good, p.valid,
            p.valid > 0 OR EXISTS (
              SELECT 1 FROM service_level_measurements m
               WHERE m.tenant_id = $1 AND m.service_level_id = p.service_level_id AND m.period_start = p.starts_at
                 AND m.starts_at >= p.starts_at AND m.starts_at < p.ends_at
            ) AS has_figures
       FROM service_level_periods p
       JOIN unnest($2::uuid[], $3::timestamptz[]) AS t(level, starts)
         ON p.service_level_id = t.level AND p.starts_at = t.starts
      WHERE p.tenant_id = $1`,
    [db.tenantId, periods.map((p) => p.serviceLevelId), periods.map((p) => iso(p.start))],
  )) as { service_level_id: string; starts_at: Date; good: string; valid: string; has_figures: boolean }[];
  return new Map(
    rows.map((row) => [
      periodKey(row.service_level_id, row.starts_at),
      { good: Number(row.good), valid: Number(row.valid), hasFigures: row.has_figures },
    ]),
  );
}

export const periodKey = (serviceLevelId: string, start: Date) => `${serviceLevelId} ${start.getTime()}`;

/**
 * Inserts the batch's intervals; one with the start of a stored one replaces it (the caller has refused every
 * other overlap, so a conflicting start always has the same end).
 */
export async function writeIntervals(
  db: TenantDb,
  intervals: readonly IntervalToStore[],
  recordedAt: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO service_level_measurements
            (tenant_id, service_level_id, client_id, starts_at, ends_at, good, valid, excluded, period_start,
             recorded_at)
     SELECT $1, b.level, b.client, b.starts, b.ends, b.good, b.valid, b.excluded, b.period_start, $10
       FROM unnest($2::uuid[], $3::uuid[], $4::timestamptz[], $5::timestamptz[], $6::int[], $7::int[], $8::int[],
                   $9::timestamptz[]) AS b(level, client, starts, ends, good, valid, excluded, period_start)
     ON CONFLICT (tenant_id, service_level_id, starts_at) DO UPDATE
        SET ends_at = EXCLUDED.ends_at, good = EXCLUDED.good, valid = EXCLUDED.valid,
            excluded = EXCLUDED.excluded, period_start = EXCLUDED.period_start, recorded_at = EXCLUDED.recorded_at`,
    [
      db.tenantId,
      intervals.map((i) => i.serviceLevelId),
      intervals.map((i) => i.clientId),
      intervals.map((i) => iso(i.start)),
      intervals.map((i) => iso(i.end)),
      intervals.map((i) => i.good),
      intervals.map((i) => i.valid),
      intervals.map((i) => i.excluded),
      intervals.map((i) => iso(i.periodStart)),
      iso(recordedAt),
    ],
  );
}

/** A period's totals after the batch. */
export interface PeriodAfter {
  good: number;
  valid: number;
  excluded: number;
}

/**
 * Sums the touched periods again from their measurements, in one statement: the period rows always hold the totals
 * of the intervals stored, in the same transaction. Each period is summed by an index probe: its intervals are
 * those counted in it (`period_start`), which all start within it, so both indexes narrow the search to the period
 * whatever the planner's statistics say. Answers the new totals by period.
 */
export async function rollUpPeriods(
  db: TenantDb,
  periods: readonly PeriodToRoll[],
): Promise<Map<string, PeriodAfter>> {
  const rows = (await db.query(
    `INSERT INTO service_level_periods
            (tenant_id, service_level_id, client_id, starts_at, ends_at, label, definition_version, good, valid,
             excluded)
     SELECT $1, t.level, t.client, t.starts, t.ends, t.label, t.version, s.good, s.valid, s.excluded
       FROM unnest($2::uuid[], $3::uuid[], $4::timestamptz[], $5::timestamptz[], $6::text[], $7::int[])
              AS t(level, client, starts, ends, label, version)
      CROSS JOIN LATERAL (
        SELECT sum(m.good) AS good, sum(m.valid) AS valid, coalesce(sum(m.excluded), 0) AS excluded
          FROM service_level_measurements m
         WHERE m.tenant_id = $1 AND m.service_level_id = t.level AND m.period_start = t.starts
           AND m.starts_at >= t.starts AND m.starts_at < t.ends
         GROUP BY m.period_start) s
     ON CONFLICT (tenant_id, service_level_id, starts_at) DO UPDATE
        SET ends_at = EXCLUDED.ends_at, label = EXCLUDED.label, definition_version = EXCLUDED.definition_version,
            good = EXCLUDED.good, valid = EXCLUDED.valid, excluded = EXCLUDED.excluded
     RETURNING service_level_id, starts_at, good, valid, excluded`,
    [
      db.tenantId,
      periods.map((p) => p.serviceLevelId),
      periods.map((p) => p.clientId),
      periods.map((p) => iso(p.start)),
      periods.map((p) => iso(p.end)),
      periods.map((p) => p.label),
      periods.map((p) => p.version),
    ],
  )) as { service_level_id: string; starts_at: Date; good: string; valid: string; excluded: string }[];
  return new Map(
    rows.map((row) => [
      periodKey(row.service_level_id, row.starts_at),
      { good: Number(row.good), valid: Number(row.valid), excluded: Number(row.excluded) },
    ]),
  );
}

export interface CorrectionToRecord {
  serviceLevelId: string;
  clientId: string;
  periodStart: Date;
  periodLabel: string;
  before: { good: number; valid: number };
  after: { good: number; valid: number };
}

/** One correction row per closed period whose judged figures the batch changed, all with the batch's reason. */
export async function recordCorrections(
  db: TenantDb,
  corrections: readonly CorrectionToRecord[],
  reason: string,
  recordedBy: string | null,
  recordedAt: Date,
): Promise<void> {
  if (corrections.length === 0) return;
  await db.query(
    `INSERT INTO service_level_corrections
            (tenant_id, service_level_id, client_id, period_start, period_label, reason, good_before, valid_before,
             good_after, valid_after, recorded_by, recorded_at)
     SELECT $1, c.level, c.client, c.period_start, c.label, $2, c.good_before, c.valid_before, c.good_after,
            c.valid_after, $3, $4
       FROM unnest($5::uuid[], $6::uuid[], $7::timestamptz[], $8::text[], $9::bigint[], $10::bigint[],
                   $11::bigint[], $12::bigint[])
              AS c(level, client, period_start, label, good_before, valid_before, good_after, valid_after)`,
    [
      db.tenantId,
      reason,
      recordedBy,
      iso(recordedAt),
      corrections.map((c) => c.serviceLevelId),
      corrections.map((c) => c.clientId),
      corrections.map((c) => iso(c.periodStart)),
      corrections.map((c) => c.periodLabel),
      corrections.map((c) => c.before.good),
      corrections.map((c) => c.before.valid),
      corrections.map((c) => c.after.good),
      corrections.map((c) => c.after.valid),
    ],
  );
}

/** What a batch changes on each service level's own row. */
export interface LevelChange {
  id: string;
  measuredUntil: Date;
  inBreach: boolean;
}

/** `measured_until` moves on to the end of the latest interval received; `in_breach` as the announcements left it. */
export async function updateLevels(db: TenantDb, changes: readonly LevelChange[]): Promise<void> {
  await db.query(
    `UPDATE service_levels s
        SET measured_until = GREATEST(s.measured_until, u.measured_until), in_breach = u.in_breach
       FROM unnest($2::uuid[], $3::timestamptz[], $4::boolean[]) AS u(id, measured_until, in_breach)
      WHERE s.tenant_id = $1 AND s.id = u.id`,
    [
      db.tenantId,
      changes.map((c) => c.id),
      changes.map((c) => iso(c.measuredUntil)),
      changes.map((c) => c.inBreach),
    ],
  );
}
