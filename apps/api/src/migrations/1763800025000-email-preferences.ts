import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from './tenant-table.js';

/**
 * What each member chooses about email (modules/notifications): per kind, sent at once, in the digest or not at all;
 * and when their digest goes out. Two tables, because the two are kept at different grains: a row per member and
 * kind for the choices, a row per member for the digest. One table would repeat the digest's columns on every kind
 * (and let them disagree), or need a row whose kind is none.
 *
 * A missing row means "not chosen": the defaults live in packages/domain (`defaultDelivery`,
 * `DEFAULT_DIGEST_SETTINGS`), so changing a default reaches everyone who never chose, without a migration. Kinds are
 * text, checked by the API against the domain's list, so a new kind of email needs no migration either. A member's
 * rows go with them (cascade), and neither table is fenced to a client: a member reads and writes only their own.
 */
export class EmailPreferences1763800025000 implements MigrationInterface {
  name = 'EmailPreferences1763800025000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE email_preferences (
        tenant_id uuid NOT NULL,
        member_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind ~ '^[A-Z][A-Z_]{0,63}$'),
        delivery text NOT NULL CHECK (delivery IN ('IMMEDIATE', 'DIGEST', 'OFF')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, member_id, kind),
        FOREIGN KEY (tenant_id, member_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
      );
      CREATE TABLE email_digest_settings (
        tenant_id uuid NOT NULL,
        member_id uuid NOT NULL,
        cadence text NOT NULL CHECK (cadence IN ('DAILY', 'WEEKLY')),
        -- ISO weekday, 1 = Monday; a weekly digest has one, a daily one none.
        weekday smallint CHECK (weekday BETWEEN 1 AND 7),
        -- An IANA name, validated by the API against Intl (PostgreSQL's own zone list may differ from Node's).
        time_zone text NOT NULL CHECK (length(time_zone) BETWEEN 1 AND 64),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, member_id),
        FOREIGN KEY (tenant_id, member_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE,
        CHECK ((cadence = 'WEEKLY') = (weekday IS NOT NULL))
      );
    `);
    await db.query(tenantIsolation('email_preferences'));
    await db.query(tenantIsolation('email_digest_settings'));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE email_digest_settings, email_preferences');
  }
}
