import { randomUUID } from 'node:crypto';
import { check, fieldError, profileReadiness, scorecardForm } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { requireActor } from '../../core/auth/viewer.js';
import { isUuid, notFound } from '../../core/user-errors.js';
import {
  CandidateScoreEntity,
  CandidateScorecardEntity,
  HiringCriterionEntity,
  type CandidateScoreRow,
  type CandidateScorecardRow,
} from './entities.js';
import { scorecardsOfProfile, scoresOfScorecard } from './loaders.js';
import { lockRoleProfile } from './role-profiles.js';
import { asRoleProfile } from './ranking.js';
import { loadParent, refused, type Payload } from '../../core/payloads.js';

interface ScorecardArgs {
  profileId: string;
  scorecardId?: string | null;
  candidateRef: string;
  scores: readonly { criterionId: string; score: number; note?: string | null }[];
}

/**
 * Scores a new candidate, or replaces an existing scorecard's scores. The profile row is locked first, so a
 * concurrent edit of its criteria, or a second scorecard for the same candidate, waits for this one to finish.
 */
export async function saveCandidateScorecard(
  context: RequestContext,
  { profileId, scorecardId, ...input }: ScorecardArgs,
): Promise<Payload<'CandidateScorecardPayload'>> {
  const checked = check(scorecardForm, input);
  if (!checked.ok) return refused('scorecard', ...checked.errors);
  const form = checked.value;
  const viewer = requireActor(context.viewer);
  return context.db.write(async (db) => {
    const profile = await lockRoleProfile(db, profileId);
    if (!profile) return refused('scorecard', notFound('profileId', 'role profile'));
    const criteria = await db
      .getRepository(HiringCriterionEntity)
      .find({ where: { profileId }, order: { position: 'ASC' } });
    // Scoring against weights that do not add up to 100 would rank candidates on a scale nobody agreed to.
    const gaps = profileReadiness(asRoleProfile(profile.title, criteria));
    if (gaps.length)
      return refused('scorecard', ...gaps.map((gap) => fieldError('profileId', 'NOT_ALLOWED', gap.message)));

    const cards = db.getRepository(CandidateScorecardEntity);
    let current: CandidateScorecardRow | null = null;
    if (scorecardId != null) {
      current = isUuid(scorecardId) ? await cards.findOneBy({ id: scorecardId, profileId }) : null;
      if (!current) return refused('scorecard', notFound('scorecardId', 'scorecard of this role profile'));
    }
    const others = cards
      .createQueryBuilder('s')
      .andWhere('s.profileId = :profileId', { profileId })
      .andWhere('lower(s.candidateRef) = lower(:ref)', { ref: form.candidateRef });
    if (current) others.andWhere('s.id <> :id', { id: current.id });
    const sameCandidate = await others.getExists();
    if (sameCandidate) {
      return refused(
        'scorecard',
        fieldError(
          'candidateRef',
          'TAKEN',
          'This role already has a scorecard for this candidate: update that one.',
        ),
      );
    }
    const known = new Set(criteria.map((c) => c.id));
    const unknown = form.scores.flatMap((s, index) =>
      isUuid(s.criterionId) && known.has(s.criterionId)
        ? []
        : [notFound(`scores.${index}.criterionId`, 'criterion of this role profile')],
    );
    if (unknown.length) return refused('scorecard', ...unknown);

    const now = new Date();
    const scorecard: CandidateScorecardRow = {
      tenantId: viewer.tenantId,
      id: current?.id ?? randomUUID(),
      clientId: profile.clientId,
      profileId,
      candidateRef: form.candidateRef,
      // Whoever saves the scores answers for them.
      assessorId: viewer.memberId,
      createdAt: current?.createdAt ?? now,
      updatedAt: now,
    };
    if (current) {
      await cards.update(
        { id: current.id },
        { candidateRef: scorecard.candidateRef, assessorId: scorecard.assessorId, updatedAt: now },
      );
    } else {
      await cards.insert(scorecard);
    }
    const scores = db.getRepository(CandidateScoreEntity);
    await scores.delete({ scorecardId: scorecard.id });
    const rows: CandidateScoreRow[] = form.scores.map((s) => ({
      tenantId: viewer.tenantId,
      clientId: profile.clientId,
      profileId,
      scorecardId: scorecard.id,
      criterionId: s.criterionId,
      score: s.score,
      note: s.note,
    }));
    if (rows.length) await scores.insert(rows);
    scoresOfScorecard(context).clear(scorecard.id);
    scorecardsOfProfile(context).clear(profileId);
    return { scorecard, userErrors: [] };
  });
}

export async function removeCandidateScorecard(context: RequestContext, { id }: { id: string }) {
  return context.db.write(async (db) => {
    const cards = db.getRepository(CandidateScorecardEntity);
    const found = await loadParent({ id }, 'scorecard', (cardId) => cards.findOneBy({ id: cardId }));
    if (!found.ok) return refused('removedId', ...found.errors);
    const card = found.value;
    // Waits for a save of the same profile's scorecards to finish, so it never rewrites a card removed under it.
    await lockRoleProfile(db, card.profileId);
    await cards.delete({ tenantId: card.tenantId, id });
    scorecardsOfProfile(context).clear(card.profileId);
    return { removedId: id, userErrors: [] };
  });
}
