import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from './tenant-table.js';

/**
 * Webhooks: endpoints an admin registers, their signing secrets (more than one while a rotation overlaps), the
 * outbox of events written in the same transaction as the change that caused them, one delivery per event and
 * endpoint, and every attempt with the receiver's answer.
 *
 * The delivery worker must find due deliveries of every tenant, which row-level security forbids the API role.
 * So a separate role that cannot log in, `csp_webhook_worker`, may see webhook_deliveries (and nothing else), and
 * owns the one SECURITY DEFINER function that claims due deliveries. Everything after the claim runs as the API
 * role with the delivery's tenant set, like any request.
 */
export class CreateWebhooks1763800009000 implements MigrationInterface {
  name = 'CreateWebhooks1763800009000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE webhook_endpoints (
        tenant_id uuid NOT NULL REFERENCES consultancies (tenant_id) ON DELETE CASCADE,
        id uuid NOT NULL,
        url text NOT NULL,
        description text,
        events text[] NOT NULL CHECK (cardinality(events) > 0),
        enabled boolean NOT NULL DEFAULT true,
        disabled_reason text,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id)
      );
      CREATE INDEX webhook_endpoints_by_created ON webhook_endpoints (tenant_id, created_at DESC, id DESC);

      CREATE TABLE webhook_secrets (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        endpoint_id uuid NOT NULL,
        -- Kept readable, unlike API keys: signing needs the secret itself, not a hash of it.
        secret text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, endpoint_id) REFERENCES webhook_endpoints (tenant_id, id) ON DELETE CASCADE
      );
      CREATE INDEX webhook_secrets_by_endpoint ON webhook_secrets (tenant_id, endpoint_id, created_at DESC);

      CREATE TABLE webhook_events (
        tenant_id uuid NOT NULL REFERENCES consultancies (tenant_id) ON DELETE CASCADE,
        id uuid NOT NULL,
        type text NOT NULL,
        data jsonb NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        request_id text,
        PRIMARY KEY (tenant_id, id)
      );

      CREATE TABLE webhook_deliveries (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        event_id uuid NOT NULL,
        endpoint_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED', 'CANCELLED')),
        attempt_count int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        locked_until timestamptz,
        last_attempt_at timestamptz,
        last_response_status int,
        delivered_at timestamptz,
        replay_of uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, event_id) REFERENCES webhook_events (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, endpoint_id) REFERENCES webhook_endpoints (tenant_id, id) ON DELETE CASCADE,
        CHECK ((status = 'PENDING') = (next_attempt_at IS NOT NULL))
      );
      -- The worker's index: across tenants on purpose, and small, since only pending rows are in it.
      CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'PENDING';
      CREATE INDEX webhook_deliveries_by_endpoint
        ON webhook_deliveries (tenant_id, endpoint_id, created_at DESC, id DESC);

      CREATE TABLE webhook_attempts (
        tenant_id uuid NOT NULL,
        delivery_id uuid NOT NULL,
        number int NOT NULL,
        attempted_at timestamptz NOT NULL,
        duration_ms int NOT NULL,
        response_status int,
        response_body text,
        error text,
        PRIMARY KEY (tenant_id, delivery_id, number),
        FOREIGN KEY (tenant_id, delivery_id) REFERENCES webhook_deliveries (tenant_id, id) ON DELETE CASCADE
      );
    `);
    for (const table of [
      'webhook_endpoints',
      'webhook_secrets',
      'webhook_events',
      'webhook_deliveries',
      'webhook_attempts',
    ]) {
      await db.query(tenantIsolation(table));
    }
    await db.query(`
      -- Created here when the migrator may (a superuser, the embedded database); in production the operator creates
      -- it beforehand and grants it to the owner (infra/README.md), as for csp_app.
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'csp_webhook_worker') THEN
          CREATE ROLE csp_webhook_worker NOLOGIN;
        END IF;
        -- Handing it the function below needs membership.
        IF NOT pg_has_role(current_user, 'csp_webhook_worker', 'MEMBER') THEN
          GRANT csp_webhook_worker TO CURRENT_USER;
        END IF;
      END $$;
      -- CREATE because PostgreSQL requires the owner of a function to be able to create it in its schema.
      GRANT USAGE, CREATE ON SCHEMA public TO csp_webhook_worker;
      GRANT SELECT, UPDATE ON webhook_deliveries TO csp_webhook_worker;
      CREATE POLICY webhook_worker ON webhook_deliveries TO csp_webhook_worker USING (true) WITH CHECK (true);

      -- Leases due deliveries to the caller: SKIP LOCKED lets several API processes claim side by side, and the
      -- lease (locked_until) means a delivery whose process died is claimed again once it runs out.
      CREATE FUNCTION claim_webhook_deliveries(p_limit int, p_lease_seconds int)
        RETURNS TABLE (tenant_id uuid, delivery_id uuid)
        LANGUAGE sql SECURITY DEFINER SET search_path = public
        AS $$
          UPDATE webhook_deliveries d
             SET locked_until = now() + make_interval(secs => p_lease_seconds)
            FROM (SELECT w.tenant_id, w.id FROM webhook_deliveries w
                   WHERE w.status = 'PENDING' AND w.next_attempt_at <= now()
                     AND (w.locked_until IS NULL OR w.locked_until <= now())
                   ORDER BY w.next_attempt_at
                   LIMIT least(greatest(p_limit, 1), 100)
                   FOR UPDATE SKIP LOCKED) due
           WHERE d.tenant_id = due.tenant_id AND d.id = due.id
          RETURNING d.tenant_id, d.id
        $$;
      ALTER FUNCTION claim_webhook_deliveries(int, int) OWNER TO csp_webhook_worker;
      REVOKE ALL ON FUNCTION claim_webhook_deliveries(int, int) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION claim_webhook_deliveries(int, int) TO csp_app;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP FUNCTION claim_webhook_deliveries(int, int);
      DROP TABLE webhook_attempts, webhook_deliveries, webhook_events, webhook_secrets, webhook_endpoints;
    `);
  }
}
