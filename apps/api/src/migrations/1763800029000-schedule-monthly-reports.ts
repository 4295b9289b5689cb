import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every client gets its pending MONTHLY_REPORT run (modules/reports/monthly-report-job.ts), due 08:00 UTC on the
 * next 1st. New clients get theirs when they are created; this gives one to the clients that already exist. Archived
 * ones too: the job skips them while archived and keeps their next month pending, so a client brought back is not
 * left without reports.
 */
export class ScheduleMonthlyReports1763800029000 implements MigrationInterface {
  name = 'ScheduleMonthlyReports1763800029000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      INSERT INTO scheduled_work (tenant_id, id, job, key, payload, next_attempt_at)
      SELECT c.tenant_id, gen_random_uuid(), 'MONTHLY_REPORT', c.id::text, '{}',
             CASE WHEN first_of_month.at > now() THEN first_of_month.at ELSE first_of_month.at + interval '1 month' END
        FROM clients c,
             LATERAL (SELECT (date_trunc('month', now() AT TIME ZONE 'UTC') + interval '8 hours') AT TIME ZONE 'UTC' AS at)
               AS first_of_month
      ON CONFLICT (tenant_id, job, key) WHERE status = 'PENDING' DO NOTHING`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM scheduled_work WHERE job = 'MONTHLY_REPORT' AND status = 'PENDING'`);
  }
}
