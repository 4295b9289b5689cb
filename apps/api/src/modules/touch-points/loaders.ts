import { In, IsNull } from 'typeorm';
import { manyEach, oneEach, perRequest } from '../../core/loaders.js';
import { publishedPromiseTitles } from '../charters/index.js';
import {
  CustomerJourneyEntity,
  JourneyStageEntity,
  TouchPointCriterionEntity,
  TouchPointEntity,
  TouchPointPromiseEntity,
  type CustomerJourneyRow,
  type JourneyChangeRow,
  type JourneyStageRow,
  type TouchPointCriterionRow,
  type TouchPointPromiseRow,
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

/** Each touch point's linked promises, in the order they were linked. */
export const promisesOfTouchPoint = perRequest<string, TouchPointPromiseRow[]>(
  'promisesOfTouchPoint',
  async (context, ids) => {
    const rows = await context.db.read((db) =>
      db.getRepository(TouchPointPromiseEntity).find({
        where: { touchPointId: In([...ids]) },
        order: { createdAt: 'ASC', promiseKey: 'ASC' },
      }),
    );
    return manyEach(ids, rows, (row) => row.touchPointId);
  },
);

export const criteriaOfTouchPoint = perRequest<string, TouchPointCriterionRow[]>(
  'criteriaOfTouchPoint',
  async (context, ids) => {
    const rows = await context.db.read((db) =>
      db.getRepository(TouchPointCriterionEntity).find({
        where: { touchPointId: In([...ids]) },
        order: { frameworkKey: 'ASC', criterionKey: 'ASC' },
      }),
    );
    return manyEach(ids, rows, (row) => row.touchPointId);
  },
);

/** Each promise's title (`charterId promiseKey`) in the newest published version that has it; null when none. */
export const promiseTitle = perRequest<string, string | null>(
  'touchPointPromiseTitle',
  async (context, keys) => {
    const refs = keys.map((key) => {
      const [charterId = '', promiseKey = ''] = key.split(' ');
      return { charterId, promiseKey };
    });
    const titles = await publishedPromiseTitles(context, refs);
    return oneEach(keys, titles, (t) => `${t.charterId} ${t.promiseKey}`).map((t) => t?.title ?? null);
  },
);

/** The most changes a history answers at once (list-sizes.ts caps the fields to it too). */
export const MAX_CHANGES = 200;

interface ChangeSqlRow {
  id: string;
  client_id: string;
  revision: number;
  kind: JourneyChangeRow['kind'];
  stage_id: string | null;
  touch_point_id: string | null;
  before: JourneyChangeRow['before'];
  after: JourneyChangeRow['after'];
  changed_by: string | null;
  changed_at: Date;
  key: string;
}

function changeRow(tenantId: string, row: ChangeSqlRow): JourneyChangeRow {
  return {
    tenantId,
    id: row.id,
    clientId: row.client_id,
    revision: row.revision,
    kind: row.kind,
    stageId: row.stage_id,
    touchPointId: row.touch_point_id,
    before: row.before,
    after: row.after,
    changedBy: row.changed_by,
    changedAt: row.changed_at,
  };
}

/** Each client's latest changes (at most MAX_CHANGES), newest first: one statement for all the clients asked. */
export const changesOfClient = perRequest<string, JourneyChangeRow[]>(
  'journeyChangesOfClient',
  async (context, ids) => {
    const rows = await context.db.read(async (db) => {
      const found: ChangeSqlRow[] = await db.query(
        `SELECT c.*, wanted.id::text AS key
         FROM unnest($2::uuid[]) AS wanted(id)
         CROSS JOIN LATERAL (
           SELECT * FROM journey_changes j
            WHERE j.tenant_id = $1 AND j.client_id = wanted.id
            ORDER BY j.changed_at DESC, j.revision DESC, j.id DESC LIMIT $3) c`,
        [db.tenantId, [...ids], MAX_CHANGES],
      );
      return found.map((row) => ({ key: row.key, row: changeRow(db.tenantId, row) }));
    });
    return manyEach(ids, rows, (r) => r.key).map((list) => list.map((r) => r.row));
  },
);

/** Each touch point's latest changes (at most MAX_CHANGES), newest first. */
export const changesOfTouchPoint = perRequest<string, JourneyChangeRow[]>(
  'journeyChangesOfTouchPoint',
  async (context, ids) => {
    const rows = await context.db.read(async (db) => {
      const found: ChangeSqlRow[] = await db.query(
        `SELECT c.*, wanted.id::text AS key
           FROM unnest($2::uuid[]) AS wanted(id)
           CROSS JOIN LATERAL (
             SELECT * FROM journey_changes j
              WHERE j.tenant_id = $1 AND j.touch_point_id = wanted.id
              ORDER BY j.changed_at DESC, j.revision DESC, j.id DESC LIMIT $3) c`,
        [db.tenantId, [...ids], MAX_CHANGES],
      );
      return found.map((row) => ({ key: row.key, row: changeRow(db.tenantId, row) }));
    });
    return manyEach(ids, rows, (r) => r.key).map((list) => list.map((r) => r.row));
  },
);
