import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nextDigestAt } from './digest-timing.js';
import type { DigestSettings } from './preferences.js';

const daily = (timeZone: string): DigestSettings => ({ cadence: 'DAILY', weekday: null, timeZone });
const weekly = (timeZone: string, weekday: number): DigestSettings => ({
  cadence: 'WEEKLY',
  weekday,
  timeZone,
});
const next = (settings: DigestSettings, after: string) =>
  nextDigestAt(settings, new Date(after)).toISOString();

describe('the next daily digest, at 08:00 local time, across the 2026 clock changes', () => {
  it('Europe/London: GMT to BST on 29 March, BST to GMT on 25 October', () => {
    const london = daily('Europe/London');
    // Saturday 08:00 GMT exactly: not "after", so the next is Sunday 08:00 BST, an hour earlier in UTC.
    expect(next(london, '2026-03-28T08:00:00Z')).toBe('2026-03-29T07:00:00.000Z');
    expect(next(london, '2026-03-29T07:00:00Z')).toBe('2026-03-30T07:00:00.000Z');
    expect(next(london, '2026-10-24T07:00:00Z')).toBe('2026-10-25T08:00:00.000Z');
    // 01:30 on 25 October happens twice; either way the digest is at 08:00 GMT.
    expect(next(london, '2026-10-25T00:30:00Z')).toBe('2026-10-25T08:00:00.000Z');
    expect(next(london, '2026-10-25T01:30:00Z')).toBe('2026-10-25T08:00:00.000Z');
  });

  it('America/New_York: EST to EDT on 8 March, EDT to EST on 1 November', () => {
    const newYork = daily('America/New_York');
    expect(next(newYork, '2026-03-07T13:00:00Z')).toBe('2026-03-08T12:00:00.000Z');
    // 02:30 on 8 March does not exist in New York; 08:00 does.
    expect(next(newYork, '2026-03-08T07:30:00Z')).toBe('2026-03-08T12:00:00.000Z');
    expect(next(newYork, '2026-10-31T12:00:00Z')).toBe('2026-11-01T13:00:00.000Z');
    expect(next(newYork, '2026-11-01T13:00:00Z')).toBe('2026-11-02T13:00:00.000Z');
  });

  it('Australia/Sydney: AEDT to AEST on 5 April, AEST to AEDT on 4 October', () => {
    const sydney = daily('Australia/Sydney');
    // Saturday 4 April 08:00 AEDT (UTC+11) is 3 April 21:00 UTC; Sunday 08:00 AEST (UTC+10) is 22:00 UTC.
    expect(next(sydney, '2026-04-03T21:00:00Z')).toBe('2026-04-04T22:00:00.000Z');
    expect(next(sydney, '2026-10-02T22:00:00Z')).toBe('2026-10-03T21:00:00.000Z');
  });

  it('is later today when 08:00 has not come yet, and tomorrow once it has', () => {
    expect(next(daily('Europe/London'), '2026-06-10T05:00:00Z')).toBe('2026-06-10T07:00:00.000Z');
    expect(next(daily('Europe/London'), '2026-06-10T07:00:00.001Z')).toBe('2026-06-11T07:00:00.000Z');
    // Late evening in UTC is already tomorrow in Tokyo.
    expect(next(daily('Asia/Tokyo'), '2026-06-10T22:00:00Z')).toBe('2026-06-10T23:00:00.000Z');
    expect(next(daily('UTC'), '2026-12-31T09:00:00Z')).toBe('2027-01-01T08:00:00.000Z');
  });
});

describe('the next weekly digest', () => {
  it('comes on the chosen weekday, across a clock change', () => {
    // Friday 27 March 2026: the next Monday (30 March) is already BST.
    expect(next(weekly('Europe/London', 1), '2026-03-27T12:00:00Z')).toBe('2026-03-30T07:00:00.000Z');
    // A Sunday digest in New York: 1 March at 08:00 EST has just gone, so the next is 8 March at 08:00 EDT.
    expect(next(weekly('America/New_York', 7), '2026-03-01T13:00:00Z')).toBe('2026-03-08T12:00:00.000Z');
  });

  it('is today when today is the day and 08:00 is still to come, else a week later', () => {
    // Wednesday 10 June 2026.
    expect(next(weekly('Europe/London', 3), '2026-06-10T06:59:00Z')).toBe('2026-06-10T07:00:00.000Z');
    expect(next(weekly('Europe/London', 3), '2026-06-10T07:00:00Z')).toBe('2026-06-17T07:00:00.000Z');
  });
});

const ZONES = [
  'UTC',
  'Europe/London',
  'America/New_York',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Asia/Kolkata',
  'America/St_Johns',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
];

function wallClock(instant: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'short',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value;
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(part('weekday')!) + 1;
  return { time: `${part('hour')}:${part('minute')}`, weekday };
}

describe('every next digest, for any zone and instant', () => {
  const instants = fc.date({
    min: new Date('2020-01-01T00:00:00Z'),
    max: new Date('2035-12-31T00:00:00Z'),
    noInvalidDate: true,
  });
  const settings = fc.oneof(
    fc.constantFrom(...ZONES).map(daily),
    fc
      .tuple(fc.constantFrom(...ZONES), fc.integer({ min: 1, max: 7 }))
      .map(([zone, day]) => weekly(zone, day)),
  );

  it('is after the instant, at 08:00 local on a due day, and no later than the first such day', () => {
    fc.assert(
      fc.property(settings, instants, (s, after) => {
        const at = nextDigestAt(s, after);
        const clock = wallClock(at, s.timeZone);
        expect(at.getTime()).toBeGreaterThan(after.getTime());
        expect(clock.time).toBe('08:00');
        if (s.cadence === 'WEEKLY') expect(clock.weekday).toBe(s.weekday);
        // A local day is at most 25 hours long, so the next due 08:00 is at most a day (or a week) and an hour away.
        const limit = (s.cadence === 'WEEKLY' ? 7 : 1) * 86_400_000 + 3_600_000;
        expect(at.getTime() - after.getTime()).toBeLessThanOrEqual(limit);
        // Nothing due was skipped: the due time before this one, found from two hours before it could be, is not
        // after the instant.
        const period = (s.cadence === 'WEEKLY' ? 7 : 1) * 86_400_000;
        const previous = nextDigestAt(s, new Date(at.getTime() - period - 2 * 3_600_000));
        expect(previous.getTime()).toBeLessThanOrEqual(after.getTime());
      }),
      { numRuns: 300 },
    );
  });
});
