import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BENCHMARK_BAND_POINTS,
  MIN_BENCHMARK_CONTRIBUTORS,
  benchmarkBand,
  industryBenchmark,
  type BenchmarkContribution,
  type BenchmarkFigure,
} from './benchmark.js';

const audit = (
  clientId: string,
  on: string,
  overall: number | null,
  people?: number,
): BenchmarkContribution => ({
  clientId,
  on,
  scores: {
    frameworkKey: 'aeiou-values',
    overall,
    sections: people === undefined ? [] : [{ key: 'people', score: people }],
  },
});

describe('industry benchmark: worked examples', () => {
  it('takes the latest audit of each other client, and bands the quartiles and the median', () => {
    const benchmark = industryBenchmark('me', [
      audit('me', '2026-01-01', 99, 99), // the client itself never counts
      audit('a', '2025-01-01', 10, 10), // superseded by a's 2026 audit
      audit('a', '2026-01-01', 40, 40),
      audit('b', '2026-02-01', 55, 50),
      audit('c', '2026-03-01', 61, 60),
      audit('d', '2026-03-01', 72.5, 70),
      audit('e', '2026-03-01', 90),
      audit('f', '2026-03-01', null, 20), // no overall score: does not count
    ]);
    // Overall, sorted: 40, 55, 61, 72.5, 90 (n = 5). Lower quartile at rank ⌈5/4⌉ = 2: 55 → 55. Median at rank
    // ⌈5/2⌉ = 3: 61 → 60. Upper quartile at rank ⌈15/4⌉ = 4: 72.5 → 75 (halves up).
    expect(benchmark).toMatchObject({ contributors: 5, minimumContributors: 5, unavailableReason: null });
    expect(benchmark.overall).toEqual({ lowerQuartile: 55, median: 60, upperQuartile: 75, count: 5 });
    // Only a, b, c and d scored the section: four is below the floor, so that figure stays hidden.
    expect(benchmark.sections).toEqual([{ key: 'people', figure: null }]);
  });

  it('takes the lower middle client for the median of an even count, never the mean of two', () => {
    const benchmark = industryBenchmark('me', [
      audit('a', '2026-01-01', 10),
      audit('b', '2026-01-01', 20),
      audit('c', '2026-01-01', 40),
      audit('d', '2026-01-01', 63),
      audit('e', '2026-01-01', 80),
      audit('f', '2026-01-01', 90),
    ]);
    // n = 6: ranks 2, 3 and 5 → 20, 40, 80.
    expect(benchmark.overall).toEqual({ lowerQuartile: 20, median: 40, upperQuartile: 80, count: 6 });
  });

  it('answers "not enough comparable clients" with three other clients, where the median was one of them', () => {
    const benchmark = industryBenchmark('me', [
      audit('a', '2026-01-01', 25),
      audit('b', '2026-01-01', 75),
      audit('c', '2026-01-01', 100),
    ]);
    expect(benchmark).toEqual({
      contributors: 3,
      minimumContributors: 5,
      unavailableReason: 'NOT_ENOUGH_COMPARABLE_CLIENTS',
      overall: null,
      sections: [],
    });
  });

  it('defeats the differencing attack on the mean: a fifth and a sixth client change nothing that tells', () => {
    // Five others, then a sixth publishes with 52.5. The old mean gave it away: 6 × 63.75 − 5 × 66 = 52.5.
    const five = ['a', 'b', 'c', 'd', 'e'].map((id, i) => audit(id, '2026-01-01', [50, 60, 70, 75, 75][i]!));
    const before = industryBenchmark('me', five);
    const after = industryBenchmark('me', [...five, audit('f', '2026-02-01', 52.5)]);
    expect(before.overall).toEqual({ lowerQuartile: 60, median: 70, upperQuartile: 75, count: 5 });
    expect(after.overall).toEqual({ lowerQuartile: 55, median: 60, upperQuartile: 75, count: 6 });
    // Any score from 52.5 to just under 57.5 reads exactly the same.
    for (const score of [52.5, 53, 55, 57.4]) {
      expect(industryBenchmark('me', [...five, audit('f', '2026-02-01', score)])).toEqual(after);
    }
  });

  it('bands to the nearest multiple of 5, halves up, within 0–100', () => {
    expect([0, 2.4, 2.5, 62.49, 62.5, 67.49, 97.5, 100].map(benchmarkBand)).toEqual([
      0, 0, 5, 60, 65, 65, 100, 100,
    ]);
    // A weighted sum that should be 62.5 but lands a hair below it keeps its band.
    expect(benchmarkBand(62.5 - 1e-12)).toBe(65);
  });
});

/** Others' scores: anywhere on 0–100, or the steps a real framework produces (multiples of 2.5). */
const score = fc.oneof(
  fc.double({ min: 0, max: 100, noNaN: true }),
  fc.integer({ min: 0, max: 40 }).map((step) => step * 2.5),
);

/** A score and another one in the same band (the band's edges included, as far as 0–100 allows). */
const sameBandPair = fc
  .tuple(score, fc.double({ min: -2.5, max: 2.5, noNaN: true }))
  .map(([value, shift]) => {
    const band = benchmarkBand(value);
    return [value, Math.min(100, Math.max(0, band + shift))] as const;
  })
  .filter(([value, other]) => benchmarkBand(value) === benchmarkBand(other));

const others = fc.array(fc.tuple(score, fc.option(score, { nil: undefined })), {
  minLength: 0,
  maxLength: 14,
});

function contributionsOf(rows: readonly (readonly [number, number | undefined])[]): BenchmarkContribution[] {
  return rows.map(([overall, people], i) => audit(`client-${i}`, '2026-01-01', overall, people));
}

const figuresOf = (figure: BenchmarkFigure) => [figure.lowerQuartile, figure.median, figure.upperQuartile];

describe('industry benchmark: what it can never give away', () => {
  it('reads the same whatever score in its band one client has, so adding or removing it reveals at most the band', () => {
    fc.assert(
      fc.property(
        others,
        sameBandPair,
        sameBandPair,
        ([...rest], [overall, overallElsewhere], [people, peopleElsewhere]) => {
          // Before the client publishes, and after, at either score in its band: the two "after" answers are
          // identical, so no comparison with "before" (or anything else a reader knows) can tell them apart.
          const before = industryBenchmark('me', contributionsOf(rest));
          const after = industryBenchmark('me', [
            ...contributionsOf(rest),
            audit('new', '2026-02-01', overall, people),
          ]);
          const elsewhere = industryBenchmark('me', [
            ...contributionsOf(rest),
            audit('new', '2026-02-01', overallElsewhere, peopleElsewhere),
          ]);
          expect(elsewhere).toEqual(after);
          expect(after.contributors).toBe(before.contributors + 1);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('only ever shows multiples of 5 on 0–100, in order, from at least five other clients', () => {
    fc.assert(
      fc.property(others, ([...rest]) => {
        const benchmark = industryBenchmark('me', contributionsOf(rest));
        const figures = [benchmark.overall, ...benchmark.sections.map((s) => s.figure)].filter(
          (figure): figure is BenchmarkFigure => figure !== null,
        );
        for (const figure of figures) {
          expect(figure.count).toBeGreaterThanOrEqual(MIN_BENCHMARK_CONTRIBUTORS);
          for (const value of figuresOf(figure)) {
            expect(value % BENCHMARK_BAND_POINTS).toBe(0);
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(100);
          }
          expect(figure.lowerQuartile).toBeLessThanOrEqual(figure.median);
          expect(figure.median).toBeLessThanOrEqual(figure.upperQuartile);
        }
        expect(benchmark.overall === null).toBe(benchmark.unavailableReason !== null);
      }),
    );
  });

  it('says nothing at all with fewer than five other clients, however many audits they have', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MIN_BENCHMARK_CONTRIBUTORS - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 28 }))),
        (clients, rows) => {
          const contributions = rows.map(([n, value, day]) =>
            audit(
              clients === 0 ? 'me' : n % 2 === 0 ? 'me' : `client-${n % clients}`,
              `2026-01-${String(day).padStart(2, '0')}`,
              value,
              value,
            ),
          );
          const benchmark = industryBenchmark('me', contributions);
          expect(benchmark.unavailableReason).toBe('NOT_ENOUGH_COMPARABLE_CLIENTS');
          expect(benchmark.overall).toBeNull();
          expect(benchmark.sections).toEqual([]);
        },
      ),
    );
  });

  it('counts each other client once from five upwards', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 10 }), fc.integer({ min: 1, max: 4 }), (clients, auditsEach) => {
        const contributions = Array.from({ length: clients * auditsEach }, (_, i) =>
          audit(`client-${i % clients}`, `2026-0${1 + (i % 9)}-01`, i % 101),
        );
        const benchmark = industryBenchmark('me', contributions);
        expect(benchmark.contributors).toBe(clients);
        expect(benchmark.overall?.count).toBe(clients);
      }),
    );
  });
});
