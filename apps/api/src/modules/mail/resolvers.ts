import type { Resolvers } from '../../generated/resolvers.js';
import { listSentMail, mailDelivery, textForAdmins } from './sent-mail.js';
import { liftSuppression, listSuppressions } from './suppressions.js';

export const resolvers: Resolvers = {
  Query: {
    sentMail: (_, args, context) => listSentMail(context, args),
    mailDelivery: (_, __, context) => mailDelivery(context),
    mailSuppressions: (_, __, context) => listSuppressions(context),
  },
  Mutation: {
    liftMailSuppression: (_, { input }, context) => liftSuppression(context, input),
  },
  Mail: {
    to: (mail) => mail.toAddress,
    text: (mail) => textForAdmins(mail),
  },
};
