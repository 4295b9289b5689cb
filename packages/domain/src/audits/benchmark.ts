import type { ScoreSnapshot } from './comparison.js';

/**
 * The industry benchmark must never give away one client's score. Two things used to: with three other clients
 * the median *was* one of them, and reading the mean before and after a fourth client published gave that client
 * exactly ((n + 1) × new mean − n × old mean). So:
 *
 * - a figure needs five other clients (the audit's own client never counts), so no small group is laid bare;
 * - there is no mean: each figure is an order statistic (a quartile or the median by nearest rank, always one
 *   client's actual score, never an average of two) rounded to a 5-point band. Moving any one client's score
 *   anywhere inside its band changes no figure (see `bandedBenchmarkFigure`), so whatever else a reader knows,
 *   before and after that client publishes, the figures tell at most which 5-point band it is in;
 * - the API freezes each published audit's benchmark at publication, so one audit's figures never move.
 */
export const MIN_BENCHMARK_CONTRIBUTORS = 5;

/** Every figure is a multiple of this many points. */
export const BENCHMARK_BAND_POINTS = 5;

export type BenchmarkUnavailableReason = 'NOT_ENOUGH_COMPARABLE_CLIENTS';

/** One published audit of some client in the same industry, on the same framework. */
export interface BenchmarkContribution {
  clientId: string;
  /** ISO date or date-time; only each client's latest contribution with an overall score counts. */
  on: string;
  scores: ScoreSnapshot;
}

/** A spread of scores shown as bands: each value is a multiple of 5 on 0–100. */
export interface BenchmarkFigure {
  /** A quarter of the clients score at or below this band. */
  lowerQuartile: number;
  /** Half of the clients score at or below this band. */
  median: number;
  /** Three quarters of the clients score at or below this band. */
  upperQuartile: number;
  /** How many other clients the figure is taken from (five or more). */
  count: number;
}

export interface IndustryBenchmark {
  /** Other clients counted: each one's latest audit with an overall score, whether or not that is enough. */
  contributors: number;
  minimumContributors: number;
  /** Null when there are figures. */
  unavailableReason: BenchmarkUnavailableReason | null;
  /** Null exactly when `unavailableReason` is set. */
  overall: BenchmarkFigure | null;
  /** Per section (none when unavailable); a figure is null where fewer than five others scored that section. */
  sections: { key: string; figure: BenchmarkFigure | null }[];
}

/**
 * How the consultancy's other clients in the same industry score on the same framework. The caller passes the
 * industry's audits; the client being compared is left out, and so is any client whose audits have no overall
 * score. Below five other clients the answer carries a reason instead of figures.
 */
export function industryBenchmark(
  forClientId: string,
  contributions: readonly BenchmarkContribution[],
): IndustryBenchmark {
  const latest = new Map<string, BenchmarkContribution>();
  for (const contribution of contributions) {
    if (contribution.clientId === forClientId || contribution.scores.overall === null) continue;
    const known = latest.get(contribution.clientId);
    if (!known || contribution.on >= known.on) latest.set(contribution.clientId, contribution);
  }
  const counted = [...latest.values()].map((c) => c.scores);
  const frameworks = new Set(counted.map((s) => s.frameworkKey));
  if (frameworks.size > 1) throw new RangeError('A benchmark compares audits on one framework only.');

  const base = { contributors: counted.length, minimumContributors: MIN_BENCHMARK_CONTRIBUTORS };
  const overall = bandedBenchmarkFigure(counted.map((s) => s.overall));
  if (!overall) {
    return { ...base, unavailableReason: 'NOT_ENOUGH_COMPARABLE_CLIENTS', overall: null, sections: [] };
  }
  const sectionKeys = [...new Set(counted.flatMap((s) => s.sections.map((section) => section.key)))];
  return {
    ...base,
    unavailableReason: null,
    overall,
    sections: sectionKeys.map((key) => ({
      key,
      figure: bandedBenchmarkFigure(
        counted.map((s) => s.sections.find((section) => section.key === key)?.score ?? null),
      ),
    })),
  };
}

/**
 * Quartiles and median by nearest rank (the value at rank ⌈p × n⌉ of the sorted scores), each rounded to its band.
 * Nearest rank, not interpolation: an interpolated median of an even count is the mean of two clients, and a mean
 * can cross a band edge when one of them moves inside its own band. A rank statistic cannot: swapping one value
 * for another in the same band only reorders values lying between the two, all in that same band.
 */
export function bandedBenchmarkFigure(values: readonly (number | null)[]): BenchmarkFigure | null {
  const known = values.filter((value): value is number => value !== null).sort((a, b) => a - b);
  if (known.length < MIN_BENCHMARK_CONTRIBUTORS) return null;
  const atRank = (share: number) => benchmarkBand(known[Math.max(1, Math.ceil(share * known.length)) - 1]!);
  return {
    lowerQuartile: atRank(0.25),
    median: atRank(0.5),
    upperQuartile: atRank(0.75),
    count: known.length,
  };
}

/**
 * The band a score falls in, as the nearest multiple of 5 (halves up: 62.5 to just under 67.5 shows as 65). The
 * tiny allowance keeps a sum that should be exactly 62.5 but lands a hair below it in the band it belongs to.
 */
export function benchmarkBand(score: number): number {
  const band = Math.floor(score / BENCHMARK_BAND_POINTS + 0.5 + 1e-9) * BENCHMARK_BAND_POINTS;
  return Math.min(100, Math.max(0, band));
}
