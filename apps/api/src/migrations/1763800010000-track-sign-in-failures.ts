import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from './tenant-table.js';

/**
 * Wrong passwords in a row per member, so sign-in slows down and then locks (see core/auth/failure-runs.ts). A
 * table of its own rather than columns on users: a row exists only while a member has a run of failures, sign-in
 * writes here without taking the member's row lock (role changes take it), and a success simply deletes the row.
 * The lock itself is not stored: it follows from the count and the time of the last failure, by one rule.
 */
export class TrackSignInFailures1763800010000 implements MigrationInterface {
  name = 'TrackSignInFailures1763800010000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sign_in_failures (
        tenant_id uuid NOT NULL,
        user_id uuid NOT NULL,
        failures int NOT NULL CHECK (failures > 0),
        last_failed_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, user_id),
        FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
      )
    `);
    await db.query(tenantIsolation('sign_in_failures'));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE sign_in_failures');
  }
}
