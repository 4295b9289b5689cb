import {
  candidateFit,
  rankCandidates,
  type CandidateFit,
  type CandidateScore,
  type CandidateScoreValue,
  type RoleProfile,
} from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import type {
  CandidateScoreRow,
  CandidateScorecardRow,
  HiringCriterionRow,
  RoleProfileRow,
} from './entities.js';
import type { RankedCandidateMapper } from './mappers.js';
import { criteriaOfProfile, roleProfileById, scorecardsOfProfile, scoresOfScorecard } from './loaders.js';

/**
 * The bridge from stored rows to the shapes @csp/domain computes with. Fit, flags and ranks are worked out here on
 * every read, with the domain's functions, so they can never disagree with the portal or go stale.
 */
export function asRoleProfile(title: string, criteria: readonly HiringCriterionRow[]): RoleProfile {
  return {
    title,
    criteria: criteria.map((c) => ({
      key: c.key,
      category: c.category,
      title: c.title,
      weight: c.weight,
      mustHave: c.mustHave,
      evidence: c.evidence,
      aeiouValue: c.aeiouValue,
    })),
  };
}

/** Scores name criteria by id in the database and by key in the domain. */
function asScores(
  scores: readonly CandidateScoreRow[],
  criteria: readonly HiringCriterionRow[],
): CandidateScore[] {
  const keyOf = new Map(criteria.map((c) => [c.id, c.key]));
  return scores.flatMap((s) => {
    const criterionKey = keyOf.get(s.criterionId);
    return criterionKey ? [{ criterionKey, score: s.score as CandidateScoreValue }] : [];
  });
}

export async function profileModel(context: RequestContext, profile: RoleProfileRow) {
  return asRoleProfile(profile.title, await criteriaOfProfile(context).load(profile.id));
}

export interface ScorecardFit extends CandidateFit {
  criteria: HiringCriterionRow[];
}

export async function fitOfScorecard(
  context: RequestContext,
  card: CandidateScorecardRow,
): Promise<ScorecardFit> {
  const [profile, criteria, scores] = await Promise.all([
    roleProfileById(context).load(card.profileId),
    criteriaOfProfile(context).load(card.profileId),
    scoresOfScorecard(context).load(card.id),
  ]);
  const model = asRoleProfile(profile?.title ?? '', criteria);
  return { criteria, ...candidateFit(model, asScores(scores, criteria)) };
}

/** The scores in the profile's criterion order, so every scorecard reads the same way down the page. */
export async function orderedScores(context: RequestContext, card: CandidateScorecardRow) {
  const [criteria, scores] = await Promise.all([
    criteriaOfProfile(context).load(card.profileId),
    scoresOfScorecard(context).load(card.id),
  ]);
  const position = new Map(criteria.map((c) => [c.id, c.position]));
  return [...scores].sort((a, b) => (position.get(a.criterionId) ?? 0) - (position.get(b.criterionId) ?? 0));
}

export async function rankedCandidates(
  context: RequestContext,
  profile: RoleProfileRow,
): Promise<RankedCandidateMapper[]> {
  const [cards, criteria] = await Promise.all([
    scorecardsOfProfile(context).load(profile.id),
    criteriaOfProfile(context).load(profile.id),
  ]);
  const scoreLists = await scoresOfScorecard(context).loadMany(cards.map((card) => card.id));
  const ranked = rankCandidates(
    asRoleProfile(profile.title, criteria),
    cards.map((card, index) => {
      const scores = scoreLists[index];
      if (!Array.isArray(scores)) throw scores ?? new Error(`No scores loaded for scorecard ${card.id}.`);
      return { candidate: card.candidateRef, scores: asScores(scores, criteria) };
    }),
  );
  // A candidate reference is unique within a profile (a unique index), so it leads back to its one scorecard.
  const byRef = new Map(cards.map((card) => [card.candidateRef, card]));
  return ranked.map((r) => {
    const scorecard = byRef.get(r.candidate);
    if (!scorecard) throw new Error(`Ranked an unknown candidate on profile ${profile.id}.`);
    return { rank: r.rank, scorecard, fit: r.fit, flagged: r.flagged, complete: r.complete };
  });
}
