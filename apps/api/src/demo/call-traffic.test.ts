import { describe, expect, it } from 'vitest';
import { QUARTER_HOUR_MS, quarterHourCounts, quarterHoursBetween } from './call-traffic.js';

const at = (iso: string) => new Date(iso);
const shape = { peak: 40, goodShare: 0.9 };

describe('the demo and bench call traffic', () => {
  it('has a quarter hour for every 15 minutes of the local days, 92 on a day of 23 hours and 100 on one of 25', () => {
    const spring = quarterHoursBetween(
      at('2026-03-29T00:00:00Z'),
      at('2026-03-29T23:00:00Z'),
      'Europe/London',
    );
    const autumn = quarterHoursBetween(
      at('2026-10-24T23:00:00Z'),
      at('2026-10-26T00:00:00Z'),
      'Europe/London',
    );
    expect([spring.length, autumn.length]).toEqual([92, 100]);
    for (const slots of [spring, autumn]) {
      slots.forEach((slot, i) => i > 0 && expect(slot.start - slots[i - 1]!.start).toBe(QUARTER_HOUR_MS));
    }
    // Sunday, by the local calendar; the last quarter hour of the long day is still its 23rd hour.
    expect(new Set(autumn.map((slot) => slot.weekday))).toEqual(new Set([6]));
    expect(autumn.at(-1)?.hour).toBe(23);
  });

  it('gives a quarter hour the same counts whatever window it is part of', () => {
    const week = quarterHoursBetween(at('2026-11-02T00:00:00Z'), at('2026-11-09T00:00:00Z'), 'Europe/London');
    const day = quarterHoursBetween(at('2026-11-04T00:00:00Z'), at('2026-11-05T00:00:00Z'), 'Europe/London');
    const inWeek = new Map(week.map((slot) => [slot.start, quarterHourCounts(slot, shape, 7)]));
    for (const slot of day) expect(quarterHourCounts(slot, shape, 7)).toEqual(inWeek.get(slot.start));
    expect(quarterHourCounts(day[40]!, shape, 8)).not.toEqual(quarterHourCounts(day[40]!, shape, 7));
  });

  it('is busiest on a Monday morning and quiet at night, with good never above valid', () => {
    const week = quarterHoursBetween(at('2026-11-02T00:00:00Z'), at('2026-11-09T00:00:00Z'), 'Europe/London');
    const counts = week.map((slot) => ({ slot, ...quarterHourCounts(slot, shape, 3) }));
    const calls = (weekday: number, hour: number) =>
      counts
        .filter((c) => c.slot.weekday === weekday && c.slot.hour === hour)
        .reduce((sum, c) => sum + c.valid, 0);
    expect(calls(0, 9)).toBeGreaterThan(3 * calls(6, 9));
    expect(calls(0, 9)).toBeGreaterThan(10 * calls(0, 3));
    expect(counts.every((c) => c.good <= c.valid && c.good >= 0 && c.excluded >= 0)).toBe(true);
    const good = counts.reduce((sum, c) => sum + c.good, 0);
    const valid = counts.reduce((sum, c) => sum + c.valid, 0);
    expect(good / valid).toBeGreaterThan(0.87);
    expect(good / valid).toBeLessThan(0.93);
  });
});
