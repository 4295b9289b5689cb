import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MIN_RESPONSES,
  SCORE_RANGES,
  changeBetween,
  isDetractor,
  scoreOf,
  tQuantile975,
  tallyOf,
  type FeedbackKind,
  type ScoreCounts,
} from './scores.js';
import { wilsonInterval } from '../service-levels/compliance.js';

// 100 answers: 50 promoters (30 tens, 20 nines), 30 passives, 20 detractors.
const NPS_MONTH: ScoreCounts = { 10: 30, 9: 20, 8: 20, 7: 10, 5: 12, 2: 8 };
const CSAT_MONTH: ScoreCounts = { 5: 25, 4: 15, 3: 5, 2: 3, 1: 2 };
const EFFORT_MONTH: ScoreCounts = { 7: 4, 6: 8, 5: 5, 4: 2, 2: 1 };

describe('NPS', () => {
  it('is % promoters − % detractors, with the margin from the variance of +1/0/−1', () => {
    const nps = scoreOf('NPS', NPS_MONTH);
    // p = 0.5, d = 0.2: NPS 30; variance 0.5 + 0.2 − 0.3² = 0.61; se = 100 × √(0.61 ÷ 100) = 7.81; margin 15.3.
    expect(nps).toMatchObject({ shown: true, responses: 100, score: 30, detractors: 20 });
    if (!nps.shown) throw new Error('shown');
    expect(nps.standardError).toBeCloseTo(7.8102, 4);
    expect(nps.margin).toBeCloseTo(15.308, 3);
    expect(nps.low).toBeCloseTo(14.692, 3);
    expect(nps.high).toBeCloseTo(45.308, 3);
  });

  it('is 100 when everyone promotes, with no margin, and stays within −100 to 100', () => {
    expect(scoreOf('NPS', { 10: 7 })).toMatchObject({ score: 100, margin: 0, low: 100, high: 100 });
    // Half promoters, half detractors: variance 1, se = 100 × √(1 ÷ 6) = 40.8, margin ±80.0.
    const split = scoreOf('NPS', { 10: 3, 0: 3 });
    expect(split).toMatchObject({ score: 0 });
    expect(split.shown && split.margin).toBeCloseTo(80.015, 3);
  });

  it('counts 0–6 as detractors, 7–8 as passives, 9–10 as promoters', () => {
    expect([0, 6, 7, 8, 9, 10].map((s) => isDetractor('NPS', s))).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(tallyOf('NPS', { 6: 1, 7: 1, 8: 1, 9: 1, 10: 1 })).toMatchObject({ good: 2, detractors: 1 });
  });
});

describe('CSAT', () => {
  it('is the share of 4 and 5 with the Wilson interval service levels use', () => {
    const csat = scoreOf('CSAT', CSAT_MONTH);
    expect(csat).toMatchObject({ shown: true, responses: 50, score: 0.8, detractors: 5 });
    if (!csat.shown) throw new Error('shown');
    // 40 of 50: Wilson 66.96 %–88.76 %, the same as a service level with 40 good events of 50.
    expect(csat.low).toBeCloseTo(0.6696, 4);
    expect(csat.high).toBeCloseTo(0.8876, 4);
    expect({ low: csat.low, high: csat.high }).toEqual(wilsonInterval(40, 50));
  });
});

describe('effort (CES)', () => {
  it('is the mean with a Student t interval', () => {
    const ces = scoreOf('EFFORT', EFFORT_MONTH);
    // 111 ÷ 20 = 5.55; s = 1.234; se = 0.276; t(19) = 2.093; margin 0.578.
    expect(ces).toMatchObject({ shown: true, responses: 20, score: 5.55, detractors: 1 });
    if (!ces.shown) throw new Error('shown');
    expect(ces.standardError).toBeCloseTo(0.27601, 5);
    expect(ces.margin).toBeCloseTo(0.5777, 4);
  });

  it('uses t, wider than 1.96 for few answers and close to it for many', () => {
    expect(tQuantile975(4)).toBe(2.776);
    expect(tQuantile975(31)).toBeCloseTo(2.0395, 4);
    expect(tQuantile975(100)).toBeCloseTo(1.984, 3);
    expect(tQuantile975(100_000)).toBeCloseTo(1.96, 3);
  });
});

describe('k < 5 suppression', () => {
  it('withholds the figure below 5 responses: not zero, not shown', () => {
    for (const kind of ['NPS', 'CSAT', 'EFFORT'] as const) {
      expect(scoreOf(kind, { [SCORE_RANGES[kind].max]: 4 })).toEqual({ kind, responses: 4, shown: false });
      expect(scoreOf(kind, {})).toEqual({ kind, responses: 0, shown: false });
      expect(scoreOf(kind, { [SCORE_RANGES[kind].max]: 5 }).shown).toBe(true);
    }
  });

  it('has no change when either period is withheld', () => {
    expect(changeBetween('NPS', NPS_MONTH, { 0: 4 })).toBeNull();
    expect(changeBetween('CSAT', { 5: 2 }, CSAT_MONTH)).toBeNull();
  });
});

describe('a significant change between two periods', () => {
  it('NPS: 30 → 5 on 100 answers each is a significant fall', () => {
    const change = changeBetween('NPS', NPS_MONTH, { 10: 20, 9: 15, 8: 20, 7: 15, 5: 20, 2: 10 });
    // se 7.81 and 8.53: z = −25 ÷ √(7.81² + 8.53²) = −2.23.
    expect(change).toMatchObject({ difference: -25, significant: true, direction: 'DOWN' });
    expect(change?.z).toBeCloseTo(-2.229, 3);
  });

  it('NPS: 30 → 25 on 100 answers each is within chance', () => {
    const change = changeBetween('NPS', NPS_MONTH, { 10: 30, 9: 15, 8: 25, 7: 10, 5: 12, 2: 8 });
    expect(change).toMatchObject({ difference: -5, significant: false, direction: null });
  });

  it('CSAT: the pooled two-proportion z test', () => {
    const change = changeBetween('CSAT', CSAT_MONTH, { 5: 15, 4: 15, 3: 10, 2: 5, 1: 5 });
    // 80 % → 60 %, pooled 70 %: z = −0.2 ÷ √(0.21 × (1/50 + 1/50)) = −2.18.
    expect(change?.z).toBeCloseTo(-2.1822, 4);
    expect(change?.significant).toBe(true);
  });

  it('effort: the difference of means over its standard error', () => {
    const change = changeBetween('EFFORT', EFFORT_MONTH, { 7: 2, 6: 3, 5: 5, 4: 5, 3: 3, 2: 2 });
    expect(change).toMatchObject({ significant: true, direction: 'DOWN' });
    expect(change?.difference).toBeCloseTo(-1.05, 10);
  });

  it('is a change when both periods have no spread and differ', () => {
    expect(changeBetween('NPS', { 10: 5 }, { 0: 5 })).toMatchObject({ significant: true, direction: 'DOWN' });
    expect(changeBetween('NPS', { 10: 5 }, { 9: 5 })).toMatchObject({ significant: false, z: 0 });
  });
});

const kinds = fc.constantFrom<FeedbackKind>('NPS', 'CSAT', 'EFFORT');
const countsOf = (kind: FeedbackKind) =>
  fc
    .array(fc.nat({ max: 40 }), {
      minLength: SCORE_RANGES[kind].max - SCORE_RANGES[kind].min + 1,
      maxLength: SCORE_RANGES[kind].max - SCORE_RANGES[kind].min + 1,
    })
    .map((list) => Object.fromEntries(list.map((n, i) => [SCORE_RANGES[kind].min + i, n])) as ScoreCounts);
const kindAndCounts = kinds.chain((kind) => fc.tuple(fc.constant(kind), countsOf(kind), countsOf(kind)));

describe('properties', () => {
  it('a shown score lies inside its interval, which lies inside the scale', () => {
    fc.assert(
      fc.property(kindAndCounts, ([kind, counts]) => {
        const score = scoreOf(kind, counts);
        expect(score.shown).toBe(score.responses >= MIN_RESPONSES);
        if (!score.shown) return;
        const [min, max] =
          kind === 'NPS'
            ? [-100, 100]
            : kind === 'CSAT'
              ? [0, 1]
              : [SCORE_RANGES.EFFORT.min, SCORE_RANGES.EFFORT.max];
        expect(score.low).toBeGreaterThanOrEqual(min);
        expect(score.high).toBeLessThanOrEqual(max);
        expect(score.low).toBeLessThanOrEqual(score.score + 1e-9);
        expect(score.high).toBeGreaterThanOrEqual(score.score - 1e-9);
        expect(score.margin).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('doubling every count keeps the score and narrows the margin', () => {
    fc.assert(
      fc.property(kindAndCounts, ([kind, counts]) => {
        const once = scoreOf(kind, counts);
        const doubled = scoreOf(
          kind,
          Object.fromEntries(Object.entries(counts).map(([s, n]) => [s, n * 2])) as ScoreCounts,
        );
        if (!once.shown || !doubled.shown) return;
        expect(doubled.score).toBeCloseTo(once.score, 9);
        expect(doubled.margin).toBeLessThanOrEqual(once.margin + 1e-9);
      }),
    );
  });

  it('a period compared with itself never changed; swapping the periods flips the sign', () => {
    fc.assert(
      fc.property(kindAndCounts, ([kind, a, b]) => {
        const same = changeBetween(kind, a, a);
        if (same) expect(same.significant).toBe(false);
        const forth = changeBetween(kind, a, b);
        const back = changeBetween(kind, b, a);
        if (!forth || !back) return;
        expect(back.difference).toBeCloseTo(-forth.difference, 9);
        expect(back.significant).toBe(forth.significant);
      }),
    );
  });

  it('NPS is the promoters’ share minus the detractors’, in points', () => {
    fc.assert(
      fc.property(countsOf('NPS'), (counts) => {
        const tally = tallyOf('NPS', counts);
        const score = scoreOf('NPS', counts);
        if (!score.shown) return;
        expect(score.score).toBeCloseTo((100 * (tally.good - tally.detractors)) / tally.responses, 9);
      }),
    );
  });
});
