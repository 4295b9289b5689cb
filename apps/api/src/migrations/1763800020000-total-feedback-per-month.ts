import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from './tenant-table.js';

/**
 * Feedback totals per month, so the client's summary reads a few hundred rows instead of every answer.
 *
 * `feedback_monthly_totals` counts the answers per link, month (UTC) and score; the link fixes the client, the kind
 * and the touch point, copied onto the row so the summary reads one table. Counts per score are all the domain's
 * figures need (NPS, CSAT shares, effort means and variances: packages/domain/src/feedback/scores.ts). Like
 * `service_level_periods`, it is kept in the same transaction as the answers it counts (`addToMonthlyTotals` in
 * modules/feedback/monthly-totals.ts); links and clients removed take their totals by cascade, as they take their
 * answers. Existing answers are counted here once.
 */
export class TotalFeedbackPerMonth1763800020000 implements MigrationInterface {
  name = 'TotalFeedbackPerMonth1763800020000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE feedback_monthly_totals (
        tenant_id uuid NOT NULL,
        client_id uuid NOT NULL,
        link_id uuid NOT NULL,
        touch_point_id uuid,
        kind text NOT NULL CHECK (kind IN ('CSAT', 'NPS', 'EFFORT')),
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        score smallint NOT NULL CHECK (score BETWEEN 0 AND 10),
        responses bigint NOT NULL CHECK (responses >= 0),
        PRIMARY KEY (tenant_id, link_id, month, score),
        FOREIGN KEY (tenant_id, link_id) REFERENCES feedback_links (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, client_id, touch_point_id) REFERENCES touch_points (tenant_id, client_id, id)
      );
      -- The summary: a client's months from a date on, index-only.
      CREATE INDEX feedback_monthly_totals_by_client
        ON feedback_monthly_totals (tenant_id, client_id, month) INCLUDE (kind, touch_point_id, score, responses);

      INSERT INTO feedback_monthly_totals
        (tenant_id, client_id, link_id, touch_point_id, kind, month, score, responses)
      SELECT r.tenant_id, l.client_id, r.link_id, l.touch_point_id, l.kind,
             date_trunc('month', r.received_at AT TIME ZONE 'UTC')::date, r.score, count(*)
        FROM feedback_responses r
        JOIN feedback_links l ON l.tenant_id = r.tenant_id AND l.id = r.link_id
       GROUP BY 1, 2, 3, 4, 5, 6, 7;
    `);
    await db.query(tenantIsolation('feedback_monthly_totals', { clientColumn: 'client_id' }));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE feedback_monthly_totals');
  }
}
