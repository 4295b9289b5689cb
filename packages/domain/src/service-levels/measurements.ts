import { z } from 'zod';
import { DATE_TIME_RULE, LIMITS, isRealDate, isRealDateTime, optionalText } from '../validation/text.js';
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
  /**
   * When given, an interval must lie within one period of the service level (it is counted where it starts): the
   * period's kind and zone, or the period an instant counts in (`versionedPeriodFinder`, for a service level whose
   * definition changed: a period is then cut short where the next version takes over).
   */
  periods?: { kind: ServicePeriodKind; timeZone: string } | ((instant: Date) => ServicePeriod);
  /**
   * When the list is one part of a larger batch (one service level's rows in a batch for several), each row's index
   * in that batch: errors then name it (`intervals.17.good`, "overlaps the one at row 12").
   */
  rowIndexes?: readonly number[];
}

/** A batch holds at least one interval and at most MAX_INTERVALS_PER_BATCH; errors name the list itself. */
export function checkBatchSize(input: unknown, field = 'intervals'): Checked<unknown[]> {
  if (!Array.isArray(input))
    return { ok: false, errors: [fieldError(field, 'INVALID', 'Give a list of intervals.')] };
  if (input.length === 0)
    return { ok: false, errors: [fieldError(field, 'REQUIRED', 'Give at least one interval.')] };
  if (input.length > MAX_INTERVALS_PER_BATCH) {
    return {
      ok: false,
      errors: [
        fieldError(
          field,
          'TOO_LONG',
          `Send at most ${MAX_INTERVALS_PER_BATCH.toLocaleString('en-GB')} intervals at once.`,
        ),
      ],
    };
  }
  return { ok: true, value: input };
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
  const size = checkBatchSize(input, base);
  if (!size.ok) return size;
  const rowOf = (index: number) => context.rowIndexes?.[index] ?? index;
  const errors: FieldError[] = [];
  const periods = context.periods;
  const periodOf =
    typeof periods === 'function' ? periods : periods ? periodFinder(periods.kind, periods.timeZone) : null;
  const rows: { index: number; interval: MeasurementInterval }[] = [];
  size.value.forEach((row, position) => {
    const index = rowOf(position);
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
    rows.push({ index: position, interval });
  });
  const sorted = [...rows].sort(
    (a, b) => a.interval.start.getTime() - b.interval.start.getTime() || a.index - b.index,
  );
  let latest: { index: number; end: number } | null = null;
  for (const { index, interval } of sorted) {
    if (latest && interval.start.getTime() < latest.end) {
      errors.push(
        fieldError(
          `${base}.${rowOf(index)}.start`,
          'CONFLICT',
          `The interval overlaps the one at row ${rowOf(latest.index)}.`,
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

/**
 * Why the figures of closed periods change, when they do; text like any other (trimmed; blank is no reason). One
 * reason covers every period a batch corrects.
 */
export const correctionReasonInput = optionalText('The correction reason', LIMITS.statement);

/** What an interval of a batch does to what is stored. */
export type IntervalChange =
  /** No stored interval had its start: it is new. */
  | 'ADDED'
  /** A stored interval with the same start and end had other counts. */
  | 'REPLACED'
  /** A stored interval with the same start and end had the same counts: a resend changes nothing. */
  | 'UNCHANGED';

/** The period an interval counts in, as it stood before the batch. */
export interface PeriodBeforeBatch {
  /** The period has ended (`now >= end`), so its status is final. */
  closed: boolean;
  /** It already holds figures (valid events, or any interval). */
  hasFigures: boolean;
  /** The service level's data had reached the period's end (its latest interval ended there or later). */
  reached: boolean;
}

/**
 * Whether an interval changes a result already judged, which takes a correction with a reason: in a closed period
 * that has figures, a stored interval replaced with other counts, or an interval added once the data had reached
 * the period's end (a gap filled in a judged period). Not a correction: anything in the running period (late data
 * just recomputes it); the first figures of a closed period, or intervals added to one the data had not reached
 * the end of yet (history loaded in order, in calls that end part-way through a period); a resend of the same
 * counts.
 */
export function changesJudgedResult(period: PeriodBeforeBatch, change: IntervalChange): boolean {
  if (!period.closed || !period.hasFigures || change === 'UNCHANGED') return false;
  return change === 'REPLACED' || period.reached;
}

/** The error on an interval that would change a judged period without a reason. */
export function closedPeriodMessage(label: string): string {
  return `${label} has closed: send the change with a correctionReason.`;
}

/** The error on `correctionReason` itself when a batch changes judged periods without one. */
export function correctionReasonMissing(labels: readonly string[]): string {
  // A year of weeks would make a paragraph: the first few name the kind of change, the rows name every one.
  const shown = labels.length > 6 ? labels.slice(0, 5) : labels.slice(0, -1);
  const last = labels.length > 6 ? `${labels.length - 5} more` : labels.at(-1);
  const list = labels.length <= 1 ? (labels[0] ?? '') : `${shown.join(', ')} and ${last}`;
  return `Give a reason for changing closed periods: ${list} ${labels.length === 1 ? 'has' : 'have'} closed.`;
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

/** What one incoming interval meets among the stored ones. */
export interface StoredMatch<T extends MeasuredInterval> {
  /** The stored interval with the same start and end: the incoming one replaces it. */
  replaces: T | null;
  /** The first stored interval (by start) it overlaps with other bounds: the batch must be refused. */
  overlaps: T | null;
}

/**
 * The rule of `mergeIntervals`, interval by interval, for batches of thousands against stored history: the stored
 * intervals (which never overlap each other) are sorted once and each incoming interval finds the first one ending
 * after its start by binary search, so the cost is O((n + m) log m) instead of n × m comparisons. Answers, for each
 * incoming interval in the order given, what it replaces or overlaps.
 */
export function matchStored<T extends MeasuredInterval>(
  stored: readonly T[],
  incoming: readonly MeasuredInterval[],
): StoredMatch<T>[] {
  const sorted = [...stored].sort((a, b) => a.start.getTime() - b.start.getTime());
  return incoming.map((interval) => {
    const start = interval.start.getTime();
    const end = interval.end.getTime();
    // Stored intervals do not overlap, so their ends rise with their starts: the first ending after `start`.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.end.getTime() > start) hi = mid;
      else lo = mid + 1;
    }
    const first = sorted[lo];
    if (!first || first.start.getTime() >= end) return { replaces: null, overlaps: null };
    const same = first.start.getTime() === start && first.end.getTime() === end;
    return same ? { replaces: first, overlaps: null } : { replaces: null, overlaps: first };
  });
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
