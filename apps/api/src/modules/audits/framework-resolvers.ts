import { AUDIT_SCORES, builtInFramework } from '@csp/domain';
import type { Resolvers } from '../../generated/resolvers.js';
import { copyAuditFramework, findFramework, listFrameworks, updateAuditFramework } from './frameworks.js';
import { frameworkCopyByKey } from './loaders.js';

export const frameworkResolvers: Resolvers = {
  Query: {
    auditFrameworks: (_, __, context) => listFrameworks(context),
    auditFramework: (_, { key, version }, context) => findFramework(context, key, version),
  },
  Mutation: {
    copyAuditFramework: (_, { input }, context) => copyAuditFramework(context, input),
    updateAuditFramework: (_, { input }, context) => updateAuditFramework(context, input),
  },
  AuditFramework: {
    key: (view) => view.definition.key,
    version: (view) => view.definition.version,
    name: (view) => view.definition.name,
    summary: (view) => view.definition.summary,
    builtIn: (view) => view.builtIn,
    latestVersion: async (view, _, context) => {
      if (view.builtIn) return builtInFramework(view.definition.key)?.version ?? view.definition.version;
      const copy = await frameworkCopyByKey(context).load(view.definition.key);
      return copy?.latestVersion ?? view.definition.version;
    },
    basedOnKey: async (view, _, context) =>
      view.builtIn
        ? null
        : ((await frameworkCopyByKey(context).load(view.definition.key))?.basedOnKey ?? null),
    scale: (view) => AUDIT_SCORES.map((score) => ({ score, label: view.definition.scale[score] })),
    sections: (view) => [...view.definition.sections],
  },
  AuditFrameworkSection: {
    criteria: (section) => [...section.criteria],
  },
};
