import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  changesJudgedResult,
  checkBatchSize,
  checkMeasurementBatch,
  closedPeriodMessage,
  correctionReasonInput,
  correctionReasonMissing,
  intervalsByPeriod,
  matchStored,
  mergeIntervals,
  type IntervalChange,
} from './measurements.js';
import type { MeasuredInterval } from './compliance.js';
import { versionedPeriodFinder } from './versions.js';

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

describe('one service level’s rows of a larger batch', () => {
  it('names each row by its index in the whole batch, in fields and messages', () => {
    const checked = checkMeasurementBatch(
      [
        row('2026-03-31T09:00:00Z', '2026-03-31T09:30:00Z', 1, 1),
        row('2026-03-31T09:15:00Z', '2026-03-31T09:45:00Z', 1, 1),
        row('2026-03-31T10:00:00Z', '2026-03-31T10:15:00Z', 3, 2),
      ],
      { now, rowIndexes: [4, 7, 12] },
    );
    expect(!checked.ok && checked.errors).toEqual([
      { field: 'intervals.7.start', code: 'CONFLICT', message: 'The interval overlaps the one at row 4.' },
      { field: 'intervals.12.good', code: 'INVALID', message: 'Good cannot be more than valid.' },
    ]);
  });

  it('takes the periods of its definition versions: a week cut short where a monthly version takes over', () => {
    const periodOf = versionedPeriodFinder([
      {
        number: 1,
        effectiveFrom: new Date('2026-01-05T00:00:00Z'),
        period: 'WEEK',
        timeZone: 'Europe/London',
      },
      {
        number: 2,
        effectiveFrom: new Date('2026-04-01T00:00:00+01:00'),
        period: 'MONTH',
        timeZone: 'Europe/London',
      },
    ]);
    // Week 2026-W14 runs from Monday 30 March, but version 2 judges from 1 April (local midnight, 23:00 UTC).
    const checked = checkMeasurementBatch(
      [
        row('2026-03-31T12:00:00+01:00', '2026-04-01T00:00:00+01:00', 1, 1),
        row('2026-03-31T23:00:00+01:00', '2026-04-01T01:00:00+01:00', 1, 1),
      ],
      { now: new Date('2026-04-02T00:00:00Z'), periods: periodOf },
    );
    expect(!checked.ok && checked.errors).toEqual([
      {
        field: 'intervals.1.end',
        code: 'INVALID',
        message:
          'The interval runs past the end of its period (2026-W14); split it at 2026-03-31T23:00:00.000Z.',
      },
    ]);
  });

  it('checks the size of the whole batch on its own', () => {
    expect(checkBatchSize([])).toEqual({
      ok: false,
      errors: [{ field: 'intervals', code: 'REQUIRED', message: 'Give at least one interval.' }],
    });
    expect(checkBatchSize('rows', 'input.intervals')).toMatchObject({
      ok: false,
      errors: [{ field: 'input.intervals', code: 'INVALID' }],
    });
    expect(checkBatchSize(Array.from({ length: 10_000 }, () => ({}))).ok).toBe(true);
    expect(checkBatchSize(Array.from({ length: 10_001 }, () => ({})))).toMatchObject({
      ok: false,
      errors: [{ code: 'TOO_LONG', message: 'Send at most 10,000 intervals at once.' }],
    });
  });
});

describe('changing a period that has been judged', () => {
  const changes: IntervalChange[] = ['ADDED', 'REPLACED', 'UNCHANGED'];
  const judged = (closed: boolean, hasFigures: boolean, reached: boolean) =>
    changes.filter((change) => changesJudgedResult({ closed, hasFigures, reached }, change));

  it('needs a reason to replace counts, or to add to a closed period the data had reached the end of', () => {
    expect(judged(true, true, true)).toEqual(['ADDED', 'REPLACED']);
    expect(judged(true, true, false)).toEqual(['REPLACED']);
  });

  it('needs none for the running period, for a closed period’s first figures, or for a resend of the same counts', () => {
    expect(judged(false, true, true)).toEqual([]);
    expect(judged(false, false, false)).toEqual([]);
    expect(judged(true, false, true)).toEqual([]);
    expect(judged(true, false, false)).toEqual([]);
  });

  it('says which periods have closed, and takes a blank reason as none', () => {
    expect(closedPeriodMessage('2026-W47')).toBe(
      '2026-W47 has closed: send the change with a correctionReason.',
    );
    expect(correctionReasonMissing(['2026-W47'])).toBe(
      'Give a reason for changing closed periods: 2026-W47 has closed.',
    );
    expect(correctionReasonMissing(['2026-W46', '2026-W47', '2026-W48'])).toBe(
      'Give a reason for changing closed periods: 2026-W46, 2026-W47 and 2026-W48 have closed.',
    );
    const many = Array.from({ length: 12 }, (_, i) => `2026-W${String(i + 1).padStart(2, '0')}`);
    expect(correctionReasonMissing(many)).toBe(
      'Give a reason for changing closed periods: 2026-W01, 2026-W02, 2026-W03, 2026-W04, 2026-W05 and 7 more have closed.',
    );
    expect(correctionReasonInput.parse('   ')).toBeNull();
    expect(correctionReasonInput.parse(' Counts re-exported after the platform fix ')).toBe(
      'Counts re-exported after the platform fix',
    );
    expect(correctionReasonInput.safeParse('x'.repeat(501)).success).toBe(false);
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

  it('matches each incoming interval with what it replaces or overlaps, as mergeIntervals decides', () => {
    const at = (minute: number) => new Date(base + minute * 60_000);
    const stored = [30, 0, 15].map((m) => ({ start: at(m), end: at(m + 15), good: 1, valid: 1 }));
    const matched = matchStored(stored, [
      { start: at(15), end: at(30), good: 2, valid: 2 },
      { start: at(15), end: at(20), good: 2, valid: 2 },
      { start: at(40), end: at(50), good: 2, valid: 2 },
      { start: at(45), end: at(60), good: 2, valid: 2 },
      { start: at(-10), end: at(0), good: 2, valid: 2 },
    ]);
    expect(matched).toEqual([
      { replaces: stored[2], overlaps: null },
      { replaces: null, overlaps: stored[2] },
      { replaces: null, overlaps: stored[0] },
      { replaces: null, overlaps: null },
      { replaces: null, overlaps: null },
    ]);
    fc.assert(
      fc.property(gridIntervals, gridIntervals, (storedGrid, incomingGrid) => {
        // A batch that overlaps itself never reaches matchStored (checkMeasurementBatch refuses it), and there the
        // two functions may rightly disagree on which row to blame: keep each interval that overlaps none kept before.
        const incoming = withoutSelfOverlap(
          incomingGrid.map((i, n) => (n % 2 ? { ...i, end: new Date(i.end.getTime() + QUARTER_HOUR) } : i)),
        );
        const merged = mergeIntervals(storedGrid, incoming);
        const matches = matchStored(storedGrid, incoming);
        expect(incoming.filter((_, n) => matches[n]!.overlaps && !matches[n]!.replaces)).toEqual(
          merged.conflicts,
        );
        expect(new Set(matches.flatMap((m) => (m.replaces ? [m.replaces] : [])))).toEqual(
          new Set(merged.replaced),
        );
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

function withoutSelfOverlap<T extends { start: Date; end: Date }>(intervals: readonly T[]): T[] {
  const kept: T[] = [];
  for (const interval of intervals) {
    if (kept.every((k) => interval.end <= k.start || interval.start >= k.end)) kept.push(interval);
  }
  return kept;
}
