import { isActionOverdue } from '@csp/domain';
import type { Resolvers } from '../../generated/resolvers.js';
import { memberById } from '../accounts/index.js';
import { clientById } from '../clients/index.js';
import { auditById } from '../audits/index.js';
import { actionsOfClient, findingOfAction, notesOfAction, promiseTitle } from './loaders.js';
import { addActionNote, updateOwnAction } from './notes.js';
import { createAction, updateAction } from './edit-action.js';
import { findAction, listActions } from './queries.js';

/** Today as a calendar date in UTC, like milestones: due dates are days. */
const today = () => new Date().toISOString().slice(0, 10);

export const resolvers: Resolvers = {
  Query: {
    actions: (_, args, context) => listActions(context, args, today()),
    action: (_, { id }, context) => findAction(context, id),
  },
  Mutation: {
    createAction: (_, { input }, context) => createAction(context, input),
    updateAction: (_, { input }, context) => updateAction(context, input),
    addActionNote: (_, { input }, context) => addActionNote(context, input),
    updateOwnAction: (_, { input }, context) => updateOwnAction(context, input),
  },
  Client: {
    actions: async (client, { status }, context) => {
      const actions = await actionsOfClient(context).load(client.id);
      return status ? actions.filter((a) => a.status === status) : actions;
    },
  },
  Action: {
    client: async (action, _, context) => {
      const client = await clientById(context).load(action.clientId);
      if (!client) throw new Error(`Action ${action.id} has no visible client.`);
      return client;
    },
    owner: async (action, _, context) => {
      const owner = await memberById(context).load(action.ownerId);
      if (!owner) throw new Error(`Action ${action.id} has no owner.`);
      return owner;
    },
    overdue: (action) => isActionOverdue(action, today()),
    finding: (action, _, context) => (action.auditId ? findingOfAction(context).load(action) : null),
    promise: async (action, _, context) =>
      action.charterId && action.promiseKey
        ? {
            charterId: action.charterId,
            promiseKey: action.promiseKey,
            title: await promiseTitle(context).load(action),
          }
        : null,
    notes: (action, _, context) => notesOfAction(context).load(action.id),
  },
  ActionFinding: {
    audit: (finding, _, context) =>
      finding.visibleAuditId ? auditById(context).load(finding.visibleAuditId) : null,
    reaudit: (finding, _, context) => (finding.reauditId ? auditById(context).load(finding.reauditId) : null),
  },
  ActionNote: {
    author: (note, _, context) => memberById(context).load(note.authorId),
  },
};
