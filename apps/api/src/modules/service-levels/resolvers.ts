import { describeServiceLevel } from '@csp/domain';
import type { Resolvers } from '../../generated/resolvers.js';
import { memberById } from '../accounts/index.js';
import { clientById } from '../clients/index.js';
import { createServiceLevel } from './create-service-level.js';
import {
  correctionsOfServiceLevel,
  promisesInForce,
  serviceLevelOfPromise,
  serviceLevelsOfClient,
  versionsOfServiceLevel,
} from './loaders.js';
import { changesOf, currentPeriodOf, periodsOf, summaryOf } from './periods.js';
import { findServiceLevel } from './queries.js';
import { recordMeasurements } from './record-measurements.js';
import { definitionOfVersion } from './references.js';
import { updateServiceLevel } from './update-service-level.js';

export const resolvers: Resolvers = {
  Query: {
    serviceLevel: (_, { id }, context) => findServiceLevel(context, id),
  },
  Mutation: {
    createServiceLevel: (_, { input }, context) => createServiceLevel(context, input),
    updateServiceLevel: (_, { input }, context) => updateServiceLevel(context, input),
    recordMeasurements: (_, { input }, context) => recordMeasurements(context, input),
  },
  Client: {
    serviceLevels: (client, _, context) => serviceLevelsOfClient(context).load(client.id),
  },
  CharterPromise: {
    serviceLevel: (promise, _, context) =>
      serviceLevelOfPromise(context).load(`${promise.clientId} ${promise.key}`),
  },
  ServiceLevel: {
    client: async (serviceLevel, _, context) => {
      const client = await clientById(context).load(serviceLevel.clientId);
      if (!client) throw new Error(`Service level ${serviceLevel.id} has no visible client.`);
      return client;
    },
    promiseTitle: async (serviceLevel, _, context) => {
      const promises = await promisesInForce(context).load(serviceLevel.clientId);
      return promises.find((p) => p.key === serviceLevel.promiseKey)?.title ?? null;
    },
    definition: async (serviceLevel, _, context) =>
      (await versionsOfServiceLevel(context).load(serviceLevel.id)).at(-1)!,
    versions: async (serviceLevel, _, context) =>
      [...(await versionsOfServiceLevel(context).load(serviceLevel.id))].reverse(),
    currentPeriod: (serviceLevel, _, context) => currentPeriodOf(context, serviceLevel),
    periods: (serviceLevel, { last }, context) => periodsOf(context, serviceLevel, last ?? 12),
    changes: (serviceLevel, { last }, context) => changesOf(context, serviceLevel, last ?? 20),
    corrections: (serviceLevel, _, context) => correctionsOfServiceLevel(context).load(serviceLevel.id),
    summary: (serviceLevel, _, context) => summaryOf(context, serviceLevel),
  },
  ServiceLevelDefinition: {
    version: (version) => version.number,
    threshold: (version) => definitionOfVersion(version, '').threshold,
    businessHours: (version) => version.businessHours,
    description: (version) => describeServiceLevel(definitionOfVersion(version, '')),
    createdBy: (version, _, context) => memberById(context).load(version.createdBy),
  },
  MeasurementCorrection: {
    recordedBy: (correction, _, context) =>
      correction.recordedBy ? memberById(context).load(correction.recordedBy) : null,
  },
};
