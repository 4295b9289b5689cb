import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MIN_BENCHMARK_CONTRIBUTORS, industryBenchmark, type BenchmarkContribution } from './benchmark.js';

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

describe('industry benchmark', () => {
  it('averages the latest audit of each other client', () => {
    const benchmark = industryBenchmark('me', [
      audit('me', '2026-01-01', 99, 99),
      audit('a', '2025-01-01', 10, 10), // superseded by a's 2026 audit
      audit('a', '2026-01-01', 60, 40),
      audit('b', '2026-02-01', 70, 50),
      audit('c', '2026-03-01', 80),
      audit('d', '2026-03-01', null, 20), // no overall score: does not count
    ]);
    // Overall: 60, 70, 80 → mean 70, median 70, from three clients.
    expect(benchmark?.overall).toEqual({ mean: 70, median: 70, count: 3 });
    expect(benchmark?.contributors).toBe(3);
    // Only a and b scored the section: two is below the floor, so that figure stays hidden.
    expect(benchmark?.sections).toEqual([{ key: 'people', figure: null }]);
  });

  it('uses the middle pair for the median of an even count', () => {
    const benchmark = industryBenchmark('me', [
      audit('a', '2026-01-01', 10),
      audit('b', '2026-01-01', 20),
      audit('c', '2026-01-01', 40),
      audit('d', '2026-01-01', 90),
    ]);
    expect(benchmark?.overall).toEqual({ mean: 40, median: 30, count: 4 });
  });

  it('says nothing at all with fewer than three other clients, however many audits they have', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MIN_BENCHMARK_CONTRIBUTORS - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 28 }))),
        (others, rows) => {
          const contributions = rows.map(([n, score, day]) =>
            audit(
              others === 0 ? 'me' : n % 2 === 0 ? 'me' : `client-${n % others}`,
              `2026-01-${String(day).padStart(2, '0')}`,
              score,
            ),
          );
          expect(industryBenchmark('me', contributions)).toBeNull();
        },
      ),
    );
  });

  it('counts each other client once from three upwards', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 8 }), fc.integer({ min: 1, max: 4 }), (clients, auditsEach) => {
        const contributions = Array.from({ length: clients * auditsEach }, (_, i) =>
          audit(`client-${i % clients}`, `2026-0${1 + (i % 9)}-01`, i % 101),
        );
        const benchmark = industryBenchmark('me', contributions);
        expect(benchmark?.contributors).toBe(clients);
        expect(benchmark?.overall.mean).toBeGreaterThanOrEqual(0);
        expect(benchmark?.overall.mean).toBeLessThanOrEqual(100);
      }),
    );
  });
});
