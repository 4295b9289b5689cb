import { mean, median } from './arithmetic.js';
import type { ScoreSnapshot } from './comparison.js';

/**
 * Below three other clients an average gives away too much: with two, each client could work out the other's
 * score from the benchmark and its own. Three is the floor for every figure, overall and per section.
 */
export const MIN_BENCHMARK_CONTRIBUTORS = 3;

/** One published audit of some client in the same industry, on the same framework. */
export interface BenchmarkContribution {
  clientId: string;
  /** ISO date or date-time; only each client's latest contribution with an overall score counts. */
  on: string;
  scores: ScoreSnapshot;
}

/** Anonymised: counts and averages only, never which clients or their individual scores, minimum or maximum. */
export interface BenchmarkFigure {
  mean: number;
  median: number;
  count: number;
}

export interface IndustryBenchmark {
  contributors: number;
  overall: BenchmarkFigure;
  /** Per section; null where fewer than three other clients have a score for that section. */
  sections: { key: string; figure: BenchmarkFigure | null }[];
}

/**
 * How the consultancy's other clients in the same industry score on the same framework. The caller passes the
 * industry's audits; the client being compared is left out, and so is any client whose audits have no overall
 * score. Null when fewer than three other clients remain.
 */
export function industryBenchmark(
  forClientId: string,
  contributions: readonly BenchmarkContribution[],
): IndustryBenchmark | null {
  const latest = new Map<string, BenchmarkContribution>();
  for (const contribution of contributions) {
    if (contribution.clientId === forClientId || contribution.scores.overall === null) continue;
    const known = latest.get(contribution.clientId);
    if (!known || contribution.on >= known.on) latest.set(contribution.clientId, contribution);
  }
  const counted = [...latest.values()].map((c) => c.scores);
  const frameworks = new Set(counted.map((s) => s.frameworkKey));
  if (frameworks.size > 1) throw new RangeError('A benchmark compares audits on one framework only.');

  const overall = figure(counted.map((s) => s.overall));
  if (!overall) return null;
  const sectionKeys = [...new Set(counted.flatMap((s) => s.sections.map((section) => section.key)))];
  return {
    contributors: overall.count,
    overall,
    sections: sectionKeys.map((key) => ({
      key,
      figure: figure(counted.map((s) => s.sections.find((section) => section.key === key)?.score ?? null)),
    })),
  };
}

function figure(values: readonly (number | null)[]): BenchmarkFigure | null {
  const known = values.filter((value): value is number => value !== null);
  if (known.length < MIN_BENCHMARK_CONTRIBUTORS) return null;
  return { mean: mean(known) ?? 0, median: median(known) ?? 0, count: known.length };
}
