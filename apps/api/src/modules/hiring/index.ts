import {
  CandidateScoreEntity,
  CandidateScorecardEntity,
  HiringCriterionEntity,
  RoleProfileEntity,
} from './entities.js';
import { resolvers } from './resolvers.js';

export const hiring = {
  name: 'hiring',
  resolvers,
  entities: [RoleProfileEntity, HiringCriterionEntity, CandidateScorecardEntity, CandidateScoreEntity],
};
