/**
 * The periods a service level is judged over, in the client's time zone. A day runs from one local midnight to the
 * next, so a day with a daylight-saving change lasts 23 or 25 hours; a week is an ISO week (Monday to Sunday); a
 * month and a quarter are calendar ones. Only the built-in Intl is used: it carries the IANA time-zone database.
 */

export const SERVICE_PERIODS = ['DAY', 'WEEK', 'MONTH', 'QUARTER'] as const;
export type ServicePeriodKind = (typeof SERVICE_PERIODS)[number];

export const SERVICE_PERIOD_LABELS: Record<ServicePeriodKind, string> = {
  DAY: 'Day',
  WEEK: 'Week (Monday to Sunday)',
  MONTH: 'Month',
  QUARTER: 'Quarter',
};

export interface ServicePeriod {
  kind: ServicePeriodKind;
  /** `2026-03-29`, `2026-W13` (ISO week-numbering year), `2026-03`, `2026-Q1`. */
  label: string;
  /** The period's first and last local days, as `YYYY-MM-DD`. */
  firstDay: string;
  lastDay: string;
  /** The first instant of the period and the first instant after it: [start, end). */
  start: Date;
  end: Date;
}

const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether Intl knows the zone by an IANA name (not a bare offset such as `+01:00`). */
export function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The zone's own spelling of a name Intl accepts (`europe/london` becomes `Europe/London`). */
export function canonicalTimeZone(value: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
}

interface LocalDay {
  year: number;
  month: number;
  day: number;
}

/** The local calendar day of an instant in a zone. */
function localDayOf(time: number, timeZone: string): LocalDay {
  const parts = formatterOf(timeZone).formatToParts(new Date(time));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const era = parts.find((p) => p.type === 'era')?.value;
  const year = era === 'BC' || era === 'B' ? 1 - get('year') : get('year');
  return { year, month: get('month'), day: get('day') };
}

/** Days since 1970-01-01 of a civil date (proleptic Gregorian), so dates compare and add as numbers. */
function dayNumber({ year, month, day }: LocalDay): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

function dayOfNumber(n: number): LocalDay {
  const date = new Date(n * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function isoDay(d: LocalDay): string {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).toISOString().slice(0, 10);
}

/**
 * The first instant whose local day is `day` or later: the local midnight, or the first minute after it when a
 * clock change skips midnight (as in some zones that change at 00:00). Usually the first guess, from the zone's
 * offset near that midnight, is right; otherwise a binary search over the 52 hours around it settles it.
 */
function findStartOfLocalDay(day: number, timeZone: string): number {
  const wallMidnight = day * DAY_MS;
  const isStart = (t: number) =>
    dayNumber(localDayOf(t, timeZone)) >= day && dayNumber(localDayOf(t - 1, timeZone)) < day;
  for (const probe of [wallMidnight, wallMidnight - DAY_MS / 2, wallMidnight + DAY_MS / 2]) {
    const guess = wallMidnight - offsetAt(probe, timeZone);
    if (isStart(guess)) return guess;
  }
  // No zone is more than 14 hours from UTC, so the start lies within a day either side of the wall midnight.
  let lo = wallMidnight - DAY_MS - 2 * 3_600_000;
  let hi = wallMidnight + DAY_MS + 2 * 3_600_000;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (dayNumber(localDayOf(mid, timeZone)) >= day) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * Day starts found so far, by zone and day: a service level's periods are asked for again and again (every read of
 * its last 104 weeks), and each needs its days' starts. Intl's zone data does not change while the process runs, so
 * a start found stays true; the cache is only emptied when it grows past what a busy server would need.
 */
const dayStarts = new Map<string, number>();
const MAX_CACHED_DAY_STARTS = 200_000;

function startOfLocalDay(day: number, timeZone: string): number {
  const key = `${timeZone} ${day}`;
  const cached = dayStarts.get(key);
  if (cached !== undefined) return cached;
  const start = findStartOfLocalDay(day, timeZone);
  if (dayStarts.size >= MAX_CACHED_DAY_STARTS) dayStarts.clear();
  dayStarts.set(key, start);
  return start;
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds (whole seconds). */
function offsetAt(time: number, timeZone: string): number {
  const parts = formatterOf(timeZone).formatToParts(new Date(time));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const era = parts.find((p) => p.type === 'era')?.value;
  const year = era === 'BC' || era === 'B' ? 1 - get('year') : get('year');
  const wall = Date.UTC(year, get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const wholeSeconds = Math.floor(time / 1000) * 1000;
  return wall - wholeSeconds;
}

/** The first local day of the period containing a local day, and the first day of the next one. */
function periodDays(kind: ServicePeriodKind, day: number): { first: number; next: number } {
  const d = dayOfNumber(day);
  switch (kind) {
    case 'DAY':
      return { first: day, next: day + 1 };
    case 'WEEK': {
      // 1970-01-01 was a Thursday; Monday is 0.
      const monday = day - ((((day + 3) % 7) + 7) % 7);
      return { first: monday, next: monday + 7 };
    }
    case 'MONTH':
      return {
        first: dayNumber({ year: d.year, month: d.month, day: 1 }),
        next: dayNumber({ year: d.year, month: d.month + 1, day: 1 }),
      };
    case 'QUARTER': {
      const month = d.month - ((d.month - 1) % 3);
      return {
        first: dayNumber({ year: d.year, month, day: 1 }),
        next: dayNumber({ year: d.year, month: month + 3, day: 1 }),
      };
    }
  }
}

function labelOf(kind: ServicePeriodKind, first: number): string {
  const d = dayOfNumber(first);
  switch (kind) {
    case 'DAY':
      return isoDay(d);
    case 'WEEK': {
      // The ISO week-numbering year is the year of the week's Thursday.
      const thursday = dayOfNumber(first + 3);
      const week = Math.floor((first + 3 - dayNumber({ year: thursday.year, month: 1, day: 1 })) / 7) + 1;
      return `${thursday.year}-W${String(week).padStart(2, '0')}`;
    }
    case 'MONTH':
      return isoDay(d).slice(0, 7);
    case 'QUARTER':
      return `${d.year}-Q${Math.floor((d.month - 1) / 3) + 1}`;
  }
}

function periodFromDays(
  kind: ServicePeriodKind,
  first: number,
  next: number,
  timeZone: string,
): ServicePeriod {
  return {
    kind,
    label: labelOf(kind, first),
    firstDay: isoDay(dayOfNumber(first)),
    lastDay: isoDay(dayOfNumber(next - 1)),
    start: new Date(startOfLocalDay(first, timeZone)),
    end: new Date(startOfLocalDay(next, timeZone)),
  };
}

/** The period of the given kind, in the zone, that an instant falls in. */
export function periodContaining(instant: Date, kind: ServicePeriodKind, timeZone: string): ServicePeriod {
  const time = instant.getTime();
  let day = dayNumber(localDayOf(time, timeZone));
  // Where a clock change moves the local day backwards, the instant can precede the start of its local day;
  // it then belongs to the day before, so that the periods tile time.
  while (time < startOfLocalDay(day, timeZone)) day -= 1;
  const { first, next } = periodDays(kind, day);
  return periodFromDays(kind, first, next, timeZone);
}

/** The period right after this one (its start is this one's end). */
export function nextPeriod(period: ServicePeriod, timeZone: string): ServicePeriod {
  const first = dayNumber(dayOfNumber(Math.floor(Date.parse(`${period.lastDay}T00:00:00Z`) / DAY_MS) + 1));
  const { next } = periodDays(period.kind, first);
  return periodFromDays(period.kind, first, next, timeZone);
}

/** The period right before this one (its end is this one's start). */
export function previousPeriod(period: ServicePeriod, timeZone: string): ServicePeriod {
  const last = Math.floor(Date.parse(`${period.firstDay}T00:00:00Z`) / DAY_MS) - 1;
  const { first, next } = periodDays(period.kind, last);
  return periodFromDays(period.kind, first, next, timeZone);
}

/** The periods that overlap [from, to), oldest first. */
export function periodsBetween(
  from: Date,
  to: Date,
  kind: ServicePeriodKind,
  timeZone: string,
): ServicePeriod[] {
  const periods: ServicePeriod[] = [];
  let period = periodContaining(from, kind, timeZone);
  while (period.start < to) {
    periods.push(period);
    period = nextPeriod(period, timeZone);
  }
  return periods;
}

/** How much of the period has passed at `now`, from 0 (not started) to 1 (closed), by clock time. */
export function elapsedShare(period: { start: Date; end: Date }, now: Date): number {
  const length = period.end.getTime() - period.start.getTime();
  if (length <= 0) return 1;
  return Math.min(1, Math.max(0, (now.getTime() - period.start.getTime()) / length));
}

/** The zone's wall-clock time of an instant, as milliseconds of a UTC clock showing the same digits. */
function wallOf(time: number, timeZone: string): number {
  return Math.floor(time / 1000) * 1000 + offsetAt(time, timeZone);
}

/**
 * The instant a local day and time (`HH:MM`, `24:00` being the next midnight) happen in a zone. A time the clocks
 * skip (01:30 on the London spring-forward day) is the first instant after the gap; a time that happens twice
 * (01:30 on the autumn day) is its first occurrence.
 */
export function instantOfLocalTime(day: string, time: string, timeZone: string): Date {
  const [hours, minutes] = time.split(':').map(Number);
  const wall = Date.parse(`${day}T00:00:00Z`) + ((hours ?? 0) * 60 + (minutes ?? 0)) * 60_000;
  const guesses = [wall, wall - DAY_MS / 2, wall + DAY_MS / 2].map(
    (probe) => wall - offsetAt(probe, timeZone),
  );
  const exact = guesses.filter((t) => wallOf(t, timeZone) === wall);
  if (exact.length > 0) return new Date(Math.min(...exact));
  // In a gap: the guess made with the offset before it shows a wall time past the gap, the other one before it.
  let lo = Math.min(...guesses);
  let hi = Math.max(...guesses);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallOf(mid, timeZone) >= wall) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}
