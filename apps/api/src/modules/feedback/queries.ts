import type { RequestContext } from '../../core/context.js';
import { FeedbackResponseEntity, type FeedbackResponseRow } from './entities.js';
import { feedbackLinkOf } from './references.js';

export const MAX_COMMENTS = 100;

export async function findFeedbackLink(context: RequestContext, id: string) {
  return context.db.read((db) => feedbackLinkOf(db, id));
}

/** The latest answers with a comment, newest first (feedback_responses_recent). */
export async function feedbackComments(
  context: RequestContext,
  clientId: string,
  last: number,
): Promise<FeedbackResponseRow[]> {
  const limit = Math.min(Math.max(0, Math.floor(last)), MAX_COMMENTS);
  if (limit === 0) return [];
  return context.db.read((db) =>
    db
      .getRepository(FeedbackResponseEntity)
      .createQueryBuilder('r')
      .andWhere('r.clientId = :clientId', { clientId })
      .andWhere('r.comment IS NOT NULL')
      .orderBy('r.receivedAt', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(limit)
      .getMany(),
  );
}
