import { describe, expect, it } from 'vitest';
import type { MeasuredInterval } from './compliance.js';
import { serviceLevelSeries } from './series.js';

/** One interval a day, 09:00 to 17:00 (UTC, which is London time in winter), from the given day of February 2026. */
function daily(first: number, counts: [number, number][]): MeasuredInterval[] {
  return counts.map(([good, valid], i) => {
    const start = Date.UTC(2026, 1, first + i, 9);
    return { start: new Date(start), end: new Date(start + 8 * 3_600_000), good, valid };
  });
}

describe('a service level’s series', () => {
  it('judges each week, and finds the breach and the recovery', () => {
    // Four weeks of February 2026 (Monday 2 to Sunday 1 March), one interval a weekday.
    const weeks: [number, number][][] = [
      [
        [95, 100],
        [95, 100],
        [95, 100],
        [95, 100],
        [95, 100],
        [0, 0],
        [0, 0],
      ],
      [
        [95, 100],
        [80, 100],
        [80, 100],
        [95, 100],
        [95, 100],
        [0, 0],
        [0, 0],
      ],
      [
        [0, 0],
        [0, 0],
        [0, 0],
        [0, 0],
        [0, 0],
        [0, 0],
        [0, 0],
      ],
      [
        [95, 100],
        [95, 100],
        [90, 100],
        [95, 100],
        [95, 100],
        [0, 0],
        [0, 0],
      ],
    ];
    const intervals = daily(2, weeks.flat());
    const { periods, events } = serviceLevelSeries(
      { target: 0.9, period: 'WEEK', timeZone: 'Europe/London', businessHours: null },
      intervals,
      new Date('2026-03-05T12:00:00Z'),
    );
    expect(periods.map((p) => [p.period.label, p.status, p.totals.good, p.totals.valid])).toEqual([
      ['2026-W06', 'MET', 475, 500],
      ['2026-W07', 'MISSED', 445, 500],
      ['2026-W08', 'NOT_ENOUGH_DATA', 0, 0],
      ['2026-W09', 'MET', 470, 500],
    ]);
    expect(events).toEqual([
      { type: 'BREACHED', label: '2026-W07', compliance: 0.89 },
      { type: 'RECOVERED', label: '2026-W09', compliance: 0.94 },
    ]);
  });

  it('leaves the open period out of breaches, and says whether it is at risk', () => {
    const intervals = daily(2, [
      [95, 100],
      [95, 100],
      [50, 100],
    ]);
    const { periods, events } = serviceLevelSeries(
      { target: 0.9, period: 'WEEK', timeZone: 'Europe/London', businessHours: null },
      intervals,
      new Date('2026-02-04T18:00:00Z'),
    );
    expect(periods).toHaveLength(1);
    expect(periods[0]).toMatchObject({ status: 'MISSED', closed: false, atRisk: true });
    expect(events).toEqual([]);
  });
});
