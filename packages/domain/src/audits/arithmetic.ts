/**
 * The few sums every score uses. Values stay at full precision; rounding happens only for display (`roundScore`),
 * so a delta between two audits is never the difference of two already-rounded numbers.
 */

export interface Weighted {
  value: number;
  weight: number;
}

/**
 * Null, not zero, when nothing carries weight: "no answers" must never read as "scored nothing". The result is
 * kept between the smallest and largest value, which a mean always is, but floating-point sums with fractional
 * weights can overshoot by a hair (100.00000000000001 would fail a 0–100 check).
 */
export function weightedMean(items: readonly Weighted[]): number | null {
  let total = 0;
  let weights = 0;
  let lowest = Infinity;
  let highest = -Infinity;
  for (const item of items) {
    total += item.value * item.weight;
    weights += item.weight;
    lowest = Math.min(lowest, item.value);
    highest = Math.max(highest, item.value);
  }
  if (!(weights > 0)) return null;
  return Math.min(Math.max(total / weights, lowest), highest);
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

/** The difference between two optional scores; unknown on either side means unknown. */
export function difference(current: number | null, previous: number | null): number | null {
  return current === null || previous === null ? null : current - previous;
}

/**
 * One decimal for display, half away from zero so that +2.25 and -2.25 show as +2.3 and -2.3 (Math.round alone
 * would show -2.2), and never "-0".
 */
export function roundScore(value: number): number;
export function roundScore(value: null): null;
export function roundScore(value: number | null): number | null;
export function roundScore(value: number | null): number | null {
  if (value === null) return null;
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * 10 + 1e-9)) / 10;
  return rounded === 0 ? 0 : rounded;
}
