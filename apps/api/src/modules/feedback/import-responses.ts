import { randomUUID } from 'node:crypto';
import { isDetractor } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import type { FeedbackLinkRow } from './entities.js';
import { addToMonthlyTotals } from './monthly-totals.js';

export interface ImportedAnswer {
  score: number;
  comment: string | null;
  receivedAt: Date;
}

/**
 * Answers gathered before the link existed (a survey tool's history), written in one statement for a link of the
 * request's tenant. For the demo's year of feedback and the bench's 100,000 answers; customers only ever answer
 * through the public form (public-form.ts). Scores are taken as given: the caller checks them.
 */
export async function importFeedbackResponses(
  context: RequestContext,
  link: FeedbackLinkRow,
  answers: readonly ImportedAnswer[],
): Promise<void> {
  if (answers.length === 0) return;
  await context.db.write(async (db) => {
    await db.query(
      `INSERT INTO feedback_responses
         (tenant_id, client_id, link_id, touch_point_id, kind, score, comment, detractor, challenge_digest, received_at)
       SELECT $1, $2, $3, $4, $5, a.score, a.comment, a.detractor, a.digest, a.received_at
         FROM unnest($6::smallint[], $7::text[], $8::boolean[], $9::text[], $10::timestamptz[])
           AS a(score, comment, detractor, digest, received_at)`,
      [
        db.tenantId,
        link.clientId,
        link.id,
        link.touchPointId,
        link.kind,
        answers.map((a) => a.score),
        answers.map((a) => a.comment),
        answers.map((a) => isDetractor(link.kind, a.score)),
        answers.map(() => `imported:${randomUUID()}`),
        answers.map((a) => a.receivedAt),
      ],
    );
    await addToMonthlyTotals(db, link, answers);
    return { userErrors: [] };
  });
}
