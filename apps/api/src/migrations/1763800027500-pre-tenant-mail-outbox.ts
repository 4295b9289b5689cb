import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mail sent before any consultancy exists (the sign-up confirmation, or "you already have an account"): an outbox
 * of its own, global like pending_sign_ups, since mail_outbox rows belong to a consultancy. The mail worker drains
 * it on the same loop and with the same sending and retry code as mail_outbox (modules/mail/worker.ts).
 *
 * Like pending_sign_ups, the API role reaches it only through the SECURITY DEFINER functions below, never by a bare
 * SELECT: the rows hold sign-up links and the addresses of people who are not customers yet. Finished rows go a
 * week after they were queued, as late pending sign-ups do.
 */
export class PreTenantMailOutbox1763800027500 implements MigrationInterface {
  name = 'PreTenantMailOutbox1763800027500';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE pre_tenant_mail (
        id uuid PRIMARY KEY,
        message_id text NOT NULL UNIQUE,
        kind text NOT NULL,
        to_address text NOT NULL,
        subject text NOT NULL,
        text text NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'KEPT', 'FAILED')),
        attempt_count int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        locked_until timestamptz,
        last_error text,
        queued_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CHECK ((status = 'PENDING') = (next_attempt_at IS NOT NULL))
      );
      CREATE INDEX pre_tenant_mail_due ON pre_tenant_mail (next_attempt_at) WHERE status = 'PENDING';
      CREATE INDEX pre_tenant_mail_by_queued ON pre_tenant_mail (queued_at);

      -- With p_id null it queues nothing: a sign-up over its mail limit still makes the call (modules/accounts).
      CREATE FUNCTION queue_pre_tenant_mail(
        p_id uuid, p_message_id text, p_kind text, p_to text, p_subject text, p_text text
      ) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
        AS $$
        BEGIN
          DELETE FROM pre_tenant_mail WHERE status <> 'PENDING' AND queued_at < now() - interval '7 days';
          IF p_id IS NOT NULL THEN
            INSERT INTO pre_tenant_mail (id, message_id, kind, to_address, subject, text, next_attempt_at)
              VALUES (p_id, p_message_id, p_kind, p_to, p_subject, p_text, now());
          END IF;
        END
        $$;

      -- Leases up to p_limit mails due, oldest first, as core/outbox-worker.ts claims a consultancy's items.
      CREATE FUNCTION claim_pre_tenant_mail(p_limit int, p_lease_seconds int)
        RETURNS TABLE (id uuid)
        LANGUAGE sql SECURITY DEFINER SET search_path = public
        AS $$
          UPDATE pre_tenant_mail claimed
             SET locked_until = now() + make_interval(secs => p_lease_seconds)
            FROM (SELECT m.id FROM pre_tenant_mail m
                   WHERE m.status = 'PENDING' AND m.next_attempt_at <= now()
                     AND (m.locked_until IS NULL OR m.locked_until <= now())
                   ORDER BY m.next_attempt_at
                   LIMIT least(greatest(p_limit, 1), 100)
                   FOR UPDATE SKIP LOCKED) due
           WHERE claimed.id = due.id
          RETURNING claimed.id
        $$;

      -- One mail by its id (a random uuid only its queuer and the worker know): what an attempt sends.
      CREATE FUNCTION pre_tenant_mail_job(p_id uuid)
        RETURNS TABLE (status text, attempt_count int, message_id text, to_address text, subject text, text text)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
        AS $$
          SELECT m.status, m.attempt_count, m.message_id, m.to_address, m.subject, m.text
            FROM pre_tenant_mail m WHERE m.id = p_id
        $$;

      -- Kept, not sent: no SMTP server is configured.
      CREATE FUNCTION keep_pre_tenant_mail(p_id uuid) RETURNS boolean
        LANGUAGE sql SECURITY DEFINER SET search_path = public
        AS $$
          UPDATE pre_tenant_mail SET status = 'KEPT', next_attempt_at = NULL, locked_until = NULL
           WHERE id = p_id AND status = 'PENDING'
          RETURNING true
        $$;

      -- An attempt's outcome, guarded by the attempt count as in modules/mail/worker.ts: a late answer is dropped.
      CREATE FUNCTION record_pre_tenant_mail(
        p_id uuid, p_attempt int, p_status text, p_next_attempt_at timestamptz, p_last_error text
      ) RETURNS boolean
        LANGUAGE sql SECURITY DEFINER SET search_path = public
        AS $$
          UPDATE pre_tenant_mail
             SET status = p_status, attempt_count = p_attempt, next_attempt_at = p_next_attempt_at,
                 locked_until = NULL, last_error = p_last_error,
                 sent_at = CASE WHEN p_status = 'SENT' THEN now() END
           WHERE id = p_id AND status = 'PENDING' AND attempt_count = p_attempt - 1
          RETURNING true
        $$;

      REVOKE ALL ON FUNCTION queue_pre_tenant_mail(uuid, text, text, text, text, text),
        claim_pre_tenant_mail(int, int), pre_tenant_mail_job(uuid), keep_pre_tenant_mail(uuid),
        record_pre_tenant_mail(uuid, int, text, timestamptz, text) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION queue_pre_tenant_mail(uuid, text, text, text, text, text),
        claim_pre_tenant_mail(int, int), pre_tenant_mail_job(uuid), keep_pre_tenant_mail(uuid),
        record_pre_tenant_mail(uuid, int, text, timestamptz, text) TO csp_app;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP FUNCTION queue_pre_tenant_mail(uuid, text, text, text, text, text), claim_pre_tenant_mail(int, int),
        pre_tenant_mail_job(uuid), keep_pre_tenant_mail(uuid),
        record_pre_tenant_mail(uuid, int, text, timestamptz, text);
      DROP TABLE pre_tenant_mail;
    `);
  }
}
