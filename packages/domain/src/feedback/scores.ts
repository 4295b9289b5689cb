import { wilsonInterval } from '../service-levels/compliance.js';

/**
 * Customer feedback scores: what a client's customers answered through a feedback link, turned into the standard
 * figures with how far each can be trusted. Every figure comes from counts per score (what SQL aggregates), so the
 * same functions serve one month of one touch point and three years of the whole client.
 */

export const FEEDBACK_KINDS = ['CSAT', 'NPS', 'EFFORT'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export const FEEDBACK_KIND_LABELS: Record<FeedbackKind, string> = {
  CSAT: 'Satisfaction (CSAT)',
  NPS: 'Recommendation (NPS)',
  EFFORT: 'Effort (CES)',
};

/** The answers each kind takes, whole numbers from `min` to `max`. */
export const SCORE_RANGES: Record<FeedbackKind, { min: number; max: number }> = {
  CSAT: { min: 1, max: 5 },
  NPS: { min: 0, max: 10 },
  EFFORT: { min: 1, max: 7 },
};

/**
 * Below this many responses a figure is withheld (not shown as zero): with 3 answers a score says more about the
 * 3 people than about the service, and a leader could tell who answered what.
 */
export const MIN_RESPONSES = 5;

/** z for a two-sided 95 % interval, and the threshold of the significance tests. */
const Z_95 = 1.959963984540054;

/**
 * Who is a detractor, per kind: NPS 0–6 (the standard definition); CSAT 1–2 (dissatisfied or very dissatisfied);
 * effort 1–3 on "it was easy to…", 1 = strongly disagree, 7 = strongly agree (the customer found it hard). A
 * detractor's comment is what a consultant turns into an action, and the webhook flags it.
 */
export function isDetractor(kind: FeedbackKind, score: number): boolean {
  if (kind === 'NPS') return score <= 6;
  if (kind === 'CSAT') return score <= 2;
  return score <= 3;
}

/** NPS promoters answer 9 or 10. */
export function isPromoter(score: number): boolean {
  return score >= 9;
}

/** How many responses gave each score: `{ 9: 12, 10: 30, 3: 4 }`. Scores outside the kind's range are ignored. */
export type ScoreCounts = Readonly<Record<number, number>>;

export interface Tally {
  responses: number;
  sum: number;
  sumOfSquares: number;
  /** CSAT: 4 or 5. NPS: promoters. Effort: unused. */
  good: number;
  detractors: number;
}

export function tallyOf(kind: FeedbackKind, counts: ScoreCounts): Tally {
  const { min, max } = SCORE_RANGES[kind];
  const tally: Tally = { responses: 0, sum: 0, sumOfSquares: 0, good: 0, detractors: 0 };
  for (let score = min; score <= max; score++) {
    const n = counts[score] ?? 0;
    if (n <= 0) continue;
    tally.responses += n;
    tally.sum += n * score;
    tally.sumOfSquares += n * score * score;
    if (kind === 'NPS' ? isPromoter(score) : kind === 'CSAT' && score >= 4) tally.good += n;
    if (isDetractor(kind, score)) tally.detractors += n;
  }
  return tally;
}

/**
 * A figure with its 95 % interval. `score` is in the kind's own unit: NPS in points from −100 to 100, CSAT a share
 * from 0 to 1, effort the mean answer from 1 to 7. `margin` is the half width of the interval (for CSAT's Wilson
 * interval, which is not symmetric, the larger of its two sides).
 */
export type FeedbackScore =
  | { kind: FeedbackKind; responses: number; shown: false }
  | {
      kind: FeedbackKind;
      responses: number;
      shown: true;
      score: number;
      low: number;
      high: number;
      margin: number;
      /** Its standard error, in the score's unit (what the significance test compares). */
      standardError: number;
      detractors: number;
    };

/**
 * NPS = % promoters − % detractors. Each response counts +1 (promoter), 0 (passive) or −1 (detractor); the NPS is
 * 100 × their mean, and the variance of one response is p + d − (p − d)², with p and d the shares of promoters and
 * detractors. The 95 % margin is 100 × 1.96 × √(variance ÷ n).
 */
export function npsOf(tally: Tally): FeedbackScore {
  const n = tally.responses;
  if (n < MIN_RESPONSES) return { kind: 'NPS', responses: n, shown: false };
  const p = tally.good / n;
  const d = tally.detractors / n;
  const variance = Math.max(0, p + d - (p - d) ** 2);
  const standardError = 100 * Math.sqrt(variance / n);
  const score = 100 * (p - d);
  const margin = Z_95 * standardError;
  return {
    kind: 'NPS',
    responses: n,
    shown: true,
    score,
    low: Math.max(-100, score - margin),
    high: Math.min(100, score + margin),
    margin,
    standardError,
    detractors: tally.detractors,
  };
}

/** CSAT = the share answering 4 or 5, with the 95 % Wilson interval (the one service levels use). */
export function csatOf(tally: Tally): FeedbackScore {
  const n = tally.responses;
  if (n < MIN_RESPONSES) return { kind: 'CSAT', responses: n, shown: false };
  const score = tally.good / n;
  const interval = wilsonInterval(tally.good, n)!;
  return {
    kind: 'CSAT',
    responses: n,
    shown: true,
    score,
    low: interval.low,
    high: interval.high,
    margin: Math.max(score - interval.low, interval.high - score),
    standardError: Math.sqrt((score * (1 - score)) / n),
    detractors: tally.detractors,
  };
}

/**
 * Student's t for a two-sided 95 % interval with 1 to 30 degrees of freedom; beyond, the Cornish–Fisher expansion
 * around z (within 0.0001 of the exact quantile from 30 on).
 */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export function tQuantile975(degreesOfFreedom: number): number {
  if (degreesOfFreedom < 1) return Number.POSITIVE_INFINITY;
  if (degreesOfFreedom <= T_975.length) return T_975[Math.floor(degreesOfFreedom) - 1]!;
  const z = Z_95;
  const v = degreesOfFreedom;
  return (
    z +
    (z ** 3 + z) / (4 * v) +
    (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * v ** 2) +
    (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * v ** 3)
  );
}

/**
 * CES = the mean answer, with a 95 % Student's t interval: mean ± t(n − 1) × s ÷ √n, s the sample standard deviation.
 * t rather than the normal 1.96 because effort is reported from 5 responses on, where 1.96 would claim too much
 * (t with 4 degrees of freedom is 2.776). The interval is kept within 1 to 7.
 */
export function effortOf(tally: Tally): FeedbackScore {
  const n = tally.responses;
  if (n < MIN_RESPONSES) return { kind: 'EFFORT', responses: n, shown: false };
  const mean = tally.sum / n;
  const variance = Math.max(0, (tally.sumOfSquares - n * mean * mean) / (n - 1));
  const standardError = Math.sqrt(variance / n);
  const margin = tQuantile975(n - 1) * standardError;
  const { min, max } = SCORE_RANGES.EFFORT;
  return {
    kind: 'EFFORT',
    responses: n,
    shown: true,
    score: mean,
    low: Math.max(min, mean - margin),
    high: Math.min(max, mean + margin),
    margin,
    standardError,
    detractors: tally.detractors,
  };
}

export function scoreOf(kind: FeedbackKind, counts: ScoreCounts): FeedbackScore {
  const tally = tallyOf(kind, counts);
  if (kind === 'NPS') return npsOf(tally);
  if (kind === 'CSAT') return csatOf(tally);
  return effortOf(tally);
}

export type ChangeDirection = 'UP' | 'DOWN';

export interface FeedbackChange {
  /** Later minus earlier, in the score's unit. */
  difference: number;
  z: number;
  significant: boolean;
  direction: ChangeDirection | null;
}

/**
 * Whether the score moved between two periods by more than chance would, at the 5 % level (|z| > 1.96, two-sided).
 * CSAT: the two-proportion z test with the pooled share, z = (p₂ − p₁) ÷ √(p(1 − p)(1/n₁ + 1/n₂)). NPS and effort:
 * the difference over its standard error, z = (x₂ − x₁) ÷ √(se₁² + se₂²), each period's own standard error as
 * above (for effort with large samples this is Welch's test read against the normal). Null when either period has
 * fewer than MIN_RESPONSES responses: a withheld figure has no change either.
 */
export function changeBetween(
  kind: FeedbackKind,
  earlier: ScoreCounts,
  later: ScoreCounts,
): FeedbackChange | null {
  const before = scoreOf(kind, earlier);
  const after = scoreOf(kind, later);
  if (!before.shown || !after.shown) return null;
  const difference = after.score - before.score;
  let se: number;
  if (kind === 'CSAT') {
    const a = tallyOf(kind, earlier);
    const b = tallyOf(kind, later);
    const pooled = (a.good + b.good) / (a.responses + b.responses);
    se = Math.sqrt(pooled * (1 - pooled) * (1 / a.responses + 1 / b.responses));
  } else {
    se = Math.sqrt(before.standardError ** 2 + after.standardError ** 2);
  }
  // No spread in either period (everyone gave the same class of answer both times): any difference is real.
  const z =
    se > 0 ? difference / se : difference === 0 ? 0 : Math.sign(difference) * Number.POSITIVE_INFINITY;
  const significant = Math.abs(z) > Z_95;
  return { difference, z, significant, direction: significant ? (difference > 0 ? 'UP' : 'DOWN') : null };
}
