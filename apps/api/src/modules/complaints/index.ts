import { ComplaintCategoryEntity, ComplaintEntity, ComplaintRisingAnnouncementEntity } from './entities.js';
import { resolvers } from './resolvers.js';

/** What other modules, the demo and main.ts may use: nothing else in this folder is public. */
export type { ComplaintCategoryRow, ComplaintRow } from './entities.js';
export { createComplaintCategory } from './categories.js';
export { recordComplaint, updateComplaint } from './record-complaint.js';
export { recordComplaints } from './record-complaints.js';
export { raiseComplaintAction, raiseComplaintCategoryAction } from './raise-action.js';
export { complaintOf, complaintCategoryOf } from './references.js';

export const complaints = {
  name: 'complaints',
  resolvers,
  entities: [ComplaintCategoryEntity, ComplaintEntity, ComplaintRisingAnnouncementEntity],
};
