import { In } from 'typeorm';
import type { FeedbackSummaryMapper } from './mappers.js';
import { countedFrom, summaryOfCounts, type CountRow } from './summary.js';
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

/** Months a touch point's section shows, as the client's summary does by default. */
export const TOUCH_POINT_SUMMARY_MONTHS = 12;

/**
 * The scores of each touch point over the latest twelve months, from the monthly totals: one statement for a page
 * of touch points (a few hundred rows each for a year), whatever the number of touch points or months.
 */
export const feedbackSummaryOfTouchPoint = perRequest<string, FeedbackSummaryMapper>(
  'feedbackSummaryOfTouchPoint',
  async (context, touchPointIds) => {
    const now = new Date();
    const rows: (CountRow & { touch_point_id: string })[] = await context.db.read((db) =>
      db.query(
        `SELECT kind, touch_point_id, to_char(month, 'YYYY-MM') AS month, score, sum(responses)::int AS n
           FROM feedback_monthly_totals
          WHERE tenant_id = $1 AND touch_point_id = ANY($2::uuid[]) AND month >= $3::date
          GROUP BY kind, touch_point_id, month, score`,
        [db.tenantId, [...touchPointIds], countedFrom(TOUCH_POINT_SUMMARY_MONTHS, now)],
      ),
    );
    return manyEach(touchPointIds, rows, (row) => row.touch_point_id).map((counts) =>
      summaryOfCounts(counts, TOUCH_POINT_SUMMARY_MONTHS, now),
    );
  },
);
