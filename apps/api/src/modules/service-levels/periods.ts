import {
  breachesAndRecoveries,
  businessElapsedShare,
  latestPeriods,
  periodCompliance,
  serviceLevelSummary,
  SUMMARY_PERIODS,
  type MeasuredInterval,
} from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { badInput } from '../../core/errors.js';
import type { ServiceLevelPeriodRow, ServiceLevelRow, ServiceLevelVersionRow } from './entities.js';
import {
  intervalsOfPeriod,
  periodKey,
  periodRows,
  periodRowsKey,
  versionsOfServiceLevel,
} from './loaders.js';
import type { ServiceLevelChangeMapper, ServiceLevelPeriodMapper } from './mappers.js';

/**
 * A service level's periods as shown: their shape (which periods, judged by which version) from the domain, their
 * figures from service_level_periods, and what the figures mean (status, interval, budget, projection) from the
 * domain's `periodCompliance`. Whatever the number of periods or service levels in a request, that is three
 * statements: the versions, the period rows, and the running periods' intervals (for the projection).
 */

export const MAX_PERIODS = 520;

interface Shape {
  label: string;
  start: Date;
  end: Date;
  version: number;
}

function judge(
  shape: Shape,
  row: ServiceLevelPeriodRow | undefined,
  versions: readonly ServiceLevelVersionRow[],
  now: Date,
  intervals: readonly MeasuredInterval[] | null,
): ServiceLevelPeriodMapper {
  const version = versions.find((v) => v.number === shape.version) ?? versions.at(-1)!;
  const figures: readonly MeasuredInterval[] =
    intervals ??
    (row
      ? [{ start: shape.start, end: shape.end, good: row.good, valid: row.valid, excluded: row.excluded }]
      : []);
  const elapsed = businessElapsedShare(shape, now, version.businessHours, version.timeZone);
  const judged = periodCompliance(figures, shape, version.target, now, elapsed);
  return {
    label: shape.label,
    start: shape.start,
    end: shape.end,
    closed: judged.closed,
    definitionVersion: version.number,
    target: version.target,
    good: judged.totals.good,
    valid: judged.totals.valid,
    excluded: judged.totals.excluded ?? 0,
    compliance: judged.compliance,
    complianceInterval: judged.interval,
    status: judged.status,
    budgetLeft: judged.budgetLeft,
    projected: judged.projected,
    atRisk: judged.atRisk,
  };
}

/** The `last` latest periods, oldest first, the running one last; periods without figures are empty, not left out. */
export async function periodsOf(
  context: RequestContext,
  serviceLevel: ServiceLevelRow,
  last: number,
  now = new Date(),
): Promise<ServiceLevelPeriodMapper[]> {
  if (!Number.isInteger(last) || last < 1 || last > MAX_PERIODS) {
    throw badInput('last', `last must be a whole number from 1 to ${MAX_PERIODS}.`);
  }
  const versions = await versionsOfServiceLevel(context).load(serviceLevel.id);
  const shapes = latestPeriods(versions, now, last);
  const rows = await periodRows(context).load(periodRowsKey(serviceLevel.id, shapes[0]!.start));
  const byStart = new Map(rows.map((row) => [row.startsAt.getTime(), row]));
  const running = shapes.at(-1)!;
  const runningRow = byStart.get(running.start.getTime());
  // Only the running period needs its intervals: its projection looks at the most recent ones.
  const intervals =
    runningRow && runningRow.valid > 0
      ? (await intervalsOfPeriod(context).load(periodKey(serviceLevel.id, running.start))).map((m) => ({
          start: m.startsAt,
          end: m.endsAt,
          good: m.good,
          valid: m.valid,
          excluded: m.excluded,
        }))
      : null;
  return shapes.map((shape) =>
    judge(shape, byStart.get(shape.start.getTime()), versions, now, shape === running ? intervals : null),
  );
}

export async function currentPeriodOf(
  context: RequestContext,
  serviceLevel: ServiceLevelRow,
): Promise<ServiceLevelPeriodMapper> {
  return (await periodsOf(context, serviceLevel, 1))[0]!;
}

export const MAX_CHANGES = 100;

/** Breaches and recoveries over every closed period with figures, newest first, at most `last`. */
export async function changesOf(
  context: RequestContext,
  serviceLevel: ServiceLevelRow,
  last: number,
  now = new Date(),
): Promise<ServiceLevelChangeMapper[]> {
  if (!Number.isInteger(last) || last < 1 || last > MAX_CHANGES) {
    throw badInput('last', `last must be a whole number from 1 to ${MAX_CHANGES}.`);
  }
  // Versions first, as periodsOf does: every field's period rows are then asked for in the same batch.
  const versions = await versionsOfServiceLevel(context).load(serviceLevel.id);
  const rows = await periodRows(context).load(periodRowsKey(serviceLevel.id, null));
  // Periods without figures neither breach nor recover, so the stored rows are all it takes.
  const closed = rows
    .filter((row) => row.endsAt.getTime() <= now.getTime())
    .map((row) =>
      judge(
        { label: row.label, start: row.startsAt, end: row.endsAt, version: row.definitionVersion },
        row,
        versions,
        now,
        null,
      ),
    );
  // Labelled by position: a period cut short by a new version shares its label with the rest of it.
  return breachesAndRecoveries(closed.map((period, index) => ({ ...period, label: String(index) })))
    .reverse()
    .slice(0, last)
    .map((event) => ({ kind: event.type, period: closed[Number(event.label)]! }));
}

/** "Kept in 11 of the last 12 weeks": the domain's words over the closed periods among the latest. */
export async function summaryOf(context: RequestContext, serviceLevel: ServiceLevelRow): Promise<string> {
  // periodsOf first: a second look-up of the (cached) versions before it would hold its period rows back a batch.
  const periods = await periodsOf(context, serviceLevel, SUMMARY_PERIODS + 1);
  const versions = await versionsOfServiceLevel(context).load(serviceLevel.id);
  return serviceLevelSummary(periods, versions.at(-1)!.period);
}
