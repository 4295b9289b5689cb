import type { Resolvers } from '../../generated/resolvers.js';
import { actionById, actionsOfComplaint } from '../actions/index.js';
import { clientById } from '../clients/index.js';
import { touchPointById } from '../touch-points/index.js';
import { createComplaintCategory, removeComplaintCategory, updateComplaintCategory } from './categories.js';
import { categoriesOfClient, complaintById, complaintCategoryById, promiseTitleOf } from './loaders.js';
import { complaintPatterns } from './patterns.js';
import { complaintsOfClient, findComplaint } from './queries.js';
import { raiseComplaintAction, raiseComplaintCategoryAction } from './raise-action.js';
import { recordComplaint, updateComplaint } from './record-complaint.js';
import { recordComplaints } from './record-complaints.js';

const HOUR_MS = 3_600_000;

export const resolvers: Resolvers = {
  Query: {
    complaint: (_, { id }, context) => findComplaint(context, id),
  },
  Mutation: {
    recordComplaint: (_, { input }, context) => recordComplaint(context, input),
    updateComplaint: (_, { input }, context) => updateComplaint(context, input),
    recordComplaints: (_, { input }, context) => recordComplaints(context, input),
    createComplaintCategory: (_, { input }, context) => createComplaintCategory(context, input),
    updateComplaintCategory: (_, { input }, context) => updateComplaintCategory(context, input),
    removeComplaintCategory: (_, { input }, context) => removeComplaintCategory(context, input),
    raiseComplaintAction: (_, { input }, context) => raiseComplaintAction(context, input),
    raiseComplaintCategoryAction: (_, { input }, context) => raiseComplaintCategoryAction(context, input),
  },
  Client: {
    complaints: (client, args, context) => complaintsOfClient(context, client.id, args),
    complaintCategories: async (client, { includeArchived }, context) => {
      const categories = await categoriesOfClient(context).load(client.id);
      return includeArchived ? categories : categories.filter((c) => !c.archivedAt);
    },
    complaintPatterns: (client, { months }, context) => complaintPatterns(context, client.id, months ?? 12),
  },
  Action: {
    complaint: (action, _, context) =>
      action.complaintId ? complaintById(context).load(action.complaintId) : null,
    complaintCategory: (action, _, context) =>
      action.complaintCategoryId ? complaintCategoryById(context).load(action.complaintCategoryId) : null,
  },
  Complaint: {
    client: async (complaint, _, context) => {
      const client = await clientById(context).load(complaint.clientId);
      if (!client) throw new Error(`Complaint ${complaint.id} has no visible client.`);
      return client;
    },
    touchPoint: (complaint, _, context) =>
      complaint.touchPointId ? touchPointById(context).load(complaint.touchPointId) : null,
    category: async (complaint, _, context) => {
      const category = await complaintCategoryById(context).load(complaint.categoryId);
      if (!category) throw new Error(`Complaint ${complaint.id} has no visible category.`);
      return category;
    },
    promiseTitle: (complaint, _, context) =>
      complaint.promiseKey
        ? promiseTitleOf(context).load(`${complaint.clientId} ${complaint.promiseKey}`)
        : null,
    status: (complaint) => (complaint.resolvedAt ? 'RESOLVED' : 'OPEN'),
    hoursToResolve: (complaint) =>
      complaint.resolvedAt
        ? (complaint.resolvedAt.getTime() - complaint.receivedAt.getTime()) / HOUR_MS
        : null,
    actions: (complaint, _, context) => actionsOfComplaint(context).load(complaint.id),
  },
  ComplaintRecurrence: {
    complaint: async (recurrence, _, context) => (await complaintById(context).load(recurrence.complaintId))!,
    action: async (recurrence, _, context) => (await actionById(context).load(recurrence.actionId))!,
  },
};
