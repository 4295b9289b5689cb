import { describeJourneyChange } from '@csp/domain';
import type { Resolvers } from '../../generated/resolvers.js';
import { memberById } from '../accounts/index.js';
import { openActionsOfTouchPoint } from '../actions/index.js';
import { clientById } from '../clients/index.js';
import { serviceLevelsOfClient } from '../service-levels/index.js';
import { addTouchPoint, removeTouchPoint, setMomentOfTruth, updateTouchPoint } from './edit-touch-points.js';
import {
  linkTouchPointCriterion,
  linkTouchPointPromise,
  unlinkTouchPointCriterion,
  unlinkTouchPointPromise,
} from './links.js';
import {
  MAX_CHANGES,
  changesOfClient,
  changesOfTouchPoint,
  criteriaOfTouchPoint,
  journeyOfClient,
  promiseTitle,
  promisesOfTouchPoint,
  stageById,
  stagesOfClient,
  touchPointById,
  touchPointsOfClient,
  touchPointsOfStage,
} from './loaders.js';
import { findTouchPoint } from './queries.js';
import { reorderJourney } from './reorder.js';
import { addJourneyStage, removeJourneyStage, renameJourneyStage } from './stages.js';

const latest = (last: number | null | undefined, fallback: number) =>
  Math.max(0, Math.min(last ?? fallback, MAX_CHANGES));

export const resolvers: Resolvers = {
  Query: {
    touchPoint: (_, { id }, context) => findTouchPoint(context, id),
  },
  Mutation: {
    addJourneyStage: (_, { input }, context) => addJourneyStage(context, input),
    renameJourneyStage: (_, { input }, context) => renameJourneyStage(context, input),
    removeJourneyStage: (_, { input }, context) => removeJourneyStage(context, input),
    addTouchPoint: (_, { input }, context) => addTouchPoint(context, input),
    updateTouchPoint: (_, { input }, context) => updateTouchPoint(context, input),
    setMomentOfTruth: (_, { input }, context) => setMomentOfTruth(context, input),
    removeTouchPoint: (_, { input }, context) => removeTouchPoint(context, input),
    reorderJourney: (_, { input }, context) => reorderJourney(context, input),
    linkTouchPointPromise: (_, { input }, context) => linkTouchPointPromise(context, input),
    unlinkTouchPointPromise: (_, { input }, context) => unlinkTouchPointPromise(context, input),
    linkTouchPointCriterion: (_, { input }, context) => linkTouchPointCriterion(context, input),
    unlinkTouchPointCriterion: (_, { input }, context) => unlinkTouchPointCriterion(context, input),
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
    changes: async (journey, { last }, context) =>
      (await changesOfClient(context).load(journey.clientId)).slice(0, latest(last, 50)),
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
    promises: (touchPoint, _, context) => promisesOfTouchPoint(context).load(touchPoint.id),
    criteria: (touchPoint, _, context) => criteriaOfTouchPoint(context).load(touchPoint.id),
    openActions: (touchPoint, _, context) => openActionsOfTouchPoint(context).load(touchPoint.id),
    changes: async (touchPoint, { last }, context) =>
      (await changesOfTouchPoint(context).load(touchPoint.id)).slice(0, latest(last, 20)),
  },
  TouchPointPromise: {
    title: (link, _, context) => promiseTitle(context).load(`${link.charterId} ${link.promiseKey}`),
    serviceLevel: async (link, _, context) =>
      (await serviceLevelsOfClient(context).load(link.clientId)).find(
        (l) => l.promiseKey === link.promiseKey,
      ) ?? null,
  },
  JourneyChange: {
    summary: (change) => describeJourneyChange(change),
    stage: (change, _, context) => (change.stageId ? stageById(context).load(change.stageId) : null),
    touchPoint: (change, _, context) =>
      change.touchPointId ? touchPointById(context).load(change.touchPointId) : null,
    changedBy: (change, _, context) => (change.changedBy ? memberById(context).load(change.changedBy) : null),
  },
};
