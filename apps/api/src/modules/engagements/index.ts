import { EngagementEntity, MilestoneEntity, TeamMemberEntity } from './entities.js';
import { resolvers } from './resolvers.js';

export const engagements = {
  name: 'engagements',
  resolvers,
  entities: [EngagementEntity, TeamMemberEntity, MilestoneEntity],
};
