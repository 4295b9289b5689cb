import {
  AuditEntity,
  AuditFrameworkEntity,
  AuditFrameworkVersionEntity,
  AuditResponseEntity,
  PromiseCriterionLinkEntity,
} from './entities.js';
import { resolvers } from './resolvers.js';

/** What other modules, the demo and main.ts may use: nothing else in this folder is public. */
export type { AuditRow } from './entities.js';
export { changeAuditStatus } from './change-status.js';
export { createAudit } from './edit-audit.js';
export { findingsFollowedUp } from './findings.js';
export { auditById, charterPromisesOfClient } from './loaders.js';
export { linkPromiseToCriteria } from './promise-links.js';
export { criterionOfAudit, criterionOfClientAudits } from './references.js';
export { saveAuditResponses } from './responses.js';

export const audits = {
  name: 'audits',
  resolvers,
  entities: [
    AuditFrameworkEntity,
    AuditFrameworkVersionEntity,
    AuditEntity,
    AuditResponseEntity,
    PromiseCriterionLinkEntity,
  ],
};
