/**
 * Counting complaints by the client's months from totals kept per UTC month.
 *
 * The client's months start at local midnight, in a zone that can change (its newest service level's), so totals
 * cannot be kept per local month. But every zone's offset lies between UTC−12 and UTC+14, so a local month starts
 * between 14 hours before and 12 hours after the UTC month of the same name: the *core* of a UTC month, from its
 * start plus 12 hours to its end minus 14 hours, lies inside the local month of the same name in every zone. Totals
 * are kept for cores only (`monthCoreOf` says which core a time falls in, if any); a local month is counted as its
 * core's total plus the complaints in the two bands around it, read row by row (`monthCountingPlan`). Each band is
 * at most 26 hours, so a month reads a handful of totals and about two days of rows instead of a month of rows.
 */

const HOUR = 3_600_000;
/** UTC+14 (Kiribati's Line Islands): a local month starts at most 14 hours before the UTC one. */
const EARLIEST_OFFSET_HOURS = 14;
/** UTC−12 (Baker Island): a local month starts at most 12 hours after the UTC one. */
const LATEST_OFFSET_HOURS = 12;

export interface MonthCore {
  /** The UTC month as its first day, `YYYY-MM-01`: the key of its totals. */
  month: string;
  start: Date;
  end: Date;
}

/** The core of the UTC month that holds `at`: [first day 12:00 UTC, last day 10:00 UTC). */
export function utcMonthCore(at: Date): MonthCore {
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth();
  const first = Date.UTC(year, month, 1);
  const next = Date.UTC(year, month + 1, 1);
  return {
    month: new Date(first).toISOString().slice(0, 10),
    start: new Date(first + LATEST_OFFSET_HOURS * HOUR),
    end: new Date(next - EARLIEST_OFFSET_HOURS * HOUR),
  };
}

/** The UTC month (`YYYY-MM-01`) whose core holds `at`, or null when `at` lies in a band between two cores. */
export function monthCoreOf(at: Date): string | null {
  const core = utcMonthCore(at);
  return at >= core.start && at < core.end ? core.month : null;
}

export interface MonthCountingPlan {
  /** The UTC month whose core total counts towards this month, or null when it is counted from rows alone. */
  coreMonth: string | null;
  /** The times counted row by row: [start, end) each, none overlapping the core. */
  bands: { start: Date; end: Date }[];
}

/**
 * How to count each of the client's months (`label` `YYYY-MM`, [start, end) in its zone): the core of the UTC
 * month of the same name when it lies inside the month (always, for a real zone), plus the bands either side.
 * A month whose core does not fit (no zone does that, but the rule must not depend on it) is read row by row.
 */
export function monthCountingPlan(
  months: readonly { label: string; start: Date; end: Date }[],
): MonthCountingPlan[] {
  return months.map(({ label, start, end }) => {
    const core = utcMonthCore(new Date(`${label}-15T00:00:00Z`));
    if (core.start < start || core.end > end) return { coreMonth: null, bands: [{ start, end }] };
    const bands = [
      { start, end: core.start },
      { start: core.end, end },
    ].filter((band) => band.start < band.end);
    return { coreMonth: core.month, bands };
  });
}
