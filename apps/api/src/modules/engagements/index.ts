import { EngagementEntity, MilestoneEntity, TeamMemberEntity } from './entities.js';
import { resolvers } from './resolvers.js';

/** What other modules, the demo and main.ts may use: nothing else in this folder is public. */
export { changeEngagementStatus } from './change-status.js';
export { createEngagement } from './edit-engagement.js';
export { engagementById, engagementsOfClient } from './loaders.js';
export { addDays } from './milestones.js';
export { consultantsOnClient, engagementOf } from './references.js';

export const engagements = {
  name: 'engagements',
  resolvers,
  entities: [EngagementEntity, TeamMemberEntity, MilestoneEntity],
};
