import {
  changesJudgedResult,
  check,
  checkBatchSize,
  checkMeasurementBatch,
  closedPeriodMessage,
  correctionReasonInput,
  correctionReasonMissing,
  fieldError,
  matchStored,
  versionedPeriodFinder,
  type FieldError,
  type IntervalChange,
  type VersionedPeriod,
} from '@csp/domain';
import { In } from 'typeorm';
import type { RequestContext } from '../../core/context.js';
import { requireActor } from '../../core/auth/viewer.js';
import { refused, type Payload } from '../../core/payloads.js';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { isUuid, notFound } from '../../core/user-errors.js';
import { announceChanges, type LevelToJudge } from './announcements.js';
import { ServiceLevelEntity, ServiceLevelVersionEntity } from './entities.js';
import {
  periodKey,
  periodsBefore,
  recordCorrections,
  rollUpPeriods,
  storedInRanges,
  updateLevels,
  writeIntervals,
  type CorrectionToRecord,
  type IntervalToStore,
  type PeriodToRoll,
  type StoredInterval,
} from './rollup.js';

interface RecordMeasurementsInput {
  intervals: readonly { serviceLevelId: string }[];
  correctionReason?: string | null;
  dryRun?: boolean | null;
}

type RecordMeasurementsPayload = Payload<'RecordMeasurementsPayload'>;

function nothingRecorded(...errors: FieldError[]): RecordMeasurementsPayload {
  return { ...refused('serviceLevels', ...errors), added: 0, replaced: 0, corrected: 0 };
}

/** A service level of the batch with its definition versions, and its rows' positions in the batch. */
interface Level extends LevelToJudge {
  indexes: number[];
}

/** One interval of the batch once checked, with the period it counts in. */
interface Planned extends IntervalToStore {
  index: number;
  level: Level;
  period: VersionedPeriod;
}

/** A period the batch touches. */
interface Touched extends PeriodToRoll {
  level: Level;
  closed: boolean;
  /** The earliest start and the latest end among the batch's intervals in it. */
  from: Date;
  until: Date;
}

/**
 * Records counts per interval for one or more service levels, all or nothing (the rules are written out for
 * integrators in docs/service-levels.md):
 *
 * 1. every row is checked by the domain (`checkMeasurementBatch`), per service level, against the periods of the
 *    version in force at its start; an id the caller cannot see (unknown, another consultancy's, another client's
 *    under a client fence) is "not found", word for word alike;
 * 2. the service levels are locked in id order (two batches for the same levels wait for each other instead of
 *    deadlocking), then each interval is matched with what is stored (`matchStored`): the same start and end
 *    replaces, any other overlap is refused;
 * 3. a change to a result already judged (`changesJudgedResult`) needs a `correctionReason`, and is recorded as one
 *    correction per period;
 * 4. the intervals are written and their periods summed again, one statement each, and the webhook events the new
 *    figures cause are queued (announcements.ts).
 *
 * With `dryRun`, steps 1 to 3 run, without locks, and nothing is written, not even the activity trail: the answer
 * says what would happen (the portal's upload preview).
 */
export async function recordMeasurements(
  context: RequestContext,
  input: RecordMeasurementsInput,
): Promise<RecordMeasurementsPayload> {
  const size = checkBatchSize(input.intervals, 'intervals');
  if (!size.ok) return nothingRecorded(...size.errors);
  const reasonChecked = check(correctionReasonInput, input.correctionReason);
  if (!reasonChecked.ok) {
    return nothingRecorded(...reasonChecked.errors.map((e) => ({ ...e, field: 'correctionReason' })));
  }
  const reason = reasonChecked.value;
  const dryRun = input.dryRun === true;
  const viewer = requireActor(context.viewer);
  const now = new Date();

  const work = async (db: TenantDb): Promise<RecordMeasurementsPayload> => {
    const levels = await levelsOfBatch(db, input.intervals, { lock: !dryRun });
    const { planned, errors } = checkRows(input.intervals, levels, now);
    const touched = touchedPeriods(planned, now);
    // Only where the level's data already reaches: a period whose intervals all start at or after the end of the
    // latest one stored (`measured_until`) can meet none of them, which spares the read when data comes in order.
    const ranges = [...touched.values()]
      .filter((p) => p.level.level.measuredUntil !== null && p.level.level.measuredUntil > p.from)
      .map((p) => ({ serviceLevelId: p.serviceLevelId, periodStart: p.start, until: p.until }));
    const [stored, before] = await Promise.all([
      ranges.length > 0 ? storedInRanges(db, ranges) : Promise.resolve([]),
      periodsBefore(
        db,
        [...touched.values()].filter((p) => p.closed),
      ),
    ]);
    const matches = matchByLevel(planned, stored);

    let added = 0;
    let replaced = 0;
    const corrected = new Map<string, CorrectionToRecord>();
    const needReason: Planned[] = [];
    planned.forEach((interval, position) => {
      const { replaces, overlaps } = matches[position]!;
      if (overlaps) {
        errors.push(
          fieldError(
            `intervals.${interval.index}.start`,
            'CONFLICT',
            `A stored interval runs from ${overlaps.start.toISOString()} to ${overlaps.end.toISOString()}: ` +
              'send it with the same start and end to replace it.',
          ),
        );
        return;
      }
      if (replaces) replaced++;
      else added++;
      const change: IntervalChange = !replaces
        ? 'ADDED'
        : replaces.good === interval.good &&
            replaces.valid === interval.valid &&
            replaces.excluded === interval.excluded
          ? 'UNCHANGED'
          : 'REPLACED';
      const key = periodKey(interval.serviceLevelId, interval.period.start);
      const period = touched.get(key)!;
      const figures = before.get(key);
      const measuredUntil = interval.level.level.measuredUntil;
      const judged = changesJudgedResult(
        {
          closed: period.closed,
          hasFigures: figures?.hasFigures ?? false,
          reached: measuredUntil !== null && measuredUntil.getTime() >= period.end.getTime(),
        },
        change,
      );
      if (!judged) return;
      if (!reason) needReason.push(interval);
      if (!corrected.has(key)) {
        corrected.set(key, {
          serviceLevelId: period.serviceLevelId,
          clientId: period.clientId,
          periodStart: period.start,
          periodLabel: period.label,
          before: { good: figures?.good ?? 0, valid: figures?.valid ?? 0 },
          after: { good: 0, valid: 0 },
        });
      }
    });
    if (needReason.length > 0) {
      const labels = [...new Set(needReason.map((interval) => interval.period.label))];
      errors.push(
        fieldError('correctionReason', 'REQUIRED', correctionReasonMissing(labels)),
        ...needReason.map((interval) =>
          fieldError(
            `intervals.${interval.index}.start`,
            'INVALID',
            closedPeriodMessage(interval.period.label),
          ),
        ),
      );
    }
    if (errors.length > 0) return nothingRecorded(...errors.sort(byRow));

    const serviceLevels = [...levels.values()].map((level) => level.level);
    const counts = { added, replaced, corrected: corrected.size };
    if (dryRun) return { serviceLevels, ...counts, userErrors: [] };

    await writeIntervals(db, planned, now);
    const after = await rollUpPeriods(db, [...touched.values()]);
    await recordCorrections(
      db,
      [...corrected.entries()].map(([key, correction]) => ({ ...correction, after: after.get(key)! })),
      reason ?? '',
      viewer.kind === 'member' ? viewer.memberId : null,
      now,
    );
    const inBreach = await announceChanges(db, context, [...levels.values()], now);
    const measuredUntil = new Map<string, Date>();
    for (const interval of planned) {
      const latest = measuredUntil.get(interval.serviceLevelId);
      if (!latest || interval.end > latest) measuredUntil.set(interval.serviceLevelId, interval.end);
    }
    for (const level of serviceLevels) {
      const until = measuredUntil.get(level.id)!;
      if (!level.measuredUntil || until > level.measuredUntil) level.measuredUntil = until;
      level.inBreach = inBreach.get(level.id) ?? level.inBreach;
    }
    await updateLevels(
      db,
      serviceLevels.map((level) => ({
        id: level.id,
        measuredUntil: level.measuredUntil!,
        inBreach: level.inBreach,
      })),
    );
    return { serviceLevels, ...counts, userErrors: [] };
  };
  return dryRun ? context.db.read(work) : context.db.write(work);
}

/**
 * The batch's service levels the caller may see (row-level security leaves out another client's under a client
 * fence), in the order the batch first names them, each with its versions; locked in id order when writing.
 */
async function levelsOfBatch(
  db: TenantDb,
  intervals: readonly { serviceLevelId: string }[],
  { lock }: { lock: boolean },
): Promise<Map<string, Level>> {
  const ids = [...new Set(intervals.map((row) => row.serviceLevelId).filter(isUuid))].sort();
  if (ids.length === 0) return new Map();
  let query = db
    .getRepository(ServiceLevelEntity)
    .createQueryBuilder('s')
    .andWhere('s.id IN (:...ids)', { ids })
    .orderBy('s.id');
  if (lock) query = query.setLock('pessimistic_write');
  const rows = await query.getMany();
  if (rows.length === 0) return new Map();
  const versions = await db.getRepository(ServiceLevelVersionEntity).find({
    where: { serviceLevelId: In(rows.map((row) => row.id)) },
    order: { number: 'ASC' },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const levels = new Map<string, Level>();
  intervals.forEach((row, index) => {
    const level = byId.get(row.serviceLevelId);
    if (!level) return;
    let entry = levels.get(level.id);
    if (!entry) {
      const own = versions.filter((v) => v.serviceLevelId === level.id);
      entry = { level, versions: own, periodOf: versionedPeriodFinder(own), indexes: [] };
      levels.set(level.id, entry);
    }
    entry.indexes.push(index);
  });
  return levels;
}

/** Each row by the domain's rules, per service level and against its periods; ids not found are said so. */
function checkRows(
  intervals: readonly { serviceLevelId: string }[],
  levels: ReadonlyMap<string, Level>,
  now: Date,
): { planned: Planned[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const planned: Planned[] = [];
  intervals.forEach((row, index) => {
    if (!levels.has(row.serviceLevelId))
      errors.push(notFound(`intervals.${index}.serviceLevelId`, 'service level'));
  });
  for (const level of levels.values()) {
    const checked = checkMeasurementBatch(
      level.indexes.map((index) => intervals[index]),
      { now, field: 'intervals', periods: level.periodOf, rowIndexes: level.indexes },
    );
    if (!checked.ok) {
      errors.push(...checked.errors);
      continue;
    }
    checked.value.forEach((interval, position) => {
      const period = level.periodOf(interval.start);
      planned.push({
        ...interval,
        index: level.indexes[position]!,
        level,
        period,
        serviceLevelId: level.level.id,
        clientId: level.level.clientId,
        periodStart: period.start,
      });
    });
  }
  return { planned, errors };
}

function touchedPeriods(planned: readonly Planned[], now: Date): Map<string, Touched> {
  const touched = new Map<string, Touched>();
  for (const interval of planned) {
    const key = periodKey(interval.serviceLevelId, interval.period.start);
    const seen = touched.get(key);
    if (seen) {
      if (interval.start < seen.from) seen.from = interval.start;
      if (interval.end > seen.until) seen.until = interval.end;
      continue;
    }
    touched.set(key, {
      serviceLevelId: interval.serviceLevelId,
      clientId: interval.clientId,
      start: interval.period.start,
      end: interval.period.end,
      label: interval.period.label,
      version: interval.period.version,
      level: interval.level,
      closed: now.getTime() >= interval.period.end.getTime(),
      from: interval.start,
      until: interval.end,
    });
  }
  return touched;
}

/** What each planned interval replaces or overlaps among its own service level's stored intervals. */
function matchByLevel(planned: readonly Planned[], stored: readonly StoredInterval[]) {
  const matches = new Array<ReturnType<typeof matchStored<StoredInterval>>[number]>(planned.length);
  const positions = new Map<string, number[]>();
  planned.forEach((interval, position) => {
    const own = positions.get(interval.serviceLevelId) ?? [];
    own.push(position);
    positions.set(interval.serviceLevelId, own);
  });
  for (const [levelId, own] of positions) {
    const found = matchStored(
      stored.filter((s) => s.serviceLevelId === levelId),
      own.map((position) => planned[position]!),
    );
    own.forEach((position, n) => (matches[position] = found[n]!));
  }
  return matches;
}

/** Errors of the whole input first, then by row. */
function byRow(a: FieldError, b: FieldError): number {
  const row = (e: FieldError) => Number(/^intervals\.(\d+)\./.exec(e.field)?.[1] ?? -1);
  return row(a) - row(b);
}
