import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from './tenant-table.js';

/**
 * The customer's journey of each client: ordered stages, each with ordered touch points, some of them moments of
 * truth; what each touch point is linked to; and the history of changes.
 *
 * - `customer_journeys` is one row per client that has a journey: its `revision` grows with every change, and an
 *   edit locks the row, so two editors reordering at once cannot silently overwrite each other.
 * - Stages and touch points are archived, never deleted: complaints, feedback and actions point at touch points
 *   and keep their link. `position` orders the live rows of a client (stages) or a stage (touch points), 0..n-1;
 *   an archived row keeps its last position, which means nothing any more. No unique index on positions: a
 *   reorder rewrites several in one statement, and the API keeps them dense under the journey's lock.
 * - `touch_point_promises` hangs on the promise's key, as service levels do, so a link outlives charter versions.
 * - `touch_point_criteria` names a criterion by its framework's key and its own key, as promise_criterion_links do.
 * - `journey_changes` is what the journey's history shows: one row per change, with what it was and became.
 * - `actions.touch_point_id` says which touch point an action is about; the key includes the client, so an action
 *   can only name a touch point of its own client.
 */
export class CreateCustomerJourneys1763800016000 implements MigrationInterface {
  name = 'CreateCustomerJourneys1763800016000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE customer_journeys (
        tenant_id uuid NOT NULL,
        client_id uuid NOT NULL,
        revision integer NOT NULL DEFAULT 0 CHECK (revision >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, client_id),
        FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE
      );

      CREATE TABLE journey_stages (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        position integer NOT NULL CHECK (position >= 0),
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, client_id, id),
        FOREIGN KEY (tenant_id, client_id) REFERENCES customer_journeys (tenant_id, client_id) ON DELETE CASCADE
      );
      CREATE INDEX journey_stages_by_client ON journey_stages (tenant_id, client_id, position)
        WHERE archived_at IS NULL;

      CREATE TABLE touch_points (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL,
        stage_id uuid NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        channel text NOT NULL
          CHECK (channel IN ('PHONE', 'EMAIL', 'WEB', 'CHAT', 'BRANCH', 'SOCIAL', 'MAIL', 'FIELD', 'OTHER')),
        owning_team text NOT NULL CHECK (length(owning_team) BETWEEN 1 AND 200),
        moment_of_truth boolean NOT NULL DEFAULT false,
        position integer NOT NULL CHECK (position >= 0),
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        -- Lets links, actions (and complaints, feedback) name (client, touch point) together.
        UNIQUE (tenant_id, client_id, id),
        FOREIGN KEY (tenant_id, client_id, stage_id) REFERENCES journey_stages (tenant_id, client_id, id)
          ON DELETE CASCADE
      );
      CREATE INDEX touch_points_by_stage ON touch_points (tenant_id, stage_id, position);
      CREATE INDEX touch_points_by_client ON touch_points (tenant_id, client_id);

      CREATE TABLE touch_point_promises (
        tenant_id uuid NOT NULL,
        client_id uuid NOT NULL,
        touch_point_id uuid NOT NULL,
        charter_id uuid NOT NULL,
        promise_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, touch_point_id, promise_key),
        FOREIGN KEY (tenant_id, client_id, touch_point_id) REFERENCES touch_points (tenant_id, client_id, id)
          ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, client_id, charter_id) REFERENCES charters (tenant_id, client_id, id)
          ON DELETE CASCADE
      );
      CREATE INDEX touch_point_promises_by_promise ON touch_point_promises (tenant_id, charter_id, promise_key);

      CREATE TABLE touch_point_criteria (
        tenant_id uuid NOT NULL,
        client_id uuid NOT NULL,
        touch_point_id uuid NOT NULL,
        framework_key text NOT NULL,
        criterion_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, touch_point_id, framework_key, criterion_key),
        FOREIGN KEY (tenant_id, client_id, touch_point_id) REFERENCES touch_points (tenant_id, client_id, id)
          ON DELETE CASCADE
      );

      CREATE TABLE journey_changes (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL,
        -- The journey's revision this change made.
        revision integer NOT NULL CHECK (revision > 0),
        kind text NOT NULL CHECK (kind IN (
          'STAGE_ADDED', 'STAGE_RENAMED', 'STAGE_ARCHIVED', 'STAGES_REORDERED',
          'TOUCH_POINT_ADDED', 'TOUCH_POINT_CHANGED', 'TOUCH_POINT_ARCHIVED', 'TOUCH_POINTS_REORDERED',
          'MOMENT_OF_TRUTH_SET', 'MOMENT_OF_TRUTH_CLEARED',
          'PROMISE_LINKED', 'PROMISE_UNLINKED', 'CRITERION_LINKED', 'CRITERION_UNLINKED'
        )),
        stage_id uuid,
        touch_point_id uuid,
        before jsonb,
        after jsonb,
        -- A member, or null when an API key made the change (the activity trail names the key).
        changed_by uuid,
        changed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, client_id) REFERENCES customer_journeys (tenant_id, client_id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, client_id, stage_id) REFERENCES journey_stages (tenant_id, client_id, id)
          ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, client_id, touch_point_id) REFERENCES touch_points (tenant_id, client_id, id)
          ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, changed_by) REFERENCES users (tenant_id, id)
      );
      CREATE INDEX journey_changes_by_client ON journey_changes (tenant_id, client_id, changed_at DESC, id);
      CREATE INDEX journey_changes_by_touch_point ON journey_changes (tenant_id, touch_point_id, changed_at DESC)
        WHERE touch_point_id IS NOT NULL;

      ALTER TABLE actions ADD COLUMN touch_point_id uuid;
      ALTER TABLE actions ADD CONSTRAINT actions_touch_point_fkey
        FOREIGN KEY (tenant_id, client_id, touch_point_id) REFERENCES touch_points (tenant_id, client_id, id);
      CREATE INDEX actions_by_touch_point ON actions (tenant_id, touch_point_id) WHERE touch_point_id IS NOT NULL;
    `);
    for (const table of [
      'customer_journeys',
      'journey_stages',
      'touch_points',
      'touch_point_promises',
      'touch_point_criteria',
      'journey_changes',
    ]) {
      await db.query(tenantIsolation(table, { clientColumn: 'client_id' }));
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE actions DROP COLUMN touch_point_id');
    await db.query(
      'DROP TABLE journey_changes, touch_point_criteria, touch_point_promises, touch_points, journey_stages, customer_journeys',
    );
  }
}
