import { nextAuditStatuses, noteForClient } from '@csp/domain';
import type { Resolvers } from '../../generated/resolvers.js';
import type { RequestContext } from '../../core/context.js';
import { can } from '../../core/permissions/guard.js';
import { clientById } from '../clients/index.js';
import { engagementById } from '../engagements/index.js';
import { createAudit } from './edit-audit.js';
import { findAudit, listAudits } from './queries.js';
import { frameworkView } from './frameworks.js';
import { changeAuditStatus } from './change-status.js';
import { auditsOfClient, responsesOfAudit } from './loaders.js';
import { linkPromiseToCriteria, listPromiseLinks } from './promise-links.js';
import { saveAuditResponse, saveAuditResponses } from './responses.js';
import type { AuditResponseMapper } from './mappers.js';

/** Today as a calendar date in UTC, the default date of a new audit. */
const today = () => new Date().toISOString().slice(0, 10);

/** Internal notes are for the consultancy's own staff: not client leaders, nor anything fenced to one client. */
function seesInternalNotes(context: RequestContext): boolean {
  return context.viewer.kind === 'member' && context.viewer.clientId === null && can(context, 'audit:write');
}

export const auditResolvers: Resolvers = {
  Query: {
    audits: (_, args, context) => listAudits(context, args),
    audit: (_, { id }, context) => findAudit(context, id),
    promiseLinks: (_, { charterId }, context) => listPromiseLinks(context, charterId),
  },
  Mutation: {
    createAudit: (_, { input }, context) => createAudit(context, input, today()),
    saveAuditResponses: (_, { input }, context) => saveAuditResponses(context, input),
    saveAuditResponse: (_, { input }, context) => saveAuditResponse(context, input),
    changeAuditStatus: (_, { input }, context) => changeAuditStatus(context, input),
    linkPromiseToCriteria: (_, { input }, context) => linkPromiseToCriteria(context, input),
  },
  Client: {
    audits: async (client, { frameworkKey }, context) => {
      const audits = await auditsOfClient(context).load(client.id);
      return audits.filter((a) => !frameworkKey || a.frameworkKey === frameworkKey).reverse();
    },
  },
  Audit: {
    client: async (audit, _, context) => {
      const client = await clientById(context).load(audit.clientId);
      if (!client) throw new Error(`Audit ${audit.id} has no visible client.`);
      return client;
    },
    engagement: (audit, _, context) =>
      audit.engagementId ? engagementById(context).load(audit.engagementId) : null,
    framework: (audit) => frameworkView(audit.framework),
    nextStatuses: (audit) => [...nextAuditStatuses(audit.status)],
    responses: async (audit, _, context) => {
      const rows = new Map((await responsesOfAudit(context).load(audit.id)).map((r) => [r.criterionKey, r]));
      return audit.framework.sections.flatMap((section) =>
        section.criteria.flatMap((criterion): AuditResponseMapper[] => {
          const row = rows.get(criterion.key);
          return row ? [{ ...row, criterion, sectionKey: section.key }] : [];
        }),
      );
    },
  },
  AuditResponse: {
    note: (response, _, context) => (seesInternalNotes(context) ? response.note : noteForClient(response)),
  },
};
