import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The webhook worker claims per tenant, as Citus needs (row locks do not run in a multi-shard statement): one
 * cross-tenant look-up of the consultancies with due deliveries (`webhook_tenants_due`, SECURITY DEFINER, owned
 * by csp_webhook_worker, which alone may see every tenant's deliveries), then a claim per consultancy as the API
 * role, in that consultancy's transaction, with `tenant_id = $1` in its WHERE. The cross-tenant claim
 * function goes.
 */
export class ClaimWebhooksPerTenant1763800013000 implements MigrationInterface {
  name = 'ClaimWebhooksPerTenant1763800013000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- The per-tenant claim's index: one consultancy's due deliveries, oldest first.
      CREATE INDEX webhook_deliveries_due_by_tenant ON webhook_deliveries (tenant_id, next_attempt_at)
        WHERE status = 'PENDING';

      -- The consultancies with a delivery due and not leased, at most p_limit of them, those waiting longest first.
      CREATE FUNCTION webhook_tenants_due(p_limit int)
        RETURNS TABLE (tenant_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
        AS $$
          SELECT w.tenant_id FROM webhook_deliveries w
           WHERE w.status = 'PENDING' AND w.next_attempt_at <= now()
             AND (w.locked_until IS NULL OR w.locked_until <= now())
           GROUP BY w.tenant_id
           ORDER BY min(w.next_attempt_at)
           LIMIT least(greatest(p_limit, 1), 100)
        $$;
      ALTER FUNCTION webhook_tenants_due(int) OWNER TO csp_webhook_worker;
      REVOKE ALL ON FUNCTION webhook_tenants_due(int) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION webhook_tenants_due(int) TO csp_app;

      DROP FUNCTION claim_webhook_deliveries(int, int);
      -- The worker role now only reads (which consultancies have work); the claim itself is the tenant's own.
      REVOKE UPDATE ON webhook_deliveries FROM csp_webhook_worker;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      GRANT UPDATE ON webhook_deliveries TO csp_webhook_worker;
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
      DROP FUNCTION webhook_tenants_due(int);
      DROP INDEX webhook_deliveries_due_by_tenant;
    `);
  }
}
