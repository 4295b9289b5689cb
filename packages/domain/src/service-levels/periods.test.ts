import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  SERVICE_PERIODS,
  canonicalTimeZone,
  isTimeZone,
  nextPeriod,
  periodContaining,
  previousPeriod,
  periodsBetween,
} from './periods.js';

const HOUR = 3_600_000;
const hours = (p: { start: Date; end: Date }) => (p.end.getTime() - p.start.getTime()) / HOUR;
const at = (iso: string) => new Date(iso);

describe('periods in the client’s time zone', () => {
  it('gives the day the clocks go forward in London 23 hours', () => {
    const day = periodContaining(at('2026-03-29T12:00:00Z'), 'DAY', 'Europe/London');
    expect(day).toMatchObject({ label: '2026-03-29', firstDay: '2026-03-29', lastDay: '2026-03-29' });
    expect(day.start.toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(day.end.toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(hours(day)).toBe(23);
  });

  it('gives the day the clocks go back in London 25 hours', () => {
    const day = periodContaining(at('2026-10-25T12:00:00Z'), 'DAY', 'Europe/London');
    expect(day.start.toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(day.end.toISOString()).toBe('2026-10-26T00:00:00.000Z');
    expect(hours(day)).toBe(25);
  });

  it('puts 23:30 UTC on a summer evening in the next London day', () => {
    expect(periodContaining(at('2026-06-30T23:30:00Z'), 'DAY', 'Europe/London').label).toBe('2026-07-01');
  });

  it('runs an ISO week from Monday to Sunday, 167 hours across the spring change', () => {
    const week = periodContaining(at('2026-03-25T12:00:00Z'), 'WEEK', 'Europe/London');
    expect(week).toMatchObject({ label: '2026-W13', firstDay: '2026-03-23', lastDay: '2026-03-29' });
    expect(week.start.toISOString()).toBe('2026-03-23T00:00:00.000Z');
    expect(week.end.toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(hours(week)).toBe(167);
  });

  it('numbers weeks by the ISO week-numbering year', () => {
    expect(periodContaining(at('2026-01-01T12:00:00Z'), 'WEEK', 'UTC')).toMatchObject({
      label: '2026-W01',
      firstDay: '2025-12-29',
    });
    expect(periodContaining(at('2027-01-01T12:00:00Z'), 'WEEK', 'UTC').label).toBe('2026-W53');
    expect(periodContaining(at('2027-01-04T12:00:00Z'), 'WEEK', 'UTC').label).toBe('2027-W01');
  });

  it('makes a quarter of calendar months, 2,159 hours for the first in London', () => {
    const q1 = periodContaining(at('2026-02-14T09:00:00Z'), 'QUARTER', 'Europe/London');
    expect(q1).toMatchObject({ label: '2026-Q1', firstDay: '2026-01-01', lastDay: '2026-03-31' });
    expect(q1.end.toISOString()).toBe('2026-03-31T23:00:00.000Z');
    expect(hours(q1)).toBe(90 * 24 - 1);
    const q4 = periodContaining(at('2026-12-31T23:59:59Z'), 'QUARTER', 'Europe/London');
    expect(q4.label).toBe('2026-Q4');
    expect(q4.start.toISOString()).toBe('2026-09-30T23:00:00.000Z');
    expect(hours(q4)).toBe(92 * 24 + 1);
  });

  it('makes a month of its calendar days', () => {
    const february = periodContaining(at('2028-02-29T12:00:00Z'), 'MONTH', 'America/New_York');
    expect(february).toMatchObject({ label: '2028-02', firstDay: '2028-02-01', lastDay: '2028-02-29' });
    expect(february.start.toISOString()).toBe('2028-02-01T05:00:00.000Z');
  });

  it('starts a day at the first minute that exists when the clock skips midnight', () => {
    // Santiago moves from 00:00 to 01:00 on 6 September 2026.
    const day = periodContaining(at('2026-09-06T12:00:00Z'), 'DAY', 'America/Santiago');
    expect(day.start.toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(hours(day)).toBe(23);
  });

  it('handles zones half an hour from UTC', () => {
    const day = periodContaining(at('2026-05-01T20:00:00Z'), 'DAY', 'Asia/Kolkata');
    expect(day.label).toBe('2026-05-02');
    expect(day.start.toISOString()).toBe('2026-05-01T18:30:00.000Z');
  });

  it('lists the periods overlapping a stretch of time', () => {
    const weeks = periodsBetween(
      at('2026-01-01T00:00:00Z'),
      at('2027-01-01T00:00:00Z'),
      'WEEK',
      'Europe/London',
    );
    expect(weeks).toHaveLength(53);
    expect(weeks[0]?.label).toBe('2026-W01');
    expect(weeks.at(-1)?.label).toBe('2026-W53');
  });

  it('knows IANA names and refuses offsets and inventions', () => {
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('+01:00')).toBe(false);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(canonicalTimeZone('europe/london')).toBe('Europe/London');
  });
});

const ZONES = [
  'UTC',
  'Europe/London',
  'America/New_York',
  'America/Santiago',
  'America/Sao_Paulo',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'Africa/Casablanca',
];

describe('periods, for any instant and zone', () => {
  const instants = fc
    .integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2060, 0, 1) })
    .map((t) => new Date(t));
  const params = fc.record({
    instant: instants,
    kind: fc.constantFrom(...SERVICE_PERIODS),
    zone: fc.constantFrom(...ZONES),
  });

  it('contain the instant, and tile time with no gap or overlap', () => {
    fc.assert(
      fc.property(params, ({ instant, kind, zone }) => {
        const period = periodContaining(instant, kind, zone);
        expect(period.start.getTime()).toBeLessThanOrEqual(instant.getTime());
        expect(period.end.getTime()).toBeGreaterThan(instant.getTime());
        const next = nextPeriod(period, zone);
        expect(next.start.getTime()).toBe(period.end.getTime());
        expect(periodContaining(period.end, kind, zone).label).toBe(next.label);
        expect(periodContaining(new Date(period.end.getTime() - 1), kind, zone).label).toBe(period.label);
        expect(periodContaining(period.start, kind, zone).label).toBe(period.label);
        const previous = previousPeriod(period, zone);
        expect(previous).toEqual(periodContaining(new Date(period.start.getTime() - 1), kind, zone));
        expect(previousPeriod(next, zone)).toEqual(period);
      }),
      { numRuns: 300 },
    );
  });

  it('make days of 23 to 25 hours (whole and half hours only where the zone has them)', () => {
    fc.assert(
      fc.property(instants, fc.constantFrom(...ZONES), (instant, zone) => {
        const length = hours(periodContaining(instant, 'DAY', zone));
        expect(length).toBeGreaterThanOrEqual(23);
        expect(length).toBeLessThanOrEqual(25);
      }),
      { numRuns: 300 },
    );
  });
});
