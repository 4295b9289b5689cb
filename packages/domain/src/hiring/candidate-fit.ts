import type { AuditScore } from '../audits/framework.js';
import { isAuditScore } from '../audits/framework.js';
import { weightedMean } from '../audits/arithmetic.js';
import type { RoleProfile } from './role-profile.js';

/** Interviewers score each criterion on the same 1–5 scale the audits use. */
export type CandidateScoreValue = AuditScore;

export interface CandidateScore {
  criterionKey: string;
  score: CandidateScoreValue;
}

/** Kept to the minimum: a name or a reference the client recognises, and the scores. */
export interface CandidateScorecard {
  candidate: string;
  scores: readonly CandidateScore[];
}

/**
 * A must-have fails at 1 or 2, the two steps below "meets the need" (3). A 3 is a pass: a must-have is a floor,
 * not a demand for excellence, which the weights already reward.
 */
export const MUST_HAVE_FAIL_MAX_SCORE = 2;

export interface CandidateFit {
  /** 0–100, weighted by criterion weight over the scored criteria; null when nothing is scored yet. */
  fit: number | null;
  /** False while some criterion of the profile has no score: the fit may still move either way. */
  complete: boolean;
  scored: number;
  total: number;
  /** Keys of must-have criteria scored 1 or 2. */
  failedMustHaves: string[];
  /** A failed must-have flags the candidate, whatever the fit. */
  flagged: boolean;
}

/**
 * Each score becomes (score − 1) / 4 × 100 points and counts by its criterion's weight. Unscored criteria leave
 * the weights rather than counting as zero, and `complete` says so. Scores for criteria the profile does not have
 * are ignored; a criterion scored twice keeps the later score.
 */
export function candidateFit(profile: RoleProfile, scores: readonly CandidateScore[]): CandidateFit {
  const byKey = new Map<string, CandidateScoreValue>();
  for (const entry of scores) {
    if (!isAuditScore(entry.score)) {
      throw new RangeError(`A candidate score must be a whole number from 1 to 5, not ${entry.score}.`);
    }
    byKey.set(entry.criterionKey, entry.score);
  }

  const weighted: { value: number; weight: number }[] = [];
  const failedMustHaves: string[] = [];
  for (const criterion of profile.criteria) {
    const score = byKey.get(criterion.key);
    if (score === undefined) continue;
    weighted.push({ value: ((score - 1) / 4) * 100, weight: criterion.weight });
    if (criterion.mustHave && score <= MUST_HAVE_FAIL_MAX_SCORE) failedMustHaves.push(criterion.key);
  }
  return {
    fit: weightedMean(weighted),
    complete: weighted.length === profile.criteria.length,
    scored: weighted.length,
    total: profile.criteria.length,
    failedMustHaves,
    flagged: failedMustHaves.length > 0,
  };
}
