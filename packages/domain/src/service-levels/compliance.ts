import { elapsedShare } from './periods.js';

/**
 * How a service level's period is judged from the counts the client's systems send. Compliance is always
 * Σgood ÷ Σvalid over the period's intervals, never a mean of interval percentages: a quiet hour with 2 calls must
 * not weigh as much as a busy one with 200. Comparisons with the target are exact (whole numbers), so 9 of 10
 * against 90 % is met however the division rounds.
 */

/** The counts of one interval, or of several added up. */
export interface MeasurementCounts {
  good: number;
  valid: number;
  excluded?: number | null;
}

export interface MeasuredInterval extends MeasurementCounts {
  start: Date;
  end: Date;
}

export const PERIOD_STATUSES = ['MET', 'MISSED', 'NOT_ENOUGH_DATA'] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

export const PERIOD_STATUS_LABELS: Record<PeriodStatus, string> = {
  MET: 'Met',
  MISSED: 'Missed',
  NOT_ENOUGH_DATA: 'Not enough data',
};

/**
 * A period needs at least this many valid events to be judged. One is enough: a day with 3 calls, 2 of them good,
 * has missed a 90 % target, and the Wilson interval shows how little 3 calls prove. A period with no valid event at
 * all (a closed day, a system that sent nothing) is neither met nor missed.
 */
export const MIN_VALID_EVENTS = 1;

/** z for a two-sided 95 % interval. */
const Z_95 = 1.959963984540054;

/** Targets are shares with at most four decimals (99.95 % is 0.9995), so they are whole numbers of 1/10,000. */
export const TARGET_SCALE = 10_000;

export function targetUnits(target: number): bigint {
  return BigInt(Math.round(target * TARGET_SCALE));
}

export function totalsOf(intervals: readonly MeasurementCounts[]): Required<MeasurementCounts> {
  let good = 0;
  let valid = 0;
  let excluded = 0;
  for (const interval of intervals) {
    good += interval.good;
    valid += interval.valid;
    excluded += interval.excluded ?? 0;
  }
  return { good, valid, excluded };
}

/** Σgood ÷ Σvalid, or null without a valid event. */
export function complianceOf(totals: MeasurementCounts): number | null {
  return totals.valid > 0 ? totals.good / totals.valid : null;
}

/**
 * The 95 % Wilson score interval for a share of good events: where the true share plausibly lies given how many
 * events were seen. Unlike "p ± 1.96 × standard error" it stays within 0 to 1 and is honest for small counts and for
 * shares near 0 or 1 (10 of 10 good gives 72.2 %–100 %, not 100 %–100 %).
 */
export function wilsonInterval(good: number, valid: number): { low: number; high: number } | null {
  if (valid <= 0) return null;
  const p = good / valid;
  const z2 = Z_95 * Z_95;
  const denominator = 1 + z2 / valid;
  const centre = (p + z2 / (2 * valid)) / denominator;
  const half = (Z_95 / denominator) * Math.sqrt((p * (1 - p)) / valid + z2 / (4 * valid * valid));
  // At 0 or all good the bound is exactly 0 or 1; rounding would otherwise leave the share a hair outside.
  const low = good === 0 ? 0 : Math.max(0, Math.min(p, centre - half));
  const high = good === valid ? 1 : Math.min(1, Math.max(p, centre + half));
  return { low, high };
}

export function meetsTarget(totals: MeasurementCounts, target: number): boolean {
  return BigInt(totals.good) * BigInt(TARGET_SCALE) >= targetUnits(target) * BigInt(totals.valid);
}

export function periodStatus(totals: MeasurementCounts, target: number): PeriodStatus {
  if (totals.valid < MIN_VALID_EVENTS) return 'NOT_ENOUGH_DATA';
  return meetsTarget(totals, target) ? 'MET' : 'MISSED';
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/**
 * The error budget left: how many more bad events the period can take and still meet its target, the largest b
 * with good ÷ (valid + b) ≥ target, i.e. ⌊good ÷ target − valid⌋. It is 0 or more exactly when the period meets the
 * target so far. Below 0 it counts the other way: −12 means the period would meet its target had 12 of its bad
 * events not happened.
 */
export function budgetLeft(totals: MeasurementCounts, target: number): number {
  const units = targetUnits(target);
  const numerator = BigInt(totals.good) * BigInt(TARGET_SCALE) - units * BigInt(totals.valid);
  return Number(floorDiv(numerator, units));
}

/**
 * Under target: how many good events in a row would bring the period back, the least x with
 * (good + x) ÷ (valid + x) ≥ target. Null when the period meets its target, and when the target is 100 % (no
 * number of good events makes up for a bad one).
 */
export function goodEventsNeeded(totals: MeasurementCounts, target: number): number | null {
  const units = targetUnits(target);
  const scale = BigInt(TARGET_SCALE);
  const shortfall = units * BigInt(totals.valid) - BigInt(totals.good) * scale;
  if (shortfall <= 0n || units === scale) return null;
  const per = scale - units;
  return Number((shortfall + per - 1n) / per);
}

export interface PeriodCompliance {
  totals: Required<MeasurementCounts>;
  /** Σgood ÷ Σvalid so far; null without valid events. */
  compliance: number | null;
  interval: { low: number; high: number } | null;
  /** Judged on the events so far; final once the period has closed. */
  status: PeriodStatus;
  budgetLeft: number;
  goodEventsNeeded: number | null;
  /** How much of the period has passed, 0 to 1 (by clock time, or business hours when the level has them). */
  elapsed: number;
  closed: boolean;
  /** Where the period ends if it goes on as it is going (see `projectCompliance`); the compliance once closed. */
  projected: number | null;
  /** Open, with data, and the projection misses the target. */
  atRisk: boolean;
}

/**
 * How much of the period counts as "now" when projecting: the intervals that ended in its most recent tenth
 * (2.4 hours of a day, 16.8 hours of a week, about 3 days of a month, 9 of a quarter).
 */
export const RECENT_SHARE = 0.1;

/**
 * The projection at the current rate. The volume so far is stretched over the whole period by its elapsed share
 * (at 40 % elapsed with 400 valid events, 1,000 are expected, 600 still to come); the events still to come are
 * judged at the current rate, the compliance of the recent intervals (the latest tenth of the period, or all so
 * far when that holds no valid event). Projected = (good + rate × still to come) ÷ (valid + still to come).
 * Judging the rest at the period-so-far rate would only repeat today's figure; the recent rate shows a period
 * that is sliding before it has missed.
 */
export function projectCompliance(
  intervals: readonly MeasuredInterval[],
  period: { start: Date; end: Date },
  now: Date,
  elapsed = elapsedShare(period, now),
): number | null {
  const totals = totalsOf(intervals);
  if (totals.valid === 0) return null;
  if (elapsed >= 1 || elapsed <= 0) return totals.good / totals.valid;
  const length = period.end.getTime() - period.start.getTime();
  const recentFrom = now.getTime() - RECENT_SHARE * length;
  const recent = totalsOf(intervals.filter((i) => i.end.getTime() > recentFrom));
  const rate = recent.valid > 0 ? recent.good / recent.valid : totals.good / totals.valid;
  const toCome = (totals.valid * (1 - elapsed)) / elapsed;
  return (totals.good + rate * toCome) / (totals.valid + toCome);
}

/**
 * Everything shown for one period: the intervals are those of the period (counted where they start). `elapsed`
 * defaults to clock time; a service level with business hours passes `businessElapsedShare`.
 */
export function periodCompliance(
  intervals: readonly MeasuredInterval[],
  period: { start: Date; end: Date },
  target: number,
  now: Date,
  elapsed = elapsedShare(period, now),
): PeriodCompliance {
  const totals = totalsOf(intervals);
  const closed = now.getTime() >= period.end.getTime();
  const projected = projectCompliance(intervals, period, now, closed ? 1 : elapsed);
  return {
    totals,
    compliance: complianceOf(totals),
    interval: wilsonInterval(totals.good, totals.valid),
    status: periodStatus(totals, target),
    budgetLeft: budgetLeft(totals, target),
    goodEventsNeeded: goodEventsNeeded(totals, target),
    elapsed: closed ? 1 : elapsed,
    closed,
    projected,
    atRisk: !closed && projected !== null && projected < target,
  };
}

export type ServiceLevelEvent =
  | { type: 'BREACHED'; label: string; compliance: number | null }
  | { type: 'RECOVERED'; label: string; compliance: number | null };

/**
 * Breaches and recoveries over closed periods, oldest first: every period that closes under target is a breach;
 * the first period that meets it after one or more breaches is a recovery. A period without enough data neither
 * breaches nor recovers, and does not end a breach (a missed week, then a week with no calls, then a met week is
 * one breach and one recovery).
 */
export function breachesAndRecoveries(
  periods: readonly { label: string; status: PeriodStatus; compliance: number | null }[],
): ServiceLevelEvent[] {
  const events: ServiceLevelEvent[] = [];
  let inBreach = false;
  for (const period of periods) {
    if (period.status === 'MISSED') {
      events.push({ type: 'BREACHED', label: period.label, compliance: period.compliance });
      inBreach = true;
    } else if (period.status === 'MET' && inBreach) {
      events.push({ type: 'RECOVERED', label: period.label, compliance: period.compliance });
      inBreach = false;
    }
  }
  return events;
}
