import type { Resolvers } from '../../generated/resolvers.js';
import { deleteConsultancy, exportConsultancy } from './service.js';

export const resolvers: Resolvers = {
  Query: {
    consultancyExport: (_, __, context) => exportConsultancy(context),
  },
  Mutation: {
    deleteConsultancy: (_, { input }, context) => deleteConsultancy(context, input),
  },
};
