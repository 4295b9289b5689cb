import { periodContaining } from '../service-levels/periods.js';

/**
 * Complaint patterns: what a consultant reads off a client's complaint log. Counts are per calendar month in the
 * client's time zone; the rising flag asks whether this month's count is improbable given the months before it;
 * recurrence asks whether a root cause came back after an action on it was done; time to resolve is summed up by
 * its median and 90th percentile. The API aggregates counts in SQL and hands them to these functions.
 */

/** The calendar month (`YYYY-MM`) an instant falls in, in a time zone. */
export function monthOf(instant: Date, timeZone: string): string {
  return periodContaining(instant, 'MONTH', timeZone).label;
}

/** The month after `YYYY-MM`. */
export function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

/** The month before `YYYY-MM`. */
export function previousMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, '0')}`;
}

/** Every month from `first` to `last`, both included (empty when `last` is before `first`). */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  for (let month = first; month <= last; month = nextMonth(month)) months.push(month);
  return months;
}

/** The number of trailing months the rising flag compares with. */
export const RISING_TRAILING_MONTHS = 6;
/** A month is rising only when it would be this improbable under the trailing months' mean… */
export const RISING_PROBABILITY = 0.01;
/** …and holds at least this many complaints: two complaints after none is not a pattern. */
export const RISING_MINIMUM = 5;

/**
 * P(X ≥ n) for X ~ Poisson(λ): the chance of at least `n` events in a month when `λ` are expected. Summed in log
 * space, so large λ does not underflow e^−λ; from below (1 − P(X < n)) when n ≤ λ, from above otherwise, so each
 * sum has few terms and little cancellation.
 */
export function poissonUpperTail(n: number, lambda: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a whole number, 0 or more.');
  if (!Number.isFinite(lambda) || lambda < 0) throw new RangeError('λ must be a number, 0 or more.');
  if (n === 0) return 1;
  if (lambda === 0) return 0;
  const logLambda = Math.log(lambda);
  const logTerm = (k: number, logFactorial: number) => -lambda + k * logLambda - logFactorial;
  if (n <= lambda) {
    let below = 0;
    let logFactorial = 0;
    for (let k = 0; k < n; k += 1) {
      if (k > 1) logFactorial += Math.log(k);
      below += Math.exp(logTerm(k, logFactorial));
    }
    return Math.min(1, Math.max(0, 1 - below));
  }
  let logFactorial = 0;
  for (let k = 2; k <= n; k += 1) logFactorial += Math.log(k);
  let term = Math.exp(logTerm(n, logFactorial));
  let sum = 0;
  for (let k = n; term > 0 && term > sum * 1e-17; k += 1) {
    sum += term;
    term *= lambda / (k + 1);
  }
  return Math.min(1, sum);
}

export interface RisingFlag {
  rising: boolean;
  /** This month's count. */
  count: number;
  /** The mean of the trailing months (months without complaints count as 0). */
  trailingMean: number;
  /** P(X ≥ count) under Poisson(trailingMean). */
  probability: number;
}

/**
 * Whether a category (or touch point) is rising this month: at least RISING_MINIMUM complaints, and a count that a
 * Poisson variable with the trailing six months' mean would reach with probability below RISING_PROBABILITY.
 * `trailing` holds the counts of the six months before, zeros included.
 */
export function risingFlag(count: number, trailing: readonly number[]): RisingFlag {
  if (trailing.length !== RISING_TRAILING_MONTHS) {
    throw new RangeError(`Give the counts of the ${RISING_TRAILING_MONTHS} months before.`);
  }
  const trailingMean = trailing.reduce((sum, value) => sum + value, 0) / trailing.length;
  const probability = poissonUpperTail(count, trailingMean);
  return {
    rising: count >= RISING_MINIMUM && probability < RISING_PROBABILITY,
    count,
    trailingMean,
    probability,
  };
}

/** A monthly count of one key (a category id, a touch point id). */
export interface MonthlyCount {
  month: string;
  key: string;
  count: number;
}

export interface MonthlySeries {
  key: string;
  /** One count per month of `months`, zeros included. */
  counts: number[];
  /** The flag of the last month of `months` (the current one), against the six before it. */
  rising: RisingFlag;
}

/**
 * Monthly counts laid out per key over `months` (ascending, consecutive), zeros filled in, with the rising flag of
 * the last month. The six months before the first of `months` count as zero unless `counts` has them, so give the
 * counts from six months before the window when the window is short.
 */
export function monthlySeries(
  counts: readonly MonthlyCount[],
  months: readonly string[],
  keys: readonly string[],
): MonthlySeries[] {
  const last = months.at(-1);
  const trailingMonths: string[] = [];
  if (last) {
    let month = last;
    for (let i = 0; i < RISING_TRAILING_MONTHS; i += 1) {
      month = previousMonth(month);
      trailingMonths.unshift(month);
    }
  }
  const byKey = new Map<string, Map<string, number>>();
  for (const { key, month, count } of counts) {
    let months = byKey.get(key);
    if (!months) byKey.set(key, (months = new Map()));
    months.set(month, (months.get(month) ?? 0) + count);
  }
  return keys.map((key) => {
    const of = byKey.get(key);
    const at = (month: string) => of?.get(month) ?? 0;
    return {
      key,
      counts: months.map(at),
      rising: risingFlag(last ? at(last) : 0, trailingMonths.map(at)),
    };
  });
}

/** Complaints per 1,000 contacts; null when there is no volume to relate them to. */
export function ratePerThousand(complaints: number, contacts: number): number | null {
  if (!(contacts > 0)) return null;
  return (complaints * 1000) / contacts;
}

/**
 * The p-quantile (0 ≤ p ≤ 1) by linear interpolation between closest ranks: the value at rank h = (n − 1)·p of the
 * sorted values, interpolated between its neighbours. It is Excel's PERCENTILE.INC and PostgreSQL's percentile_cont,
 * so an analyst can check any figure in a spreadsheet, and the API's SQL gives the same answer. Null without values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError('p must be from 0 to 1.');
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const below = Math.floor(h);
  const above = Math.ceil(h);
  return sorted[below]! + (h - below) * (sorted[above]! - sorted[below]!);
}

export interface TimeToResolve {
  resolved: number;
  /** In hours. */
  median: number | null;
  p90: number | null;
}

const HOUR_MS = 3_600_000;

/** Median and 90th percentile of the hours from received to resolved, over resolved complaints only. */
export function timeToResolve(
  complaints: readonly { receivedAt: Date; resolvedAt: Date | null }[],
): TimeToResolve {
  const hours = complaints
    .filter((c): c is { receivedAt: Date; resolvedAt: Date } => c.resolvedAt !== null)
    .map((c) => (c.resolvedAt.getTime() - c.receivedAt.getTime()) / HOUR_MS);
  return { resolved: hours.length, median: percentile(hours, 0.5), p90: percentile(hours, 0.9) };
}

/** How long after an action is done a complaint with the same root cause counts as a recurrence. */
export const RECURRENCE_DAYS = 90;

/**
 * Root causes compare without case, surrounding spaces or repeated inner spaces: "Rota gap " and "rota  gap" are one
 * cause, written twice.
 */
export function rootCauseKey(rootCause: string): string {
  return rootCause.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

export interface DoneActionOnCause {
  actionId: string;
  /** The root cause of the complaint (or category) the action was raised from. */
  rootCause: string;
  doneAt: Date;
}

export interface Recurrence {
  complaintId: string;
  actionId: string;
}

/**
 * A complaint recurs when its root cause is that of an action done before it was received, at most RECURRENCE_DAYS
 * days (of 24 hours) before: the fix did not hold. A complaint is matched with the latest such action.
 */
export function recurrences(
  complaints: readonly { id: string; receivedAt: Date; rootCause: string | null }[],
  actions: readonly DoneActionOnCause[],
): Recurrence[] {
  const window = RECURRENCE_DAYS * 24 * HOUR_MS;
  const byCause = new Map<string, DoneActionOnCause[]>();
  for (const action of actions) {
    const key = rootCauseKey(action.rootCause);
    if (!key) continue;
    let list = byCause.get(key);
    if (!list) byCause.set(key, (list = []));
    list.push(action);
  }
  const found: Recurrence[] = [];
  for (const complaint of complaints) {
    if (!complaint.rootCause) continue;
    const received = complaint.receivedAt.getTime();
    let latest: DoneActionOnCause | null = null;
    for (const action of byCause.get(rootCauseKey(complaint.rootCause)) ?? []) {
      const done = action.doneAt.getTime();
      if (done < received && received - done <= window && (!latest || done > latest.doneAt.getTime())) {
        latest = action;
      }
    }
    if (latest) found.push({ complaintId: complaint.id, actionId: latest.actionId });
  }
  return found;
}
