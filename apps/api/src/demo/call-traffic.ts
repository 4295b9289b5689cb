import { nextPeriod, periodContaining } from '@csp/domain';

/**
 * Made-up but lifelike contact-centre counts per quarter hour, for the demo and the bench: calls peak mid-morning
 * and after lunch, Mondays are busiest, weekends and nights are quiet, and the busiest quarter hours are the ones
 * answered late most often. Deterministic: the counts of a quarter hour depend only on the seed and its start, so
 * the same instant gets the same counts however long a run it is part of.
 */

export const QUARTER_HOUR_MS = 15 * 60_000;

/** A quarter hour of the client's local day: its start (ms since the epoch), local hour and weekday (0 = Monday). */
export interface QuarterHour {
  start: number;
  hour: number;
  weekday: number;
}

export interface QuarterHourCounts {
  good: number;
  valid: number;
  excluded: number;
}

export interface TrafficShape {
  /** Valid calls in a quarter hour at the busiest hour of a Monday, on average. */
  peak: number;
  /** The share of calls answered within the threshold on an ordinary quarter hour (0 to 1). */
  goodShare: number;
}

/** The share of the peak volume in each local hour: a lost-card or faults line is open all night, but quiet. */
const HOURLY = [
  0.03, 0.02, 0.02, 0.02, 0.03, 0.05, 0.12, 0.35, 0.75, 1, 0.95, 0.85, 0.7, 0.85, 0.9, 0.8, 0.7, 0.6, 0.5,
  0.4, 0.3, 0.2, 0.1, 0.05,
];
/** Monday first: the week starts with everything that went wrong over the weekend. */
const DAILY = [1, 0.9, 0.85, 0.85, 0.8, 0.45, 0.3];

/**
 * Every quarter hour from `from` to `to` in the zone's local days, oldest first. The local hour comes from the local
 * midnight the day started at (the domain's periods), so a day of 23 or 25 hours around a clock change has 92 or
 * 100 quarter hours; on that one day the hours after the change read an hour off, which no pattern here minds.
 */
export function quarterHoursBetween(from: Date, to: Date, timeZone: string): QuarterHour[] {
  const slots: QuarterHour[] = [];
  const end = to.getTime();
  let day = periodContaining(from, 'DAY', timeZone);
  while (day.start.getTime() < end) {
    // 1970-01-05 was a Monday.
    const weekday = (((Date.parse(`${day.firstDay}T00:00:00Z`) / 86_400_000 - 4) % 7) + 7) % 7;
    const dayStart = day.start.getTime();
    const first = Math.max(dayStart, Math.ceil(from.getTime() / QUARTER_HOUR_MS) * QUARTER_HOUR_MS);
    for (
      let start = first;
      start < day.end.getTime() && start + QUARTER_HOUR_MS <= end;
      start += QUARTER_HOUR_MS
    ) {
      slots.push({ start, hour: Math.min(23, Math.floor((start - dayStart) / 3_600_000)), weekday });
    }
    day = nextPeriod(day, timeZone);
  }
  return slots;
}

/** A number from 0 to 1 that depends only on its two inputs (a 32-bit integer hash, as in mulberry32). */
function hash01(seed: number, value: number): number {
  let t = (Math.imul(seed, 0x9e3779b1) ^ Math.imul(value, 0x85ebca6b)) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/**
 * The counts of one quarter hour. Volume follows the hour and the weekday with ±15 % noise; the good share drops
 * when it is busy (up to 6 points at the peak) and wanders ±3 points; about 3 % of calls were abandoned within 5
 * seconds and are excluded. `goodShare` may be lowered for a bad week (the demo's breach).
 */
export function quarterHourCounts(slot: QuarterHour, shape: TrafficShape, seed: number): QuarterHourCounts {
  const n = slot.start / QUARTER_HOUR_MS;
  const load = (HOURLY[slot.hour] ?? 0) * (DAILY[slot.weekday] ?? 0);
  const valid = Math.round(shape.peak * load * (0.85 + 0.3 * hash01(seed * 4, n)));
  const share = Math.min(
    1,
    Math.max(0, shape.goodShare - 0.06 * load + 0.03 + 0.06 * (hash01(seed * 4 + 1, n) - 0.5)),
  );
  const good = Math.min(valid, Math.floor(valid * share + hash01(seed * 4 + 2, n)));
  const excluded = Math.floor(valid * 0.03 + hash01(seed * 4 + 3, n));
  return { good, valid, excluded };
}
