import { categoryBreakdown, compareCategories, profileReadiness, weightTotal } from '@csp/domain';
import type { Resolvers } from '../../generated/resolvers.js';
import { memberById } from '../accounts/index.js';
import { clientById } from '../clients/index.js';
import { criteriaOfProfile, roleProfileById, roleProfilesOfClient } from './loaders.js';
import { createRoleProfile, findRoleProfile, updateRoleProfile } from './role-profiles.js';
import { removeCandidateScorecard, saveCandidateScorecard } from './scorecards.js';
import { fitOfScorecard, orderedScores, profileModel, rankedCandidates } from './ranking.js';

export const resolvers: Resolvers = {
  Query: {
    roleProfile: (_, { id }, context) => findRoleProfile(context, id),
  },
  Mutation: {
    createRoleProfile: (_, { input }, context) => createRoleProfile(context, input),
    updateRoleProfile: (_, { input }, context) => updateRoleProfile(context, input),
    saveCandidateScorecard: (_, { input }, context) => saveCandidateScorecard(context, input),
    removeCandidateScorecard: (_, { input }, context) => removeCandidateScorecard(context, input),
  },
  Client: {
    roleProfiles: (client, _, context) => roleProfilesOfClient(context).load(client.id),
  },
  RoleProfile: {
    client: async (profile, _, context) => {
      const client = await clientById(context).load(profile.clientId);
      if (!client) throw new Error(`Role profile ${profile.id} has no visible client.`);
      return client;
    },
    criteria: (profile, _, context) => criteriaOfProfile(context).load(profile.id),
    weightTotal: async (profile, _, context) => weightTotal((await profileModel(context, profile)).criteria),
    ready: async (profile, _, context) => profileReadiness(await profileModel(context, profile)).length === 0,
    readinessGaps: async (profile, _, context) => profileReadiness(await profileModel(context, profile)),
    categoryWeights: async (profile, _, context) =>
      categoryBreakdown(await profileModel(context, profile)).map((c) => ({
        category: c.category,
        label: c.label,
        weight: c.weight,
        share: c.share,
        criterionCount: c.criteria,
        mustHaveCount: c.mustHaves,
      })),
    compareCategories: async (profile, { a, b }, context) =>
      compareCategories(await profileModel(context, profile), a, b),
    candidates: (profile, _, context) => rankedCandidates(context, profile),
  },
  CandidateScorecard: {
    profile: async (card, _, context) => {
      const profile = await roleProfileById(context).load(card.profileId);
      if (!profile) throw new Error(`Scorecard ${card.id} has no visible role profile.`);
      return profile;
    },
    assessor: (card, _, context) => (card.assessorId ? memberById(context).load(card.assessorId) : null),
    scores: (card, _, context) => orderedScores(context, card),
    fit: async (card, _, context) => (await fitOfScorecard(context, card)).fit,
    complete: async (card, _, context) => (await fitOfScorecard(context, card)).complete,
    flagged: async (card, _, context) => (await fitOfScorecard(context, card)).flagged,
    failedMustHaves: async (card, _, context) => {
      const { criteria, failedMustHaves } = await fitOfScorecard(context, card);
      return criteria.filter((c) => failedMustHaves.includes(c.key));
    },
  },
  CandidateScore: {
    criterion: async (score, _, context) => {
      const criteria = await criteriaOfProfile(context).load(score.profileId);
      const criterion = criteria.find((c) => c.id === score.criterionId);
      if (!criterion) throw new Error(`Score on scorecard ${score.scorecardId} names no visible criterion.`);
      return criterion;
    },
  },
};
