import { z } from 'zod';
import { DATE_TIME_RULE, isRealDate, isRealDateTime } from '../validation/text.js';
import { fieldError, type Checked, type FieldError } from '../validation/field-errors.js';
import type { MeasuredInterval } from './compliance.js';
import { periodContaining, type ServicePeriod, type ServicePeriodKind } from './periods.js';

/**
 * Measurements are counts per interval, as contact-centre platforms export them: from start (inclusive) to end
 * (exclusive), how many events were valid, how many of those were good, and optionally how many were left out
 * under the service level's exclusion rule (those are not part of valid).
 */

/** Well above one bulk call (1,000) and a day of minute intervals, below what one request should carry. */
export const MAX_INTERVALS_PER_BATCH = 10_000;

/** Per interval; far above any real interval, and it keeps a quarter's totals exact in floating point. */
export const MAX_COUNT = 1_000_000_000;

/** An instant as an ISO 8601 text with its offset, or a Date (the API's DateTime scalar), in the years 1900–9999. */
function instant(label: string) {
  return z
    .union([z.string(), z.date()], `${label} must be ${DATE_TIME_RULE}.`)
    .refine(
      (value) =>
        typeof value === 'string'
          ? isRealDateTime(value)
          : !Number.isNaN(value.getTime()) && isRealDate(value.toISOString().slice(0, 10)),
      `${label} must be ${DATE_TIME_RULE}.`,
    )
    .transform((value) => (typeof value === 'string' ? new Date(value) : value));
}

function count(label: string) {
  return z
    .number(`${label} must be a number.`)
    .int(`${label} must be a whole number.`)
    .min(0, `${label} cannot be negative.`)
    .max(MAX_COUNT, `${label} must be at most ${MAX_COUNT.toLocaleString('en-GB')}.`);
}

export const measurementIntervalInput = z
  .object({
    start: instant('Start'),
    end: instant('End'),
    good: count('Good'),
    valid: count('Valid'),
    excluded: count('Excluded')
      .nullish()
      .transform((value) => value ?? null),
  })
  .superRefine((value, ctx) => {
    // Zod runs this even when a field above was refused (and so left untransformed).
    const timed = value.start instanceof Date && value.end instanceof Date;
    if (timed && value.end.getTime() <= value.start.getTime()) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'End must be after the start.' });
    }
    if (value.good > value.valid) {
      ctx.addIssue({ code: 'custom', path: ['good'], message: 'Good cannot be more than valid.' });
    }
  });
export type MeasurementIntervalInput = z.input<typeof measurementIntervalInput>;
export type MeasurementInterval = z.output<typeof measurementIntervalInput>;

export interface MeasurementBatchContext {
  /** Intervals may not end after this instant: their counts cannot be complete yet. */
  now: Date;
  /** The dotted path of the list in the input, for the errors' `field` (`intervals.3.good`). */
  field?: string;
  /** When given, an interval must lie within one period of the service level (it is counted where it starts). */
  periods?: { kind: ServicePeriodKind; timeZone: string };
}

/**
 * A batch is all or nothing: every bad row is reported, each with its index and field (`intervals.3.good`), and
 * nothing is taken unless none is bad. Beyond each row's own rules, an interval may not end in the future, may not
 * overlap another of the same batch (the later one by start is reported, naming the earlier row), and, when the
 * service level's periods are given, may not straddle two periods.
 */
export function checkMeasurementBatch(
  input: unknown,
  context: MeasurementBatchContext,
): Checked<MeasurementInterval[]> {
  const base = context.field ?? 'intervals';
  if (!Array.isArray(input))
    return { ok: false, errors: [fieldError(base, 'INVALID', 'Give a list of intervals.')] };
  if (input.length === 0)
    return { ok: false, errors: [fieldError(base, 'REQUIRED', 'Give at least one interval.')] };
  if (input.length > MAX_INTERVALS_PER_BATCH) {
    return {
      ok: false,
      errors: [
        fieldError(
          base,
          'TOO_LONG',
          `Send at most ${MAX_INTERVALS_PER_BATCH.toLocaleString('en-GB')} intervals at once.`,
        ),
      ],
    };
  }
  const errors: FieldError[] = [];
  const periodOf = context.periods ? periodFinder(context.periods.kind, context.periods.timeZone) : null;
  const rows: { index: number; interval: MeasurementInterval }[] = [];
  input.forEach((row, index) => {
    const parsed = measurementIntervalInput.safeParse(row);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const code = issue.code === 'too_big' ? 'TOO_LONG' : 'INVALID';
        errors.push(fieldError([base, index, ...issue.path.map(String)].join('.'), code, issue.message));
      }
      return;
    }
    const interval = parsed.data;
    if (interval.end.getTime() > context.now.getTime()) {
      errors.push(
        fieldError(
          `${base}.${index}.end`,
          'INVALID',
          'The interval ends in the future: send it once it has ended.',
        ),
      );
      return;
    }
    if (periodOf) {
      const period = periodOf(interval.start);
      if (interval.end.getTime() > period.end.getTime()) {
        errors.push(
          fieldError(
            `${base}.${index}.end`,
            'INVALID',
            `The interval runs past the end of its period (${period.label}); split it at ${period.end.toISOString()}.`,
          ),
        );
        return;
      }
    }
    rows.push({ index, interval });
  });
  const sorted = [...rows].sort(
    (a, b) => a.interval.start.getTime() - b.interval.start.getTime() || a.index - b.index,
  );
  let latest: { index: number; end: number } | null = null;
  for (const { index, interval } of sorted) {
    if (latest && interval.start.getTime() < latest.end) {
      errors.push(
        fieldError(
          `${base}.${index}.start`,
          'CONFLICT',
          `The interval overlaps the one at row ${latest.index}.`,
        ),
      );
    }
    if (!latest || interval.end.getTime() > latest.end) latest = { index, end: interval.end.getTime() };
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort(byRow) };
  return { ok: true, value: rows.map((row) => row.interval) };
}

function byRow(a: FieldError, b: FieldError): number {
  const row = (e: FieldError) => Number(/\.(\d+)(\.|$)/.exec(e.field)?.[1] ?? -1);
  return row(a) - row(b);
}

export interface MergedIntervals<T extends MeasuredInterval> {
  /** The stored intervals with the batch applied, by start. */
  intervals: T[];
  /** Stored intervals a resend replaced (same start and end), for the trail. */
  replaced: T[];
  /** Incoming intervals that overlap a stored one without having its bounds: the batch must be refused. */
  conflicts: T[];
}

/**
 * Applying a checked batch to what is stored: an interval with the same start and end as a stored one replaces it
 * (a resend is idempotent: the same counts give the same result), a new one is added, and one that overlaps a
 * stored interval with other bounds is a conflict. The result does not depend on the order of either list.
 */
export function mergeIntervals<T extends MeasuredInterval>(
  stored: readonly T[],
  incoming: readonly T[],
): MergedIntervals<T> {
  const key = (i: T) => `${i.start.getTime()}/${i.end.getTime()}`;
  const byKey = new Map(stored.map((i) => [key(i), i]));
  const incomingKeys = new Set(incoming.map(key));
  const replaced = stored.filter((i) => incomingKeys.has(key(i)));
  const untouched = stored.filter((i) => !incomingKeys.has(key(i)));
  const conflicts = incoming.filter(
    (i) =>
      !byKey.has(key(i)) &&
      untouched.some((s) => s.start.getTime() < i.end.getTime() && i.start.getTime() < s.end.getTime()),
  );
  const intervals = [...untouched, ...incoming].sort(
    (a, b) => a.start.getTime() - b.start.getTime() || a.end.getTime() - b.end.getTime(),
  );
  return { intervals, replaced, conflicts };
}

/** Intervals grouped by the period each starts in, oldest period first. */
export function intervalsByPeriod<T extends MeasuredInterval>(
  intervals: readonly T[],
  kind: ServicePeriodKind,
  timeZone: string,
): { period: ServicePeriod; intervals: T[] }[] {
  const groups = new Map<string, { period: ServicePeriod; intervals: T[] }>();
  const periodOf = periodFinder(kind, timeZone);
  for (const interval of intervals) {
    const period = periodOf(interval.start);
    const group = groups.get(period.label) ?? { period, intervals: [] };
    group.intervals.push(interval);
    groups.set(period.label, group);
  }
  return [...groups.values()].sort((a, b) => a.period.start.getTime() - b.period.start.getTime());
}

/**
 * `periodContaining` for many instants, most of them in the period of the one before (intervals come in order):
 * the last period found is asked first, so a year of 15-minute intervals costs a few dozen time-zone look-ups.
 */
function periodFinder(kind: ServicePeriodKind, timeZone: string): (instant: Date) => ServicePeriod {
  let last: ServicePeriod | null = null;
  return (instant) => {
    if (!last || instant < last.start || instant >= last.end)
      last = periodContaining(instant, kind, timeZone);
    return last;
  };
}
