import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from './tenant-table.js';

/**
 * Outgoing mail: an outbox written in the same transaction as the change that causes a mail, sent by a worker
 * every API process runs (like webhooks), and the addresses a mail server refused for good, which are not written
 * to again until an admin allows them.
 *
 * Finding which consultancies have mail due crosses tenants, as for webhooks: `mail_tenants_due` is SECURITY
 * DEFINER and owned by csp_webhook_worker, the outbox workers' role, which may see mail_outbox and nothing else of
 * it. Reusing that role keeps the operator's setup as it is (infra/README.md); the claim itself runs as the API
 * role in the consultancy's own transaction.
 */
export class MailOutbox1763800024000 implements MigrationInterface {
  name = 'MailOutbox1763800024000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE mail_outbox (
        tenant_id uuid NOT NULL REFERENCES consultancies (tenant_id) ON DELETE CASCADE,
        id uuid NOT NULL,
        -- Made once, when queued: a mail sent again after a crash carries the same Message-ID, so the recipient's
        -- mail system can tell it is the same mail.
        message_id text NOT NULL,
        kind text NOT NULL,
        -- No foreign keys: the record of what was sent outlives the member or client it was about.
        member_id uuid,
        client_id uuid,
        to_address text NOT NULL,
        subject text NOT NULL,
        html text NOT NULL,
        text text NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'PENDING'
          CHECK (status IN ('PENDING', 'SENT', 'KEPT', 'FAILED', 'SUPPRESSED')),
        attempt_count int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        locked_until timestamptz,
        last_error text,
        queued_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, message_id),
        CHECK ((status = 'PENDING') = (next_attempt_at IS NOT NULL))
      );
      -- The cross-tenant look-up's index, small since only pending rows are in it; then the per-tenant claim's.
      CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE status = 'PENDING';
      CREATE INDEX mail_outbox_due_by_tenant ON mail_outbox (tenant_id, next_attempt_at) WHERE status = 'PENDING';
      -- The admin's list, newest first, all of it or one status.
      CREATE INDEX mail_outbox_by_queued ON mail_outbox (tenant_id, queued_at DESC, id DESC);
      CREATE INDEX mail_outbox_by_status ON mail_outbox (tenant_id, status, queued_at DESC, id DESC);

      CREATE TABLE mail_suppressions (
        tenant_id uuid NOT NULL REFERENCES consultancies (tenant_id) ON DELETE CASCADE,
        address text NOT NULL CHECK (address = lower(address)),
        reason text NOT NULL,
        smtp_response text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, address)
      );
    `);
    for (const table of ['mail_outbox', 'mail_suppressions']) await db.query(tenantIsolation(table));
    await db.query(`
      GRANT SELECT ON mail_outbox TO csp_webhook_worker;
      CREATE POLICY mail_worker ON mail_outbox FOR SELECT TO csp_webhook_worker USING (true);

      -- The consultancies with mail due and not leased, at most p_limit of them, those waiting longest first.
      CREATE FUNCTION mail_tenants_due(p_limit int)
        RETURNS TABLE (tenant_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
        AS $$
          SELECT m.tenant_id FROM mail_outbox m
           WHERE m.status = 'PENDING' AND m.next_attempt_at <= now()
             AND (m.locked_until IS NULL OR m.locked_until <= now())
           GROUP BY m.tenant_id
           ORDER BY min(m.next_attempt_at)
           LIMIT least(greatest(p_limit, 1), 100)
        $$;
      ALTER FUNCTION mail_tenants_due(int) OWNER TO csp_webhook_worker;
      REVOKE ALL ON FUNCTION mail_tenants_due(int) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION mail_tenants_due(int) TO csp_app;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP FUNCTION mail_tenants_due(int);
      DROP TABLE mail_suppressions, mail_outbox;
    `);
  }
}
