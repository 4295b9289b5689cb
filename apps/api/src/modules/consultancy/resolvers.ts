import type { Resolvers } from '../../generated/resolvers.js';
import { deleteConsultancy } from './delete-consultancy.js';
import { exportConsultancy } from './export-consultancy.js';

export const resolvers: Resolvers = {
  Query: {
    consultancyExport: (_, __, context) => exportConsultancy(context),
  },
  Mutation: {
    deleteConsultancy: (_, { input }, context) => deleteConsultancy(context, input),
  },
};
