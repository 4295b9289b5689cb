import { FeedbackInvitationEntity, FeedbackLinkEntity, FeedbackResponseEntity } from './entities.js';
import { resolvers } from './resolvers.js';

/** What other modules, the demo and main.ts may use: nothing else in this folder is public. */
export type { FeedbackLinkRow, FeedbackResponseRow } from './entities.js';
export { createFeedbackLink, updateFeedbackLink } from './edit-link.js';
export { feedbackSummary } from './summary.js';
export { importFeedbackResponses, type ImportedAnswer } from './import-responses.js';
export { raiseActionFromFeedback } from './raise-action.js';
export { feedbackComments } from './queries.js';

export const feedback = {
  name: 'feedback',
  resolvers,
  entities: [FeedbackLinkEntity, FeedbackResponseEntity, FeedbackInvitationEntity],
};
