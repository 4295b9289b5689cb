import { ActionEntity, ActionNoteEntity } from './entities.js';
import { resolvers } from './resolvers.js';
import { actionReminderJob } from './action-news.js';

/** What other modules, the demo and main.ts may use: nothing else in this folder is public. */
export type { ActionRow } from './entities.js';
export { createAction, updateAction } from './edit-action.js';
export { openActionsOfTouchPoint } from './loaders.js';
export {
  actionById,
  actionsOfComplaint,
  complaintCategoryHasActions,
  doneComplaintActions,
} from './loaders.js';

export const actions = {
  name: 'actions',
  resolvers,
  entities: [ActionEntity, ActionNoteEntity],
  scheduledJobs: [actionReminderJob],
};
