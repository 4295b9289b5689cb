import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The activity trail (the audit trail of who changed what; "audit" here already means a service audit). Written
 * in the same transaction as each change, and append-only for the API's role: it may insert and read, never
 * update or delete, so not even a bug in the API can rewrite history.
 */
export class CreateActivityTrail1763800007000 implements MigrationInterface {
  name = 'CreateActivityTrail1763800007000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE activity_trail (
        tenant_id uuid NOT NULL REFERENCES consultancies (tenant_id) ON DELETE CASCADE,
        id uuid NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_member_id uuid,
        actor_api_key_id uuid,
        action text NOT NULL,
        object_type text,
        object_id uuid,
        changed_fields text[] NOT NULL DEFAULT '{}',
        request_id text NOT NULL,
        PRIMARY KEY (tenant_id, id)
      );
      CREATE INDEX activity_trail_by_time ON activity_trail (tenant_id, occurred_at DESC, id DESC);
      CREATE INDEX activity_trail_by_object ON activity_trail (tenant_id, object_id, occurred_at DESC);
      CREATE INDEX activity_trail_by_actor ON activity_trail (tenant_id, actor_member_id, occurred_at DESC);

      ALTER TABLE activity_trail ENABLE ROW LEVEL SECURITY;
      ALTER TABLE activity_trail FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON activity_trail
        USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
      GRANT SELECT, INSERT ON activity_trail TO csp_app;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE activity_trail');
  }
}
