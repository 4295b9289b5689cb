import { isMilestoneOverdue, nextEngagementStatuses } from '@csp/domain';
import type { Resolvers } from '../../generated/resolvers.js';
import { type MemberRow, memberById } from '../accounts/index.js';
import { clientById } from '../clients/index.js';
import { engagementById, milestonesOfEngagement, teamOfEngagement } from './loaders.js';
import { addMilestone, removeMilestone, updateMilestone, upcomingMilestones } from './milestones.js';
import { changeEngagementStatus } from './change-status.js';
import { createEngagement, updateEngagement } from './edit-engagement.js';
import { findEngagement, listEngagements } from './queries.js';

/** Today as a calendar date in UTC; due dates are days, so "overdue" turns over at midnight UTC. */
const today = () => new Date().toISOString().slice(0, 10);

export const resolvers: Resolvers = {
  Query: {
    engagements: (_, args, context) => listEngagements(context, args),
    engagement: (_, { id }, context) => findEngagement(context, id),
    upcomingMilestones: (_, args, context) => upcomingMilestones(context, args, today()),
  },
  Mutation: {
    createEngagement: (_, { input }, context) => createEngagement(context, input),
    updateEngagement: (_, { input }, context) => updateEngagement(context, input),
    changeEngagementStatus: (_, { input }, context) => changeEngagementStatus(context, input),
    addMilestone: (_, { input }, context) => addMilestone(context, input),
    updateMilestone: (_, { input }, context) => updateMilestone(context, input),
    removeMilestone: (_, { input }, context) => removeMilestone(context, input),
  },
  Engagement: {
    client: async (engagement, _, context) => {
      const client = await clientById(context).load(engagement.clientId);
      if (!client) throw new Error(`Engagement ${engagement.id} has no visible client.`);
      return client;
    },
    nextStatuses: (engagement) => [...nextEngagementStatuses(engagement.status)],
    leadConsultant: (engagement, _, context) =>
      engagement.leadConsultantId ? memberById(context).load(engagement.leadConsultantId) : null,
    team: async (engagement, _, context) => {
      const team = await teamOfEngagement(context).load(engagement.id);
      const members = await memberById(context).loadMany(team.map((t) => t.userId));
      return members.filter((m): m is MemberRow => m !== null && !(m instanceof Error));
    },
    milestones: (engagement, _, context) => milestonesOfEngagement(context).load(engagement.id),
  },
  Milestone: {
    engagement: async (milestone, _, context) => {
      const engagement = await engagementById(context).load(milestone.engagementId);
      if (!engagement) throw new Error(`Milestone ${milestone.id} has no visible engagement.`);
      return engagement;
    },
    done: (milestone) => milestone.doneAt !== null,
    overdue: (milestone) =>
      isMilestoneOverdue({ dueOn: milestone.dueOn, done: milestone.doneAt !== null }, today()),
  },
};
