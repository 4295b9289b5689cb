import type { Resolvers } from '../../generated/resolvers.js';
import { auditResolvers } from './audit-resolvers.js';
import { frameworkResolvers } from './framework-resolvers.js';
import { scoreResolvers } from './score-resolvers.js';

/** One map for the module, from one file per concern; `Audit` takes fields from two of them. */
export const resolvers: Resolvers = {
  ...frameworkResolvers,
  ...auditResolvers,
  ...scoreResolvers,
  Query: { ...frameworkResolvers.Query, ...auditResolvers.Query },
  Mutation: { ...frameworkResolvers.Mutation, ...auditResolvers.Mutation },
  Audit: { ...auditResolvers.Audit, ...scoreResolvers.Audit },
};
