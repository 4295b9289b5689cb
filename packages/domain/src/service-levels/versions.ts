import { periodContaining, previousPeriod, type ServicePeriod, type ServicePeriodKind } from './periods.js';

/**
 * Which definition version judges which stretch of time. A service level's definition is versioned: a change to
 * what is measured or how it is judged (`definitionChanges(…).newVersion`) makes a new version, in force from the
 * start of the period now running under the new definition (`effectiveFromOfNewVersion`). So:
 *
 * - version n is in force from its `effectiveFrom` until the next version's; the first version also judges
 *   everything before its own `effectiveFrom` (history loaded after it was set up);
 * - a period is the one of the version in force at its start, cut short where the next version takes over (the
 *   old definition's running week ends when the new definition's first day starts), and starts no earlier than
 *   its version's `effectiveFrom` (a new monthly definition taking over in mid-month starts there);
 * - a version whose `effectiveFrom` equals the next one's never judged a period.
 */

export interface VersionBounds {
  /** 1 for the first definition. */
  number: number;
  effectiveFrom: Date;
  period: ServicePeriodKind;
  timeZone: string;
}

/** A period of a service level: its definition's period, as far as the version judging it is in force. */
export interface VersionedPeriod extends ServicePeriod {
  /** The definition version it is judged by. */
  version: number;
}

interface Span<V> {
  version: V;
  /** -Infinity for the first version. */
  from: number;
  until: number;
}

/** The stretches of time each version is in force, oldest first; versions never in force are left out. */
function spansOf<V extends VersionBounds>(versions: readonly V[]): Span<V>[] {
  const sorted = [...versions].sort((a, b) => a.number - b.number);
  if (sorted.length === 0) throw new Error('A service level has at least one definition version.');
  const spans: Span<V>[] = [];
  sorted.forEach((version, index) => {
    const from = index === 0 ? -Infinity : version.effectiveFrom.getTime();
    // A later version with an earlier effectiveFrom than this one's (which the API never makes) still wins.
    const until = Math.min(
      Infinity,
      ...sorted.slice(index + 1).map((later) => later.effectiveFrom.getTime()),
    );
    if (from < until) spans.push({ version, from, until });
  });
  return spans;
}

/** The version in force at an instant. */
export function versionInForce<V extends VersionBounds>(versions: readonly V[], instant: Date): V {
  const time = instant.getTime();
  const spans = spansOf(versions);
  return (spans.find((span) => time >= span.from && time < span.until) ?? spans.at(-1)!).version;
}

function spanAt<V>(spans: readonly Span<V>[], time: number): Span<V> {
  return spans.find((s) => time >= s.from && time < s.until) ?? spans.at(-1)!;
}

function clipped<V extends VersionBounds>(natural: ServicePeriod, span: Span<V>): VersionedPeriod {
  return {
    ...natural,
    start: new Date(Math.max(natural.start.getTime(), span.from)),
    end: new Date(Math.min(natural.end.getTime(), span.until)),
    version: span.version.number,
  };
}

function periodIn<V extends VersionBounds>(span: Span<V>, instant: Date): VersionedPeriod {
  return clipped(periodContaining(instant, span.version.period, span.version.timeZone), span);
}

/**
 * For many instants, mostly in order (intervals of a batch, stored measurements): the period each falls in, under
 * the version in force at it. The last period found is asked first, so a year of intervals costs a few dozen
 * time-zone look-ups.
 */
export function versionedPeriodFinder(
  versions: readonly VersionBounds[],
): (instant: Date) => VersionedPeriod {
  const spans = spansOf(versions);
  let last: VersionedPeriod | null = null;
  return (instant) => {
    if (last && instant >= last.start && instant < last.end) return last;
    last = periodIn(spanAt(spans, instant.getTime()), instant);
    return last;
  };
}

/** The period an instant falls in, under the version in force at it. */
export function versionedPeriodContaining(
  versions: readonly VersionBounds[],
  instant: Date,
): VersionedPeriod {
  return versionedPeriodFinder(versions)(instant);
}

/** The periods overlapping [from, to), oldest first, each under the version in force at its start. */
export function versionedPeriodsBetween(
  versions: readonly VersionBounds[],
  from: Date,
  to: Date,
): VersionedPeriod[] {
  const periodOf = versionedPeriodFinder(versions);
  const periods: VersionedPeriod[] = [];
  for (let period = periodOf(from); period.start < to; period = periodOf(period.end)) periods.push(period);
  return periods;
}

/** The `count` latest periods at `now`, oldest first, the period running at `now` last: no gaps, none twice. */
export function latestPeriods(
  versions: readonly VersionBounds[],
  now: Date,
  count: number,
): VersionedPeriod[] {
  const spans = spansOf(versions);
  let span = spanAt(spans, now.getTime());
  let natural = periodContaining(now, span.version.period, span.version.timeZone);
  const periods: VersionedPeriod[] = [];
  while (periods.length < count) {
    const period = clipped(natural, span);
    periods.push(period);
    const before = period.start.getTime() - 1;
    if (before < span.from) {
      span = spanAt(spans, before);
      natural = periodContaining(new Date(before), span.version.period, span.version.timeZone);
    } else {
      // Still the same version: step back by the calendar, without asking the zone where the instant falls.
      natural = previousPeriod(natural, span.version.timeZone);
    }
  }
  return periods.reverse();
}

/**
 * From when a new definition version is in force: the start of the period running at `now` under the new
 * definition, but never before the previous version's own `effectiveFrom` (when they are equal, the previous
 * version never judged a period).
 */
export function effectiveFromOfNewVersion(
  next: { period: ServicePeriodKind; timeZone: string },
  previous: { effectiveFrom: Date },
  now: Date,
): Date {
  const start = periodContaining(now, next.period, next.timeZone).start;
  return start < previous.effectiveFrom ? new Date(previous.effectiveFrom) : start;
}
