import type { Resolvers } from '../../generated/resolvers.js';
import { clientById } from '../clients/index.js';
import {
  journeyOfClient,
  stageById,
  stagesOfClient,
  touchPointById,
  touchPointsOfClient,
  touchPointsOfStage,
} from './loaders.js';
import { findTouchPoint } from './queries.js';

export const resolvers: Resolvers = {
  Query: {
    touchPoint: (_, { id }, context) => findTouchPoint(context, id),
  },
  Client: {
    journey: async (client, _, context) => {
      const journey = await journeyOfClient(context).load(client.id);
      return { clientId: client.id, revision: journey?.revision ?? 0 };
    },
  },
  Action: {
    touchPoint: (action, _, context) =>
      action.touchPointId ? touchPointById(context).load(action.touchPointId) : null,
  },
  CustomerJourney: {
    client: async (journey, _, context) => {
      const client = await clientById(context).load(journey.clientId);
      if (!client) throw new Error(`Journey of ${journey.clientId} has no visible client.`);
      return client;
    },
    stages: (journey, _, context) => stagesOfClient(context).load(journey.clientId),
    momentsOfTruth: async (journey, _, context) =>
      (await touchPointsOfClient(context).load(journey.clientId)).filter((t) => t.momentOfTruth).length,
  },
  JourneyStage: {
    touchPoints: (stage, _, context) => touchPointsOfStage(context).load(stage.id),
  },
  TouchPoint: {
    client: async (touchPoint, _, context) => {
      const client = await clientById(context).load(touchPoint.clientId);
      if (!client) throw new Error(`Touch point ${touchPoint.id} has no visible client.`);
      return client;
    },
    stage: async (touchPoint, _, context) => {
      const stage = await stageById(context).load(touchPoint.stageId);
      if (!stage) throw new Error(`Touch point ${touchPoint.id} has no visible stage.`);
      return stage;
    },
  },
};
