import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from './tenant-table.js';

/** API keys for third parties: scopes, an optional client fence and expiry; only a hash of the secret is kept. */
export class CreateApiKeys1763800006000 implements MigrationInterface {
  name = 'CreateApiKeys1763800006000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE api_keys (
        tenant_id uuid NOT NULL REFERENCES consultancies (tenant_id) ON DELETE CASCADE,
        id uuid NOT NULL,
        name text NOT NULL,
        hint text NOT NULL,
        secret_hash bytea NOT NULL,
        scopes text[] NOT NULL CHECK (cardinality(scopes) > 0),
        client_id uuid,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        revoked_at timestamptz,
        last_used_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id)
      );
      CREATE UNIQUE INDEX api_keys_by_secret ON api_keys (tenant_id, secret_hash);
      CREATE INDEX api_keys_by_created ON api_keys (tenant_id, created_at DESC, id DESC);
    `);
    await db.query(tenantIsolation('api_keys'));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE api_keys');
  }
}
