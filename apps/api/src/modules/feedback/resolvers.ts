import type { Resolvers } from '../../generated/resolvers.js';
import { clientById } from '../clients/index.js';
import { createFeedbackLink, embedSnippetOf, publicUrlOf, updateFeedbackLink } from './edit-link.js';
import { createFeedbackInvitation } from './invitations.js';
import {
  feedbackLinksOfClient,
  feedbackResponseById,
  feedbackSummaryOfTouchPoint,
  responseCountOfLink,
} from './loaders.js';
import { feedbackForm, submitFeedback } from './public-form.js';
import { feedbackComments, findFeedbackLink } from './queries.js';
import { raiseActionFromFeedback } from './raise-action.js';
import { feedbackSummary } from './summary.js';

export const resolvers: Resolvers = {
  Query: {
    feedbackLink: (_, { id }, context) => findFeedbackLink(context, id),
    feedbackForm: (_, { token }, context) => feedbackForm(context, token),
  },
  Mutation: {
    createFeedbackLink: (_, { input }, context) => createFeedbackLink(context, input),
    updateFeedbackLink: (_, { input }, context) => updateFeedbackLink(context, input),
    createFeedbackInvitation: (_, { input }, context) => createFeedbackInvitation(context, input),
    submitFeedback: (_, { input }, context) => submitFeedback(context, input),
    raiseActionFromFeedback: (_, { input }, context) => raiseActionFromFeedback(context, input),
  },
  Client: {
    feedbackLinks: (client, _, context) => feedbackLinksOfClient(context).load(client.id),
    feedbackSummary: (client, { months }, context) => feedbackSummary(context, client.id, months ?? 12),
    feedbackComments: (client, { last }, context) => feedbackComments(context, client.id, last ?? 20),
  },
  TouchPoint: {
    feedbackSummary: (touchPoint, _, context) => feedbackSummaryOfTouchPoint(context).load(touchPoint.id),
  },
  Action: {
    feedbackResponse: (action, _, context) =>
      action.feedbackResponseId ? feedbackResponseById(context).load(action.feedbackResponseId) : null,
  },
  FeedbackLink: {
    client: async (link, _, context) => {
      const client = await clientById(context).load(link.clientId);
      if (!client) throw new Error(`Feedback link ${link.id} has no visible client.`);
      return client;
    },
    url: (link, _, context) => publicUrlOf(context, link),
    embedSnippet: (link, _, context) => embedSnippetOf(context, link),
    responseCount: (link, _, context) => responseCountOfLink(context).load(link.id),
  },
  FeedbackScore: {
    score: (score) => (score.shown ? score.score : null),
    low: (score) => (score.shown ? score.low : null),
    high: (score) => (score.shown ? score.high : null),
    margin: (score) => (score.shown ? score.margin : null),
    detractors: (score) => (score.shown ? score.detractors : null),
  },
};
