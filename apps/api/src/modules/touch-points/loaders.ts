import { In, IsNull } from 'typeorm';
import { manyEach, oneEach, perRequest } from '../../core/loaders.js';
import {
  CustomerJourneyEntity,
  JourneyStageEntity,
  TouchPointEntity,
  type CustomerJourneyRow,
  type JourneyStageRow,
  type TouchPointRow,
} from './entities.js';

export const touchPointById = perRequest<string, TouchPointRow | null>(
  'touchPointById',
  async (context, ids) => {
    const rows = await context.db.read((db) =>
      db.getRepository(TouchPointEntity).findBy({ id: In([...ids]) }),
    );
    return oneEach(ids, rows, (row) => row.id);
  },
);

export const stageById = perRequest<string, JourneyStageRow | null>(
  'journeyStageById',
  async (context, ids) => {
    const rows = await context.db.read((db) =>
      db.getRepository(JourneyStageEntity).findBy({ id: In([...ids]) }),
    );
    return oneEach(ids, rows, (row) => row.id);
  },
);

/** Each client's journey row; null for a client whose journey was never edited. */
export const journeyOfClient = perRequest<string, CustomerJourneyRow | null>(
  'customerJourneyOfClient',
  async (context, clientIds) => {
    const rows = await context.db.read((db) =>
      db.getRepository(CustomerJourneyEntity).findBy({ clientId: In([...clientIds]) }),
    );
    return oneEach(clientIds, rows, (row) => row.clientId);
  },
);

/** Each client's live stages, in order. */
export const stagesOfClient = perRequest<string, JourneyStageRow[]>(
  'journeyStagesOfClient',
  async (context, ids) => {
    const rows = await context.db.read((db) =>
      db.getRepository(JourneyStageEntity).find({
        where: { clientId: In([...ids]), archivedAt: IsNull() },
        order: { position: 'ASC', id: 'ASC' },
      }),
    );
    return manyEach(ids, rows, (row) => row.clientId);
  },
);

/** Each stage's live touch points, in order. */
export const touchPointsOfStage = perRequest<string, TouchPointRow[]>(
  'touchPointsOfStage',
  async (context, stageIds) => {
    const rows = await context.db.read((db) =>
      db.getRepository(TouchPointEntity).find({
        where: { stageId: In([...stageIds]), archivedAt: IsNull() },
        order: { position: 'ASC', id: 'ASC' },
      }),
    );
    return manyEach(stageIds, rows, (row) => row.stageId);
  },
);

/** Each client's live touch points (all stages), for counts and pickers. */
export const touchPointsOfClient = perRequest<string, TouchPointRow[]>(
  'touchPointsOfClient',
  async (context, clientIds) => {
    const rows = await context.db.read((db) =>
      db.getRepository(TouchPointEntity).find({
        where: { clientId: In([...clientIds]), archivedAt: IsNull() },
        order: { position: 'ASC', id: 'ASC' },
      }),
    );
    return manyEach(clientIds, rows, (row) => row.clientId);
  },
);
