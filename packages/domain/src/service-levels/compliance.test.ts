import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  breachesAndRecoveries,
  budgetLeft,
  complianceOf,
  goodEventsNeeded,
  meetsTarget,
  periodCompliance,
  periodStatus,
  projectCompliance,
  totalsOf,
  wilsonInterval,
  type MeasuredInterval,
  type PeriodStatus,
} from './compliance.js';

const HOUR = 3_600_000;
const DAY_START = Date.UTC(2026, 2, 2);
const hourly = (hour: number, good: number, valid: number): MeasuredInterval => ({
  start: new Date(DAY_START + hour * HOUR),
  end: new Date(DAY_START + (hour + 1) * HOUR),
  good,
  valid,
});
const day = { start: new Date(DAY_START), end: new Date(DAY_START + 24 * HOUR) };

describe('compliance of a period', () => {
  it('is Σgood ÷ Σvalid, not the mean of the intervals’ percentages', () => {
    const intervals = [hourly(9, 9, 10), hourly(10, 90, 100), hourly(11, 1, 10)];
    const totals = totalsOf(intervals);
    expect(totals).toEqual({ good: 100, valid: 120, excluded: 0 });
    expect(complianceOf(totals)).toBeCloseTo(0.8333, 4);
    // The mean of 90 %, 90 % and 10 % would be 63.3 %: the quiet hour would weigh as much as the busy one.
  });

  it('has no figure without valid events', () => {
    expect(complianceOf({ good: 0, valid: 0 })).toBeNull();
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(periodStatus({ good: 0, valid: 0 }, 0.9)).toBe('NOT_ENOUGH_DATA');
  });

  it('has a 95 % Wilson interval', () => {
    const ninety = wilsonInterval(90, 100);
    expect(ninety?.low).toBeCloseTo(0.8256, 4);
    expect(ninety?.high).toBeCloseTo(0.9448, 4);
    expect(wilsonInterval(10, 10)).toEqual({ low: expect.closeTo(0.7225, 4) as number, high: 1 });
    expect(wilsonInterval(2, 3)).toEqual({
      low: expect.closeTo(0.2077, 4) as number,
      high: expect.closeTo(0.9385, 4) as number,
    });
    expect(wilsonInterval(0, 5)).toEqual({ low: 0, high: expect.closeTo(0.4345, 4) as number });
  });

  it('meets the target exactly at the target', () => {
    expect(periodStatus({ good: 9, valid: 10 }, 0.9)).toBe('MET');
    expect(periodStatus({ good: 899, valid: 1000 }, 0.9)).toBe('MISSED');
    expect(periodStatus({ good: 1999, valid: 2000 }, 0.9995)).toBe('MET');
    expect(meetsTarget({ good: 7, valid: 10 }, 0.7)).toBe(true);
  });
});

describe('the error budget', () => {
  it('counts how many more bad events the period can take', () => {
    // 950 of 1,000 at 90 %: 950 ÷ 0.9 − 1,000 = 55.6, so 55 (950 of 1,055 is 90.05 %; of 1,056, 89.96 %).
    expect(budgetLeft({ good: 950, valid: 1000 }, 0.9)).toBe(55);
    expect(periodStatus({ good: 950, valid: 1055 }, 0.9)).toBe('MET');
    expect(periodStatus({ good: 950, valid: 1056 }, 0.9)).toBe('MISSED');
  });

  it('goes below zero under target, by the bad events too many', () => {
    // 80 of 100 at 90 %: 80 ÷ 0.9 − 100 = −11.1, so −12: without 12 of its 20 bad events, 80 of 88 is 90.9 %.
    expect(budgetLeft({ good: 80, valid: 100 }, 0.9)).toBe(-12);
    expect(goodEventsNeeded({ good: 80, valid: 100 }, 0.9)).toBe(100);
    expect(goodEventsNeeded({ good: 950, valid: 1000 }, 0.9)).toBeNull();
  });

  it('is zero at a 100 % target, and cannot be made up', () => {
    expect(budgetLeft({ good: 10, valid: 10 }, 1)).toBe(0);
    expect(budgetLeft({ good: 9, valid: 10 }, 1)).toBe(-1);
    expect(goodEventsNeeded({ good: 9, valid: 10 }, 1)).toBeNull();
  });
});

describe('the projection', () => {
  // Noon on a day: ten hours at 95 %, then two at 70 %.
  const intervals = [
    ...Array.from({ length: 10 }, (_, h) => hourly(h, 95, 100)),
    hourly(10, 70, 100),
    hourly(11, 70, 100),
  ];
  const noon = new Date(DAY_START + 12 * HOUR);

  it('judges the rest of the period at the recent rate', () => {
    // So far 1,090 of 1,200 (90.8 %). Half the day has gone, so 1,200 more events are expected. The recent rate is
    // that of the intervals ending in the last 2.4 hours (9:00 to 12:00): 235 of 300, 78.3 %.
    // Projected: (1,090 + 0.783 × 1,200) ÷ 2,400 = 84.6 %.
    expect(projectCompliance(intervals, day, noon)).toBeCloseTo(0.8458, 4);
    const result = periodCompliance(intervals, day, 0.9, noon);
    expect(result).toMatchObject({
      status: 'MET',
      closed: false,
      elapsed: 0.5,
      atRisk: true,
      budgetLeft: 11,
    });
  });

  it('is the compliance itself once the period has closed, and never at risk then', () => {
    const result = periodCompliance(intervals, day, 0.9, new Date(day.end.getTime() + 1));
    expect(result.projected).toBe(result.compliance);
    expect(result.atRisk).toBe(false);
  });

  it('is not at risk while the recent rate keeps the target', () => {
    const steady = Array.from({ length: 12 }, (_, h) => hourly(h, 95, 100));
    expect(periodCompliance(steady, day, 0.9, noon).atRisk).toBe(false);
  });
});

describe('breaches and recoveries', () => {
  it('breaches on each missed period and recovers on the next met one', () => {
    const statuses: PeriodStatus[] = ['MET', 'MISSED', 'MISSED', 'NOT_ENOUGH_DATA', 'MET', 'MET', 'MISSED'];
    const periods = statuses.map((status, i) => ({ label: `W${i + 1}`, status, compliance: null }));
    expect(breachesAndRecoveries(periods).map((e) => `${e.type} ${e.label}`)).toEqual([
      'BREACHED W2',
      'BREACHED W3',
      'RECOVERED W5',
      'BREACHED W7',
    ]);
  });
});

const counts = fc
  .tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }))
  .map(([a, b]) => ({ good: Math.min(a, b), valid: Math.max(a, b) }));
const targets = fc.integer({ min: 1, max: 10_000 }).map((units) => units / 10_000);

describe('compliance, for any counts', () => {
  it('lies within 0 to 1 and inside its Wilson interval', () => {
    fc.assert(
      fc.property(counts, ({ good, valid }) => {
        const share = complianceOf({ good, valid });
        const interval = wilsonInterval(good, valid);
        // Not `return expect(…)`: fast-check takes a property's falsy return value for a failure.
        if (valid === 0) {
          expect(share).toBeNull();
          return;
        }
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(1);
        expect(interval!.low).toBeLessThanOrEqual(share!);
        expect(interval!.high).toBeGreaterThanOrEqual(share!);
        expect(interval!.low).toBeGreaterThanOrEqual(0);
        expect(interval!.high).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('has a budget of 0 or more exactly when the target is met, and that budget is the most it can take', () => {
    fc.assert(
      fc.property(counts, targets, (totals, target) => {
        fc.pre(totals.valid > 0);
        const budget = budgetLeft(totals, target);
        expect(budget >= 0).toBe(periodStatus(totals, target) === 'MET');
        if (budget >= 0) {
          expect(meetsTarget({ good: totals.good, valid: totals.valid + budget }, target)).toBe(true);
          expect(meetsTarget({ good: totals.good, valid: totals.valid + budget + 1 }, target)).toBe(false);
        } else {
          expect(meetsTarget({ good: totals.good, valid: totals.valid + budget }, target)).toBe(true);
          expect(meetsTarget({ good: totals.good, valid: totals.valid + budget + 1 }, target)).toBe(false);
        }
      }),
    );
  });

  it('needs exactly the good events it says to get back to target', () => {
    fc.assert(
      fc.property(counts, targets, (totals, target) => {
        const needed = goodEventsNeeded(totals, target);
        if (needed === null) return;
        const after = (x: number) => ({ good: totals.good + x, valid: totals.valid + x });
        expect(meetsTarget(after(needed), target)).toBe(true);
        expect(meetsTarget(after(needed - 1), target)).toBe(false);
      }),
    );
  });

  it('does not depend on the order of the intervals', () => {
    const intervals = fc.array(counts, { maxLength: 30 });
    fc.assert(
      fc.property(intervals, fc.integer(), (list, seed) => {
        const shuffled = [...list].sort((a, b) => ((a.good * 31 + b.valid + seed) % 3) - 1);
        expect(totalsOf(shuffled)).toEqual(totalsOf(list));
      }),
    );
  });
});
