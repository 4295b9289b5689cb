import { In } from 'typeorm';
import { manyEach, oneEach, perRequest } from '../../core/loaders.js';
import {
  FeedbackLinkEntity,
  FeedbackResponseEntity,
  type FeedbackLinkRow,
  type FeedbackResponseRow,
} from './entities.js';

export const feedbackLinksOfClient = perRequest<string, FeedbackLinkRow[]>(
  'feedbackLinksOfClient',
  async (context, clientIds) => {
    const rows = await context.db.read((db) =>
      db
        .getRepository(FeedbackLinkEntity)
        .find({ where: { clientId: In([...clientIds]) }, order: { createdAt: 'ASC', id: 'ASC' } }),
    );
    return manyEach(clientIds, rows, (row) => row.clientId);
  },
);

export const responseCountOfLink = perRequest<string, number>(
  'feedbackResponseCountOfLink',
  async (context, ids) => {
    const rows: { link_id: string; n: number }[] = await context.db.read((db) =>
      db.query(
        `SELECT link_id, count(*)::int AS n FROM feedback_responses
        WHERE tenant_id = $1 AND link_id = ANY($2::uuid[]) GROUP BY link_id`,
        [db.tenantId, [...ids]],
      ),
    );
    return oneEach(ids, rows, (row) => row.link_id).map((row) => row?.n ?? 0);
  },
);

/** The answer an action was raised from. */
export const feedbackResponseById = perRequest<string, FeedbackResponseRow | null>(
  'feedbackResponseById',
  async (context, ids) => {
    const rows = await context.db.read((db) =>
      db.getRepository(FeedbackResponseEntity).findBy({ id: In([...ids]) }),
    );
    return oneEach(ids, rows, (row) => row.id);
  },
);
