import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BusinessDay } from './definition.js';
import { businessElapsedShare, businessTimeBetween } from './business-hours.js';
import { instantOfLocalTime, periodContaining } from './periods.js';

const HOUR = 3_600_000;
const weekdays: BusinessDay[] = (['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'] as const).map(
  (day) => ({
    day,
    opens: '08:00',
    closes: '18:00',
  }),
);

describe('local times', () => {
  it('finds a local time on either side of the clocks changing', () => {
    expect(instantOfLocalTime('2026-03-29', '08:00', 'Europe/London').toISOString()).toBe(
      '2026-03-29T07:00:00.000Z',
    );
    expect(instantOfLocalTime('2026-03-28', '08:00', 'Europe/London').toISOString()).toBe(
      '2026-03-28T08:00:00.000Z',
    );
    expect(instantOfLocalTime('2026-03-29', '24:00', 'Europe/London').toISOString()).toBe(
      '2026-03-29T23:00:00.000Z',
    );
  });

  it('takes a skipped time as the end of the gap, and a doubled one as its first occurrence', () => {
    expect(instantOfLocalTime('2026-03-29', '01:30', 'Europe/London').toISOString()).toBe(
      '2026-03-29T01:00:00.000Z',
    );
    expect(instantOfLocalTime('2026-10-25', '01:30', 'Europe/London').toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });
});

describe('business hours', () => {
  const week = periodContaining(new Date('2026-03-25T12:00:00Z'), 'WEEK', 'Europe/London');

  it('count elapsed time in business hours only', () => {
    expect(businessTimeBetween(week.start, week.end, weekdays, 'Europe/London')).toBe(50 * HOUR);
    // Wednesday noon: Monday and Tuesday (20 hours) and 4 hours of Wednesday, 24 of 50.
    const noon = new Date('2026-03-25T12:00:00Z');
    expect(businessElapsedShare(week, noon, weekdays, 'Europe/London')).toBeCloseTo(0.48, 10);
    expect(businessElapsedShare(week, noon, null, 'Europe/London')).toBeCloseTo(60 / 167, 10);
  });

  it('follow the local clock across a change: a 10-hour Sunday in the week the clocks go forward', () => {
    const sunday: BusinessDay[] = [{ day: 'SUNDAY', opens: '00:00', closes: '24:00' }];
    expect(businessTimeBetween(week.start, week.end, sunday, 'Europe/London')).toBe(23 * HOUR);
  });

  it('grow from 0 to 1 as the period passes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 167 * 4 }), fc.integer({ min: 0, max: 167 * 4 }), (a, b) => {
        const at = (quarterHours: number) => new Date(week.start.getTime() + (quarterHours * HOUR) / 4);
        const early = businessElapsedShare(week, at(Math.min(a, b)), weekdays, 'Europe/London');
        const late = businessElapsedShare(week, at(Math.max(a, b)), weekdays, 'Europe/London');
        expect(early).toBeGreaterThanOrEqual(0);
        expect(late).toBeLessThanOrEqual(1);
        expect(late).toBeGreaterThanOrEqual(early);
      }),
      { numRuns: 50 },
    );
  });
});
