import { difference } from './arithmetic.js';

/**
 * The part of an audit's scores that comparisons need. `AuditScores` fits it, and so does a summary the API
 * stored when the audit was published, so old audits need not be re-scored to be compared.
 */
export interface ScoreSnapshot {
  frameworkKey: string;
  overall: number | null;
  sections: readonly { key: string; score: number | null }[];
  criteria?: readonly { key: string; points: number | null }[];
}

export interface ScoreDelta {
  current: number | null;
  previous: number | null;
  /** current − previous in points on 0–100; null when either side has no score. */
  change: number | null;
}

export interface AuditDeltas {
  overall: ScoreDelta;
  sections: ({ key: string } & ScoreDelta)[];
  criteria: ({ key: string } & ScoreDelta)[];
}

/**
 * How an audit moved since the client's previous audit on the same framework. Sections and criteria are matched
 * by key, so a newer framework version still compares where it kept its keys; anything new shows with no previous
 * score, and anything the current audit no longer has is left out.
 */
export function auditDeltas(current: ScoreSnapshot, previous: ScoreSnapshot): AuditDeltas {
  assertSameFramework([current, previous]);
  const delta = (now: number | null, before: number | null): ScoreDelta => ({
    current: now,
    previous: before,
    change: difference(now, before),
  });
  const previousSections = new Map(previous.sections.map((s) => [s.key, s.score]));
  const previousCriteria = new Map((previous.criteria ?? []).map((c) => [c.key, c.points]));
  return {
    overall: delta(current.overall, previous.overall),
    sections: current.sections.map((s) => ({
      key: s.key,
      ...delta(s.score, previousSections.get(s.key) ?? null),
    })),
    criteria: (current.criteria ?? []).map((c) => ({
      key: c.key,
      ...delta(c.points, previousCriteria.get(c.key) ?? null),
    })),
  };
}

export type TrendDirection = 'IMPROVING' | 'DECLINING' | 'STEADY' | 'NOT_ENOUGH_DATA';

/**
 * A change smaller than a tenth of one scale step (one step is 25 points) reads as steady: assessors disagree by
 * more than that on the same evidence, so calling it a rise or a fall would overstate it.
 */
export const TREND_STEADY_BAND = 2.5;

export interface SeriesTrend {
  first: number | null;
  latest: number | null;
  /** Latest scored value minus the first scored value. */
  change: number | null;
  /** Latest scored value minus the one scored before it. */
  lastChange: number | null;
  direction: TrendDirection;
}

export interface DatedScores {
  /** ISO date or date-time; the series is ordered by it (ties keep their given order). */
  on: string;
  scores: ScoreSnapshot;
}

export interface AuditTrend {
  points: { on: string; overall: number | null; sections: Record<string, number | null> }[];
  overall: SeriesTrend;
  sections: ({ key: string } & SeriesTrend)[];
}

/** The client's audits on one framework over time, oldest first, with the overall and per-section direction. */
export function auditTrend(series: readonly DatedScores[]): AuditTrend {
  assertSameFramework(series.map((entry) => entry.scores));
  const ordered = [...series].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const points = ordered.map((entry) => ({
    on: entry.on,
    overall: entry.scores.overall,
    sections: Object.fromEntries(entry.scores.sections.map((s) => [s.key, s.score])),
  }));
  const sectionKeys = [...new Set(ordered.flatMap((entry) => entry.scores.sections.map((s) => s.key)))];
  return {
    points,
    overall: seriesTrend(points.map((p) => p.overall)),
    sections: sectionKeys.map((key) => ({
      key,
      ...seriesTrend(points.map((p) => (Object.hasOwn(p.sections, key) ? (p.sections[key] ?? null) : null))),
    })),
  };
}

/** Direction of a series of optional values, ignoring the gaps. */
export function seriesTrend(values: readonly (number | null)[]): SeriesTrend {
  const known = values.filter((value): value is number => value !== null);
  const first = known[0] ?? null;
  const latest = known.at(-1) ?? null;
  const beforeLatest = known.at(-2) ?? null;
  const change = known.length >= 2 ? difference(latest, first) : null;
  const direction: TrendDirection =
    change === null
      ? 'NOT_ENOUGH_DATA'
      : change >= TREND_STEADY_BAND
        ? 'IMPROVING'
        : change <= -TREND_STEADY_BAND
          ? 'DECLINING'
          : 'STEADY';
  return { first, latest, change, lastChange: difference(latest, beforeLatest), direction };
}

function assertSameFramework(snapshots: readonly ScoreSnapshot[]): void {
  const keys = new Set(snapshots.map((s) => s.frameworkKey));
  if (keys.size > 1) {
    throw new RangeError(
      `Only audits on the same framework can be compared, not ${[...keys].join(' and ')}.`,
    );
  }
}
