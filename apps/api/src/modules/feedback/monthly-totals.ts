import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import type { FeedbackLinkRow } from './entities.js';

/**
 * Answers counted per link, month (UTC) and score in `feedback_monthly_totals` (migration 1763800020000), the table
 * the summary reads. Every write of an answer calls this in its own transaction, so the totals never drift from
 * the answers; links and clients removed take both by cascade.
 *
 * One statement however many answers: grouped in SQL, in key order, so two writers touching the same months lock
 * their rows in the same order (no deadlock), and a month's row is held only until the transaction commits.
 * Concurrent answers on one link in one month queue on that row briefly (`ON CONFLICT DO UPDATE`); the bench's 50
 * public senders measure it.
 */
export async function addToMonthlyTotals(
  db: TenantDb,
  link: Pick<FeedbackLinkRow, 'id' | 'clientId' | 'touchPointId' | 'kind'>,
  answers: readonly { score: number; receivedAt: Date }[],
): Promise<void> {
  if (answers.length === 0) return;
  await db.query(
    `INSERT INTO feedback_monthly_totals AS t
       (tenant_id, client_id, link_id, touch_point_id, kind, month, score, responses)
     SELECT $1, $2, $3, $4, $5, date_trunc('month', a.received_at AT TIME ZONE 'UTC')::date, a.score, count(*)
       FROM unnest($6::smallint[], $7::timestamptz[]) AS a(score, received_at)
      GROUP BY 6, 7
      ORDER BY 6, 7
     ON CONFLICT (tenant_id, link_id, month, score)
     DO UPDATE SET responses = t.responses + EXCLUDED.responses WHERE t.tenant_id = $1`,
    [
      db.tenantId,
      link.clientId,
      link.id,
      link.touchPointId,
      link.kind,
      answers.map((a) => a.score),
      answers.map((a) => a.receivedAt),
    ],
  );
}
