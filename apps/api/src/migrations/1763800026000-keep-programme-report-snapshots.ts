import type { MigrationInterface, QueryRunner } from 'typeorm';
import { clientFenceReadOnce, tenantIsolation } from './tenant-table.js';

/**
 * Each programme report made (by a person, a key or the monthly schedule) is kept as the file that was handed out,
 * with its SHA-256, so what a board was sent can be shown again and checked byte for byte. The download link is a
 * random token kept only as its hash, valid for a short while, and names its tenant so the route can set the fence
 * before it looks (no lookup across tenants). A client's reports go with the client.
 */
export class KeepProgrammeReportSnapshots1763800026000 implements MigrationInterface {
  name = 'KeepProgrammeReportSnapshots1763800026000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE programme_reports (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        client_id uuid NOT NULL,
        format text NOT NULL CHECK (format IN ('PDF', 'XLSX', 'CSV')),
        page_size text CHECK (page_size IN ('A4', 'LETTER')),
        section text,
        file_name text NOT NULL,
        content_type text NOT NULL,
        content bytea NOT NULL,
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        created_by_member_id uuid,
        created_by_api_key_id uuid,
        scheduled boolean NOT NULL DEFAULT false,
        download_token_hash bytea NOT NULL,
        download_expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE
      );
      CREATE INDEX programme_reports_of_client ON programme_reports (tenant_id, client_id, created_at DESC);
    `);
    await db.query(tenantIsolation('programme_reports'));
    await db.query(clientFenceReadOnce('programme_reports', 'client_id'));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE programme_reports');
  }
}
