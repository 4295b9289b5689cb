import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  monthOf,
  monthlySeries,
  monthsBetween,
  nextMonth,
  percentile,
  poissonUpperTail,
  previousMonth,
  ratePerThousand,
  recurrences,
  risingFlag,
  rootCauseKey,
  timeToResolve,
} from './patterns.js';

const DAY = 86_400_000;

describe('the Poisson upper tail', () => {
  it('is 1 − P(X < n), worked for λ = 2', () => {
    // P(X ≤ 6 | λ = 2) = e^−2 (1 + 2 + 2 + 4/3 + 2/3 + 4/15 + 4/45) = 0.995466
    expect(poissonUpperTail(7, 2)).toBeCloseTo(0.004534, 6);
    expect(poissonUpperTail(6, 2)).toBeCloseTo(0.016564, 6);
    expect(poissonUpperTail(1, 2)).toBeCloseTo(1 - Math.exp(-2), 12);
    expect(poissonUpperTail(0, 2)).toBe(1);
  });

  it('is 0 for any count above none when nothing is expected', () => {
    expect(poissonUpperTail(1, 0)).toBe(0);
    expect(poissonUpperTail(0, 0)).toBe(1);
  });

  it('does not underflow for large λ', () => {
    // Around the mean the tail is about one half, whatever λ.
    expect(poissonUpperTail(1000, 1000)).toBeCloseTo(0.504, 2);
    expect(poissonUpperTail(1200, 1000)).toBeLessThan(1e-8);
  });

  it('falls as n grows and stays a probability', () => {
    fc.assert(
      fc.property(fc.nat(300), fc.double({ min: 0, max: 300, noNaN: true }), (n, lambda) => {
        const p = poissonUpperTail(n, lambda);
        const q = poissonUpperTail(n + 1, lambda);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        expect(q).toBeLessThanOrEqual(p + 1e-12);
      }),
    );
  });

  it('adds up with the probability of exactly n', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0.1, max: 40, noNaN: true }),
        (n, lambda) => {
          let logFactorial = 0;
          for (let k = 2; k <= n; k += 1) logFactorial += Math.log(k);
          const exactly = Math.exp(-lambda + n * Math.log(lambda) - logFactorial);
          expect(poissonUpperTail(n, lambda) - poissonUpperTail(n + 1, lambda)).toBeCloseTo(exactly, 9);
        },
      ),
    );
  });
});

describe('the rising flag', () => {
  it('rises on 7 complaints after a trailing mean of 2 (the worked example)', () => {
    const flag = risingFlag(7, [2, 3, 1, 4, 2, 0]);
    expect(flag.trailingMean).toBe(2);
    expect(flag.probability).toBeCloseTo(0.004534, 6);
    expect(flag.rising).toBe(true);
  });

  it('does not rise on 6 after the same months: P = 0.0166 is not below 0.01', () => {
    expect(risingFlag(6, [2, 3, 1, 4, 2, 0]).rising).toBe(false);
  });

  it('needs at least five complaints, however improbable fewer would be', () => {
    const four = risingFlag(4, [0, 0, 0, 0, 0, 1]);
    expect(four.probability).toBeLessThan(0.01);
    expect(four.rising).toBe(false);
    expect(risingFlag(5, [0, 0, 0, 0, 0, 0]).rising).toBe(true);
  });

  it('wants exactly six trailing months', () => {
    expect(() => risingFlag(5, [1, 2])).toThrow(RangeError);
  });

  it('never rises below five, nor at or under the trailing mean', () => {
    fc.assert(
      fc.property(fc.nat(200), fc.array(fc.nat(200), { minLength: 6, maxLength: 6 }), (count, trailing) => {
        const flag = risingFlag(count, trailing);
        if (count < 5 || count <= flag.trailingMean) expect(flag.rising).toBe(false);
      }),
    );
  });

  it('stays rising when the count grows', () => {
    fc.assert(
      fc.property(
        fc.nat(100),
        fc.nat(20),
        fc.array(fc.nat(50), { minLength: 6, maxLength: 6 }),
        (count, more, trailing) => {
          if (risingFlag(count, trailing).rising)
            expect(risingFlag(count + more, trailing).rising).toBe(true);
        },
      ),
    );
  });
});

describe('months', () => {
  it('count in the client’s time zone', () => {
    // 23:30 UTC on 31 March is already April in Amsterdam and London (both on summer time), still March in New York.
    const instant = new Date('2026-03-31T23:30:00Z');
    expect(monthOf(instant, 'Europe/Amsterdam')).toBe('2026-04');
    expect(monthOf(instant, 'Europe/London')).toBe('2026-04');
    expect(monthOf(instant, 'America/New_York')).toBe('2026-03');
    expect(monthOf(new Date('2026-01-31T23:30:00Z'), 'Europe/London')).toBe('2026-01');
  });

  it('step over the year', () => {
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-02', '2026-01')).toEqual([]);
  });

  it('next and previous undo each other', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 9998 }), fc.integer({ min: 1, max: 12 }), (year, m) => {
        const month = `${year}-${String(m).padStart(2, '0')}`;
        expect(previousMonth(nextMonth(month))).toBe(month);
        expect(nextMonth(month) > month).toBe(true);
      }),
    );
  });
});

describe('monthly series', () => {
  it('fills missing months with zero and flags the last month against the six before', () => {
    const series = monthlySeries(
      [
        { key: 'billing', month: '2026-05', count: 2 },
        { key: 'billing', month: '2026-06', count: 3 },
        { key: 'billing', month: '2026-07', count: 1 },
        { key: 'billing', month: '2026-08', count: 4 },
        { key: 'billing', month: '2026-09', count: 2 },
        { key: 'billing', month: '2026-11', count: 7 },
        { key: 'waiting', month: '2026-11', count: 1 },
      ],
      ['2026-09', '2026-10', '2026-11'],
      ['billing', 'waiting', 'rude'],
    );
    expect(series.map((s) => s.counts)).toEqual([
      [2, 0, 7],
      [0, 0, 1],
      [0, 0, 0],
    ]);
    expect(series[0]!.rising).toMatchObject({ rising: true, count: 7, trailingMean: 2 });
    expect(series[1]!.rising.rising).toBe(false);
    expect(series[2]!.rising).toMatchObject({ rising: false, count: 0, probability: 1 });
  });

  it('keeps every complaint counted once', () => {
    const month = fc.constantFrom('2026-01', '2026-02', '2026-03');
    const key = fc.constantFrom('a', 'b', 'c');
    fc.assert(
      fc.property(fc.array(fc.record({ month, key, count: fc.nat(20) })), (counts) => {
        const series = monthlySeries(counts, ['2026-01', '2026-02', '2026-03'], ['a', 'b', 'c']);
        const total = series.flatMap((s) => s.counts).reduce((a, b) => a + b, 0);
        expect(total).toBe(counts.reduce((sum, c) => sum + c.count, 0));
      }),
    );
  });
});

describe('the rate per 1,000 contacts', () => {
  it('relates complaints to the service level’s valid events', () => {
    // 12 complaints in a month of 8,000 valid calls: 1.5 per 1,000.
    expect(ratePerThousand(12, 8000)).toBe(1.5);
    expect(ratePerThousand(3, 0)).toBeNull();
  });
});

describe('time to resolve', () => {
  it('is the median and 90th percentile by linear interpolation (PERCENTILE.INC)', () => {
    // Hours: 2, 4, 4, 5, 8, 10, 12, 24, 30, 48. Median: rank 4.5 → (8 + 10) / 2 = 9.
    // p90: rank 0.9 × 9 = 8.1 → 30 + 0.1 × (48 − 30) = 31.8.
    const start = Date.UTC(2026, 10, 2, 9);
    const hours = [24, 2, 4, 48, 5, 4, 8, 10, 12, 30];
    const complaints: { receivedAt: Date; resolvedAt: Date | null }[] = hours.map((h) => ({
      receivedAt: new Date(start),
      resolvedAt: new Date(start + h * 3_600_000),
    }));
    complaints.push({ receivedAt: new Date(start), resolvedAt: null });
    expect(timeToResolve(complaints)).toEqual({
      resolved: 10,
      median: 9,
      p90: expect.closeTo(31.8, 9) as number,
    });
    expect(timeToResolve([])).toEqual({ resolved: 0, median: null, p90: null });
  });

  it('lies within the values, and the 90th percentile is not below the median', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e5, noNaN: true }), { minLength: 1 }), (values) => {
        const median = percentile(values, 0.5)!;
        const p90 = percentile(values, 0.9)!;
        expect(median).toBeGreaterThanOrEqual(Math.min(...values));
        expect(p90).toBeLessThanOrEqual(Math.max(...values));
        expect(p90).toBeGreaterThanOrEqual(median);
      }),
    );
  });
});

describe('recurrence', () => {
  const done = new Date('2026-06-01T12:00:00Z');
  const action = { actionId: 'action-1', rootCause: 'Rota gap on Saturdays', doneAt: done };

  it('is the same root cause within 90 days after the action was done (the worked example)', () => {
    const found = recurrences(
      [
        { id: 'before', receivedAt: new Date(done.getTime() - DAY), rootCause: 'Rota gap on Saturdays' },
        {
          id: 'day-30',
          receivedAt: new Date(done.getTime() + 30 * DAY),
          rootCause: ' rota gap  on saturdays',
        },
        { id: 'day-90', receivedAt: new Date(done.getTime() + 90 * DAY), rootCause: 'Rota gap on Saturdays' },
        { id: 'day-91', receivedAt: new Date(done.getTime() + 91 * DAY), rootCause: 'Rota gap on Saturdays' },
        { id: 'other', receivedAt: new Date(done.getTime() + DAY), rootCause: 'Billing system outage' },
        { id: 'none', receivedAt: new Date(done.getTime() + DAY), rootCause: null },
      ],
      [action],
    );
    expect(found).toEqual([
      { complaintId: 'day-30', actionId: 'action-1' },
      { complaintId: 'day-90', actionId: 'action-1' },
    ]);
  });

  it('names the latest action done before the complaint', () => {
    const later = {
      actionId: 'action-2',
      rootCause: 'rota gap on saturdays',
      doneAt: new Date(done.getTime() + 10 * DAY),
    };
    expect(
      recurrences(
        [{ id: 'c', receivedAt: new Date(done.getTime() + 20 * DAY), rootCause: 'Rota gap on Saturdays' }],
        [action, later],
      ),
    ).toEqual([{ complaintId: 'c', actionId: 'action-2' }]);
  });

  it('compares root causes without case or spacing', () => {
    expect(rootCauseKey('  Rota   GAP ')).toBe('rota gap');
  });

  it('only ever finds complaints received after their action, within the window', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            id: fc.uuid(),
            days: fc.integer({ min: -200, max: 200 }),
            cause: fc.constantFrom('a', 'b', null),
          }),
        ),
        fc.array(
          fc.record({
            actionId: fc.uuid(),
            days: fc.integer({ min: -200, max: 200 }),
            rootCause: fc.constantFrom('a', 'b'),
          }),
        ),
        (complaints, actions) => {
          const c = complaints.map((x) => ({
            id: x.id,
            receivedAt: new Date(done.getTime() + x.days * DAY),
            rootCause: x.cause,
          }));
          const a = actions.map((x) => ({
            actionId: x.actionId,
            rootCause: x.rootCause,
            doneAt: new Date(done.getTime() + x.days * DAY),
          }));
          for (const r of recurrences(c, a)) {
            const complaint = c.find((x) => x.id === r.complaintId)!;
            const act = a.find((x) => x.actionId === r.actionId)!;
            const gap = complaint.receivedAt.getTime() - act.doneAt.getTime();
            expect(gap).toBeGreaterThan(0);
            expect(gap).toBeLessThanOrEqual(90 * DAY);
            expect(rootCauseKey(complaint.rootCause!)).toBe(rootCauseKey(act.rootCause));
          }
        },
      ),
    );
  });
});
