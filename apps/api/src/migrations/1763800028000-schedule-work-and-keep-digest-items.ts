import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from './tenant-table.js';

/**
 * Work that is due later (an action's reminders, a member's digest, a client's monthly report) as rows of an outbox
 * drained by the same leased loop as mail and webhooks (core/outbox-worker.ts): one mechanism, safe with several
 * API processes, and a crash mid-run leaves the row to be claimed again. A row is written in the transaction of the
 * change that makes the work due, and done in the transaction of the work itself, so the work happens once.
 *
 * `(job, key)` names one piece of work ("ACTION_REMINDER", "<action>:TODAY"): at most one of them is pending, so a
 * change that moves a due date moves the pending row instead of adding a second.
 *
 * And what a member chose to get in their digest instead of one email each: kept per person until their digest
 * is sent, so nothing waits in memory and a digest that fails is tried again with the same items.
 */
export class ScheduleWorkAndKeepDigestItems1763800028000 implements MigrationInterface {
  name = 'ScheduleWorkAndKeepDigestItems1763800028000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE scheduled_work (
        tenant_id uuid NOT NULL REFERENCES consultancies (tenant_id) ON DELETE CASCADE,
        id uuid NOT NULL,
        job text NOT NULL CHECK (job ~ '^[A-Z_]{1,40}$'),
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
        payload jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DONE', 'FAILED', 'CANCELLED')),
        attempt_count int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        locked_until timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        done_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        CHECK ((status = 'PENDING') = (next_attempt_at IS NOT NULL))
      );
      CREATE UNIQUE INDEX scheduled_work_one_pending ON scheduled_work (tenant_id, job, key) WHERE status = 'PENDING';
      CREATE INDEX scheduled_work_due ON scheduled_work (next_attempt_at) WHERE status = 'PENDING';
      CREATE INDEX scheduled_work_due_by_tenant ON scheduled_work (tenant_id, next_attempt_at) WHERE status = 'PENDING';

      CREATE TABLE digest_items (
        tenant_id uuid NOT NULL REFERENCES consultancies (tenant_id) ON DELETE CASCADE,
        id uuid NOT NULL,
        member_id uuid NOT NULL,
        client_id uuid,
        -- As it was when the news came: the digest groups by it without reading the clients again.
        client_name text NOT NULL,
        kind text NOT NULL,
        line text NOT NULL,
        url text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- The digest mail (mail_outbox.id) that carried it; null while it waits for the member's next digest.
        sent_in_mail_id uuid,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, member_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
      );
      CREATE INDEX digest_items_waiting ON digest_items (tenant_id, member_id, created_at) WHERE sent_in_mail_id IS NULL;
    `);
    for (const table of ['scheduled_work', 'digest_items']) await db.query(tenantIsolation(table));
    await db.query(`
      GRANT SELECT ON scheduled_work TO csp_webhook_worker;
      CREATE POLICY scheduled_work_worker ON scheduled_work FOR SELECT TO csp_webhook_worker USING (true);

      -- The consultancies with work due and not leased, at most p_limit of them, those waiting longest first.
      CREATE FUNCTION scheduled_work_tenants_due(p_limit int)
        RETURNS TABLE (tenant_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
        AS $$
          SELECT w.tenant_id FROM scheduled_work w
           WHERE w.status = 'PENDING' AND w.next_attempt_at <= now()
             AND (w.locked_until IS NULL OR w.locked_until <= now())
           GROUP BY w.tenant_id
           ORDER BY min(w.next_attempt_at)
           LIMIT least(greatest(p_limit, 1), 100)
        $$;
      ALTER FUNCTION scheduled_work_tenants_due(int) OWNER TO csp_webhook_worker;
      REVOKE ALL ON FUNCTION scheduled_work_tenants_due(int) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION scheduled_work_tenants_due(int) TO csp_app;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP FUNCTION scheduled_work_tenants_due(int);
      DROP TABLE digest_items, scheduled_work;
    `);
  }
}
