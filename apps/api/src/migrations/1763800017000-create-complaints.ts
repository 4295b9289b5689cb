import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from './tenant-table.js';

/**
 * Complaints: a client's log of what its customers complained about, and the client's own list of categories.
 *
 * - `complaint_categories` is the client's editable list; a category that complaints or actions point at is
 *   archived, not deleted, so the log keeps its meaning. Names are unique per client among the live ones, whatever
 *   their case (a CSV row names its category by name).
 * - `complaints` may point at a touch point of the client's journey (a composite key, so never across tenants) and a
 *   promise of the client's charter (charter and key, as actions do). `external_reference` is the client CRM's own
 *   id: unique per client, so a resend finds and replaces the same complaint.
 * - `complaint_rising_announcements` remembers the months in which a category was announced as rising (the
 *   `complaint.rising` webhook), so each category-month is announced once.
 * - `actions.complaint_id` and `actions.complaint_category_id` link an action to the complaint or the rising category
 *   it was raised from.
 *
 * The log's index serves both its pages (newest first) and the patterns' range scan by month; it carries the
 * columns the monthly counts group by, so three years of a busy client are counted from the index alone.
 */
export class CreateComplaints1763800017000 implements MigrationInterface {
  name = 'CreateComplaints1763800017000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE complaint_categories (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL,
        name text NOT NULL,
        description text,
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, client_id, id),
        FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE
      );
      CREATE UNIQUE INDEX complaint_categories_live_name
        ON complaint_categories (tenant_id, client_id, lower(name)) WHERE archived_at IS NULL;

      CREATE TABLE complaints (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL,
        received_at timestamptz NOT NULL,
        channel text NOT NULL
          CHECK (channel IN ('PHONE', 'EMAIL', 'WEB', 'CHAT', 'BRANCH', 'SOCIAL', 'MAIL', 'FIELD', 'OTHER')),
        touch_point_id uuid,
        category_id uuid NOT NULL,
        charter_id uuid,
        promise_key text,
        severity text NOT NULL CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
        what_happened text NOT NULL,
        customer_reference text,
        resolved_at timestamptz,
        resolution text,
        root_cause text,
        external_reference text,
        revision integer NOT NULL DEFAULT 1,
        -- A member, or null when an API key sent it (the activity trail names the key).
        recorded_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, client_id, external_reference),
        FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE,
        -- The category of the same client: the key includes the client.
        FOREIGN KEY (tenant_id, client_id, category_id) REFERENCES complaint_categories (tenant_id, client_id, id),
        FOREIGN KEY (tenant_id, touch_point_id) REFERENCES touch_points (tenant_id, id),
        FOREIGN KEY (tenant_id, charter_id) REFERENCES charters (tenant_id, id),
        FOREIGN KEY (tenant_id, recorded_by) REFERENCES users (tenant_id, id),
        CHECK (resolved_at IS NULL OR resolved_at >= received_at),
        CHECK ((resolved_at IS NULL) = (resolution IS NULL)),
        CHECK ((charter_id IS NULL) = (promise_key IS NULL))
      );
      CREATE INDEX complaints_log
        ON complaints (tenant_id, client_id, received_at DESC, id DESC) INCLUDE (category_id, touch_point_id);
      CREATE INDEX complaints_by_category
        ON complaints (tenant_id, client_id, category_id, received_at DESC, id DESC);
      CREATE INDEX complaints_by_touch_point
        ON complaints (tenant_id, touch_point_id, received_at DESC, id DESC) WHERE touch_point_id IS NOT NULL;

      CREATE TABLE complaint_rising_announcements (
        tenant_id uuid NOT NULL,
        category_id uuid NOT NULL,
        client_id uuid NOT NULL,
        month text NOT NULL CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
        announced_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, category_id, month),
        FOREIGN KEY (tenant_id, category_id) REFERENCES complaint_categories (tenant_id, id) ON DELETE CASCADE
      );

      ALTER TABLE actions
        ADD COLUMN complaint_id uuid,
        ADD COLUMN complaint_category_id uuid,
        ADD FOREIGN KEY (tenant_id, complaint_id) REFERENCES complaints (tenant_id, id),
        ADD FOREIGN KEY (tenant_id, complaint_category_id) REFERENCES complaint_categories (tenant_id, id);
      CREATE INDEX actions_by_complaint ON actions (tenant_id, complaint_id) WHERE complaint_id IS NOT NULL;
      CREATE INDEX actions_by_complaint_category
        ON actions (tenant_id, complaint_category_id) WHERE complaint_category_id IS NOT NULL;
    `);
    for (const table of ['complaint_categories', 'complaints', 'complaint_rising_announcements']) {
      await db.query(tenantIsolation(table, { clientColumn: 'client_id' }));
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE actions DROP COLUMN complaint_category_id, DROP COLUMN complaint_id;
      DROP TABLE complaint_rising_announcements, complaints, complaint_categories;
    `);
  }
}
