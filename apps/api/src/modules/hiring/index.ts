import {
  CandidateScoreEntity,
  CandidateScorecardEntity,
  HiringCriterionEntity,
  RoleProfileEntity,
} from './entities.js';
import { resolvers } from './resolvers.js';

/** What other modules, the demo and main.ts may use: nothing else in this folder is public. */
export { criteriaOfProfile } from './loaders.js';
export { createRoleProfile } from './role-profiles.js';
export { saveCandidateScorecard } from './scorecards.js';

export const hiring = {
  name: 'hiring',
  resolvers,
  entities: [RoleProfileEntity, HiringCriterionEntity, CandidateScorecardEntity, CandidateScoreEntity],
};
