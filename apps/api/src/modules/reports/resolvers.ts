import type { Resolvers } from '../../generated/resolvers.js';
import { memberById } from '../accounts/index.js';
import { clientById } from '../clients/index.js';
import { createProgrammeReport } from './create-report.js';
import { programmeReportsOfClient } from './queries.js';
import { sectionOfKey } from './report-download.js';

export const resolvers: Resolvers = {
  Mutation: {
    // The report reads through the schema itself (create-report.ts), so it is handed the schema being run.
    createProgrammeReport: (_, { input }, context, info) =>
      createProgrammeReport(context, input, info.schema),
  },
  Client: {
    programmeReports: (client, { last }, context) => programmeReportsOfClient(context, client.id, last ?? 20),
  },
  ProgrammeReport: {
    client: async (report, _, context) => {
      const client = await clientById(context).load(report.clientId);
      if (!client) throw new Error(`Programme report ${report.id} has no visible client.`);
      return client;
    },
    section: (report) => sectionOfKey(report.section),
    createdBy: (report, _, context) =>
      report.createdByMemberId ? memberById(context).load(report.createdByMemberId) : null,
  },
};
