import type { MigrationInterface, QueryRunner } from 'typeorm';
import { clientFenceReadOnce, tenantIsolation } from './tenant-table.js';

/**
 * Complaint totals per UTC month, category and touch point, so the patterns read a few hundred totals instead of
 * three years of complaints.
 *
 * A client's months are local, in a zone that can change, so the totals count only each UTC month's *core* (its
 * first day 12:00 UTC to its last day 10:00 UTC), which lies inside the local month of the same name in every
 * zone; the patterns add the complaints of the bands between cores row by row (packages/domain's month-cores.ts
 * has the rule and its proof by property test). Like `feedback_monthly_totals`, the totals are kept in the same
 * transaction as the complaints they count (modules/complaints/monthly-totals.ts); clients removed take them by
 * cascade. Existing complaints are counted here once.
 */
export class TotalComplaintsPerMonth1763800023000 implements MigrationInterface {
  name = 'TotalComplaintsPerMonth1763800023000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE complaint_monthly_totals (
        tenant_id uuid NOT NULL,
        -- A key of its own: the natural one holds a touch point that may be none, which no primary key can.
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL,
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        category_id uuid NOT NULL,
        touch_point_id uuid,
        -- No CHECK (complaints >= 0): a decrement is proposed as a row of its own before it meets the stored total
        -- (ON CONFLICT checks constraints on the proposed row), so the check would refuse every removal.
        complaints integer NOT NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, client_id, category_id)
          REFERENCES complaint_categories (tenant_id, client_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, touch_point_id) REFERENCES touch_points (tenant_id, id) ON DELETE CASCADE
      );
      -- One row per month, category and touch point (none is a touch point of its own), and the patterns' range
      -- scan of a client's months.
      CREATE UNIQUE INDEX complaint_monthly_totals_key
        ON complaint_monthly_totals (tenant_id, client_id, month, category_id, touch_point_id) INCLUDE (complaints)
        NULLS NOT DISTINCT;

      INSERT INTO complaint_monthly_totals (tenant_id, client_id, month, category_id, touch_point_id, complaints)
      SELECT tenant_id, client_id, date_trunc('month', received_at AT TIME ZONE 'UTC')::date, category_id,
             touch_point_id, count(*)
        FROM complaints
       WHERE received_at >= (date_trunc('month', received_at AT TIME ZONE 'UTC') + interval '12 hours')
                            AT TIME ZONE 'UTC'
         AND received_at < (date_trunc('month', received_at AT TIME ZONE 'UTC') + interval '1 month'
                            - interval '14 hours') AT TIME ZONE 'UTC'
       GROUP BY 1, 2, 3, 4, 5;
    `);
    await db.query(tenantIsolation('complaint_monthly_totals'));
    await db.query(clientFenceReadOnce('complaint_monthly_totals', 'client_id'));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE complaint_monthly_totals');
  }
}
