import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkMeasurementBatch, intervalsByPeriod, mergeIntervals } from './measurements.js';
import type { MeasuredInterval } from './compliance.js';

const now = new Date('2026-04-01T12:00:00Z');
const row = (start: string, end: string, good: number, valid: number, excluded?: number) => ({
  start,
  end,
  good,
  valid,
  excluded,
});

describe('a batch of measurement intervals', () => {
  it('takes good rows, as Dates, in the order given', () => {
    const checked = checkMeasurementBatch(
      [
        row('2026-03-31T09:15:00Z', '2026-03-31T09:30:00Z', 40, 42),
        row('2026-03-31T09:00:00Z', '2026-03-31T09:15:00Z', 30, 31, 2),
      ],
      { now },
    );
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value[0]).toEqual({
      start: new Date('2026-03-31T09:15:00Z'),
      end: new Date('2026-03-31T09:30:00Z'),
      good: 40,
      valid: 42,
      excluded: null,
    });
    expect(checked.value[1]?.excluded).toBe(2);
  });

  it('reports every bad row with its index and field', () => {
    const checked = checkMeasurementBatch(
      [
        row('2026-03-31T09:00:00Z', '2026-03-31T09:15:00Z', -1, 10),
        row('2026-03-31T09:15:00Z', '2026-03-31T09:30:00Z', 12, 10),
        row('2026-03-31T10:00:00Z', '2026-03-31T09:45:00Z', 1, 1),
        row('2026-03-31T11:00:00Z', '2026-03-31T11:00:00Z', 1, 1),
        row('2026-03-31T12:00:00Z', '2026-03-31T12:30:00Z', 1, 1),
        row('2026-03-31T12:15:00Z', '2026-03-31T12:45:00Z', 1, 1),
        row('2026-04-01T12:00:00Z', '2026-04-01T12:15:00Z', 1, 1),
        row('1899-12-31T23:00:00Z', '1899-12-31T23:15:00Z', 1, 1),
        row('2026-03-31T13:00:00Z', '2026-03-31T13:15:00Z', 1.5, 2),
      ],
      { now, field: 'input.intervals' },
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.map((e) => [e.field, e.code])).toEqual([
      ['input.intervals.0.good', 'INVALID'],
      ['input.intervals.1.good', 'INVALID'],
      ['input.intervals.2.end', 'INVALID'],
      ['input.intervals.3.end', 'INVALID'],
      ['input.intervals.5.start', 'CONFLICT'],
      ['input.intervals.6.end', 'INVALID'],
      ['input.intervals.7.start', 'INVALID'],
      ['input.intervals.7.end', 'INVALID'],
      ['input.intervals.8.good', 'INVALID'],
    ]);
    const message = (field: string) => checked.errors.find((e) => e.field === field)?.message;
    expect(message('input.intervals.0.good')).toBe('Good cannot be negative.');
    expect(message('input.intervals.1.good')).toBe('Good cannot be more than valid.');
    expect(message('input.intervals.2.end')).toBe('End must be after the start.');
    expect(message('input.intervals.5.start')).toBe('The interval overlaps the one at row 4.');
    expect(message('input.intervals.6.end')).toBe(
      'The interval ends in the future: send it once it has ended.',
    );
    expect(message('input.intervals.7.start')).toContain('1900 to 9999');
  });

  it('refuses the same interval twice in one batch, and an empty or oversized batch', () => {
    const twice = row('2026-03-31T09:00:00Z', '2026-03-31T09:15:00Z', 1, 1);
    const checked = checkMeasurementBatch([twice, twice], { now });
    expect(!checked.ok && checked.errors.map((e) => e.field)).toEqual(['intervals.1.start']);
    expect(!checked.ok && checkMeasurementBatch([], { now })).toBeTruthy();
    const many = Array.from({ length: 10_001 }, () => twice);
    const tooMany = checkMeasurementBatch(many, { now });
    expect(!tooMany.ok && tooMany.errors[0]?.code).toBe('TOO_LONG');
  });

  it('refuses an interval that straddles two of the service level’s periods', () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London: a UTC day runs across two London days.
    const utcDay = row('2026-03-30T00:00:00+01:00', '2026-03-31T00:00:00+01:00', 1, 1);
    const straddling = row('2026-06-30T00:00:00Z', '2026-07-01T00:00:00Z', 1, 1);
    const checked = checkMeasurementBatch([utcDay, straddling], {
      now,
      periods: { kind: 'DAY', timeZone: 'Europe/London' },
    });
    expect(!checked.ok && checked.errors.map((e) => e.field)).toEqual(['intervals.1.end']);
  });
});

const QUARTER_HOUR = 900_000;
const base = Date.UTC(2026, 2, 1);
/** Intervals on a 15-minute grid, each slot at most once, so they never overlap. */
const gridIntervals = fc.uniqueArray(fc.integer({ min: 0, max: 200 }), { maxLength: 40 }).chain((slots) =>
  fc.tuple(
    ...slots.map((slot) =>
      fc.integer({ min: 0, max: 50 }).map((good): MeasuredInterval => ({
        start: new Date(base + slot * QUARTER_HOUR),
        end: new Date(base + (slot + 1) * QUARTER_HOUR),
        good,
        valid: good + (slot % 7),
      })),
    ),
  ),
);

describe('merging a batch into what is stored', () => {
  it('replaces a resent interval and adds a new one', () => {
    const first: MeasuredInterval = {
      start: new Date(base),
      end: new Date(base + QUARTER_HOUR),
      good: 8,
      valid: 10,
    };
    const resent = { ...first, good: 9 };
    const second = { start: first.end, end: new Date(base + 2 * QUARTER_HOUR), good: 5, valid: 5 };
    const merged = mergeIntervals([first], [resent, second]);
    expect(merged.intervals).toEqual([resent, second]);
    expect(merged.replaced).toEqual([first]);
    expect(merged.conflicts).toEqual([]);
    expect(mergeIntervals(merged.intervals, [resent, second]).intervals).toEqual(merged.intervals);
  });

  it('flags an interval that overlaps a stored one with other bounds', () => {
    const stored: MeasuredInterval = {
      start: new Date(base),
      end: new Date(base + 2 * QUARTER_HOUR),
      good: 1,
      valid: 1,
    };
    const half = { start: new Date(base), end: new Date(base + QUARTER_HOUR), good: 1, valid: 1 };
    expect(mergeIntervals([stored], [half]).conflicts).toEqual([half]);
  });

  it('does not depend on the order of either list', () => {
    fc.assert(
      fc.property(gridIntervals, gridIntervals, fc.boolean(), (stored, incoming, reverse) => {
        const incomingFree = incoming.filter(
          (i) => !stored.some((s) => s.start.getTime() === i.start.getTime()),
        );
        const a = mergeIntervals(stored, incomingFree);
        const flip = <T>(list: T[]) => (reverse ? [...list].reverse() : [...list].sort(() => 0));
        const b = mergeIntervals(flip(stored).reverse(), flip(incomingFree).reverse());
        expect(b.intervals).toEqual(a.intervals);
        expect(b.conflicts).toEqual(a.conflicts);
      }),
    );
  });

  it('groups intervals by the period they start in', () => {
    fc.assert(
      fc.property(gridIntervals, (intervals) => {
        const groups = intervalsByPeriod(intervals, 'DAY', 'Europe/London');
        expect(groups.flatMap((g) => g.intervals)).toHaveLength(intervals.length);
        for (const group of groups) {
          for (const interval of group.intervals) {
            expect(interval.start >= group.period.start && interval.start < group.period.end).toBe(true);
          }
        }
      }),
    );
  });
});
