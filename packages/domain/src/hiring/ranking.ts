import { candidateFit, type CandidateFit, type CandidateScorecard } from './candidate-fit.js';
import type { RoleProfile } from './role-profile.js';

export interface RankedCandidate extends CandidateFit {
  /** 1 for the strongest; every candidate gets its own number, ties broken by name. */
  rank: number;
  candidate: string;
}

/**
 * Candidates for one profile, best first: unflagged before flagged (a failed must-have outweighs any fit), then by
 * fit, highest first, with unscored candidates last, then by name or reference so the order never depends on the
 * order the scorecards were loaded in.
 */
export function rankCandidates(
  profile: RoleProfile,
  scorecards: readonly CandidateScorecard[],
): RankedCandidate[] {
  return scorecards
    .map((card) => ({ candidate: card.candidate, ...candidateFit(profile, card.scores) }))
    .sort(compareCandidates)
    .map((candidate, index) => ({ rank: index + 1, ...candidate }));
}

/** Negative when `a` ranks above `b`. */
export function compareCandidates(
  a: Pick<RankedCandidate, 'candidate' | 'fit' | 'flagged'>,
  b: Pick<RankedCandidate, 'candidate' | 'fit' | 'flagged'>,
): number {
  if (a.flagged !== b.flagged) return a.flagged ? 1 : -1;
  if (a.fit !== b.fit) {
    if (a.fit === null) return 1;
    if (b.fit === null) return -1;
    return b.fit - a.fit;
  }
  const byName = a.candidate.localeCompare(b.candidate, 'en', { sensitivity: 'base' });
  if (byName !== 0) return byName;
  return a.candidate < b.candidate ? -1 : a.candidate > b.candidate ? 1 : 0;
}
