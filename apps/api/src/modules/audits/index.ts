import {
  AuditEntity,
  AuditFrameworkEntity,
  AuditFrameworkVersionEntity,
  AuditResponseEntity,
  PromiseCriterionLinkEntity,
} from './entities.js';
import { resolvers } from './resolvers.js';

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
