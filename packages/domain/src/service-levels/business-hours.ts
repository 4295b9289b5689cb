import type { BusinessDay } from './definition.js';
import { WEEKDAYS } from './definition.js';
import { elapsedShare, instantOfLocalTime, nextPeriod, periodContaining } from './periods.js';

/** Milliseconds of business hours, in the zone, between two instants. */
export function businessTimeBetween(
  from: Date,
  to: Date,
  hours: readonly BusinessDay[],
  timeZone: string,
): number {
  let total = 0;
  let day = periodContaining(from, 'DAY', timeZone);
  while (day.start < to) {
    // 1970-01-05 was a Monday.
    const weekday = WEEKDAYS[(((Date.parse(`${day.firstDay}T00:00:00Z`) / 86_400_000 - 4) % 7) + 7) % 7];
    for (const open of hours.filter((h) => h.day === weekday)) {
      const opens = instantOfLocalTime(day.firstDay, open.opens, timeZone).getTime();
      const closes = instantOfLocalTime(day.firstDay, open.closes, timeZone).getTime();
      total += Math.max(0, Math.min(closes, to.getTime()) - Math.max(opens, from.getTime()));
    }
    day = nextPeriod(day, timeZone);
  }
  return total;
}

/**
 * How much of a period has passed, counting only business hours when the service level has them: at Wednesday
 * noon of a week open Monday to Friday 08:00–18:00, 25 of 50 hours, 0.5, where the clock alone says 0.33. Events
 * come in business hours, so this is the share that tells how much of the period's volume is still to come. A
 * period with no business hours at all falls back to clock time.
 */
export function businessElapsedShare(
  period: { start: Date; end: Date },
  now: Date,
  hours: readonly BusinessDay[] | null,
  timeZone: string,
): number {
  if (!hours || hours.length === 0) return elapsedShare(period, now);
  if (now >= period.end) return 1;
  const whole = businessTimeBetween(period.start, period.end, hours, timeZone);
  if (whole === 0) return elapsedShare(period, now);
  const until = now < period.start ? period.start : now;
  return businessTimeBetween(period.start, until, hours, timeZone) / whole;
}
