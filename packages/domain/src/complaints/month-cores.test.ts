import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { periodContaining, nextPeriod } from '../service-levels/periods.js';
import { monthCoreOf, monthCountingPlan, utcMonthCore } from './month-cores.js';

describe('the core of a UTC month', () => {
  it('runs from the first day at 12:00 UTC to the last day at 10:00 UTC', () => {
    expect(utcMonthCore(new Date('2026-02-14T08:00:00Z'))).toEqual({
      month: '2026-02-01',
      start: new Date('2026-02-01T12:00:00Z'),
      end: new Date('2026-02-28T10:00:00Z'),
    });
    expect(monthCoreOf(new Date('2026-02-01T11:59:59.999Z'))).toBeNull();
    expect(monthCoreOf(new Date('2026-02-01T12:00:00Z'))).toBe('2026-02-01');
    expect(monthCoreOf(new Date('2026-02-28T09:59:59.999Z'))).toBe('2026-02-01');
    expect(monthCoreOf(new Date('2026-02-28T10:00:00Z'))).toBeNull();
  });
});

describe('the plan for counting a client month', () => {
  it('is the core and the bands either side, worked for March 2026 in Auckland (UTC+13)', () => {
    // Local March runs from 2026-02-28T11:00Z to 2026-03-31T11:00Z (NZDT ends on 5 April).
    const march = {
      label: '2026-03',
      start: new Date('2026-02-28T11:00:00Z'),
      end: new Date('2026-03-31T11:00:00Z'),
    };
    expect(monthCountingPlan([march])).toEqual([
      {
        coreMonth: '2026-03-01',
        bands: [
          { start: march.start, end: new Date('2026-03-01T12:00:00Z') },
          { start: new Date('2026-03-31T10:00:00Z'), end: march.end },
        ],
      },
    ]);
  });

  it('reads a month row by row when its core does not fit inside it', () => {
    const odd = {
      label: '2026-03',
      start: new Date('2026-03-02T00:00:00Z'),
      end: new Date('2026-04-01T00:00:00Z'),
    };
    expect(monthCountingPlan([odd])).toEqual([
      { coreMonth: null, bands: [{ start: odd.start, end: odd.end }] },
    ]);
  });

  const ZONES = [
    'UTC',
    'Pacific/Kiritimati',
    'Etc/GMT+12',
    'Pacific/Auckland',
    'America/St_Johns',
    'Asia/Kathmandu',
    'Europe/London',
    'America/Los_Angeles',
  ];

  it('counts every time exactly as the month that holds it, in any zone', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.array(fc.integer({ min: -40 * 86_400_000, max: 40 * 86_400_000 }), { maxLength: 40 }),
        (zone, anchor, offsets) => {
          const first = periodContaining(new Date(anchor), 'MONTH', zone);
          const months = [first, nextPeriod(first, zone)];
          const plan = monthCountingPlan(months);
          for (const offset of offsets) {
            const at = new Date(anchor + offset);
            const holder = months.findIndex((m) => at >= m.start && at < m.end);
            // Where the plan puts `at`: in a core it names, or in one of its bands.
            const placed = plan.flatMap((p, index) =>
              (p.coreMonth !== null && monthCoreOf(at) === p.coreMonth) ||
              p.bands.some((b) => at >= b.start && at < b.end)
                ? [index]
                : [],
            );
            expect(placed).toEqual(holder === -1 ? [] : [holder]);
          }
          expect(plan.every((p) => p.coreMonth !== null)).toBe(true);
        },
      ),
    );
  });
});
