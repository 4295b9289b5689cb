import type { Resolvers } from '../../generated/resolvers.js';
import { engagementsOfClient } from '../engagements/index.js';
import { leadersOfClient } from '../accounts/index.js';
import { archiveClient, createClient, updateClient } from './edit-client.js';
import { findClient, listClients } from './queries.js';
import { gapsOf, saveWorkshop, workshopOfClient } from './workshop.js';

export const resolvers: Resolvers = {
  Query: {
    clients: (_, args, context) => listClients(context, args),
    client: (_, { id }, context) => findClient(context, id),
  },
  Mutation: {
    createClient: (_, { input }, context) => createClient(context, input),
    updateClient: (_, { input }, context) => updateClient(context, input),
    archiveClient: (_, { input }, context) => archiveClient(context, input),
    saveDifferentiationWorkshop: (_, { input }, context) => saveWorkshop(context, input),
  },
  Client: {
    leaders: (client, _, context) => leadersOfClient(context).load(client.id),
    engagements: async (client, { status }, context) => {
      const engagements = await engagementsOfClient(context).load(client.id);
      return status ? engagements.filter((e) => e.status === status) : engagements;
    },
    workshop: (client, _, context) => workshopOfClient(context).load(client.id),
  },
  DifferentiationWorkshop: {
    gaps: (workshop) => gapsOf(workshop),
  },
};
