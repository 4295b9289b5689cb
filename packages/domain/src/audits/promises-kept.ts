import { weightedMean } from './arithmetic.js';

/** A charter promise tested by an audit criterion: the thread from what the client promised to the evidence. */
export interface PromiseCriterionLink {
  promiseKey: string;
  criterionKey: string;
}

export interface PromiseKept {
  promiseKey: string;
  /** 0–100: weighted mean of the linked criteria's points; null when none of them was scored in this audit. */
  score: number | null;
  /** Linked criteria this audit's framework contains. */
  linked: number;
  /** Of those, how many were scored (not-applicable and unanswered ones do not count). */
  answered: number;
}

/**
 * How well each promise was kept according to one audit, in the charter's order. Each linked criterion counts by
 * its weight in the framework, so a promise tested by a heavy criterion leans on it as the audit itself does.
 * Links to criteria the audit does not contain (another framework) are ignored; a link given twice counts once.
 */
export function promisesKept(
  promises: readonly { key: string }[],
  links: readonly PromiseCriterionLink[],
  criteria: readonly { key: string; weight: number; points: number | null }[],
): PromiseKept[] {
  const byKey = new Map(criteria.map((criterion) => [criterion.key, criterion]));
  return promises.map((promise) => {
    const linkedKeys = new Set(
      links
        .filter((l) => l.promiseKey === promise.key && byKey.has(l.criterionKey))
        .map((l) => l.criterionKey),
    );
    const scored = [...linkedKeys].flatMap((key) => {
      const criterion = byKey.get(key);
      return criterion && criterion.points !== null
        ? [{ value: criterion.points, weight: criterion.weight }]
        : [];
    });
    return {
      promiseKey: promise.key,
      score: weightedMean(scored),
      linked: linkedKeys.size,
      answered: scored.length,
    };
  });
}
