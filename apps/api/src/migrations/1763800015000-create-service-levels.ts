import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from './tenant-table.js';

/**
 * Service levels: a charter promise's standard made measurable, against counts per interval that the client's own
 * systems send.
 *
 * - `service_levels` hangs on the promise's key (not a charter version), so it outlives new charter versions; one
 *   per promise of a client.
 * - `service_level_versions` keeps every definition; a period is judged by the version in force at its start, and
 *   a version is in force from its `effective_from` until the next one's.
 * - `service_level_measurements` are the intervals as received, keyed by their start: sending the same start again
 *   replaces the row. Each knows the period it counts in (the one it starts in), so the rollup is one GROUP BY.
 * - `service_level_periods` is that rollup, kept in the same transaction as the measurements it sums, so reading
 *   two years of weekly compliance is 104 rows, not 70,000 intervals. It also remembers which webhook events were
 *   announced for the period, so each is sent once.
 * - `service_level_corrections` records every change to a closed period's figures, with its reason.
 *
 * Overlapping intervals are refused by the API under a lock on the service level's row rather than by an exclusion
 * constraint: that would need the btree_gist extension, which not every managed PostgreSQL (or Citus) offers.
 */
export class CreateServiceLevels1763800015000 implements MigrationInterface {
  name = 'CreateServiceLevels1763800015000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE service_levels (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL,
        charter_id uuid NOT NULL,
        promise_key text NOT NULL,
        name text NOT NULL,
        revision integer NOT NULL DEFAULT 1,
        -- Whether the newest closed period with figures missed: a breach and its recovery are announced once each.
        in_breach boolean NOT NULL DEFAULT false,
        measured_until timestamptz,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, client_id, promise_key),
        FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, charter_id) REFERENCES charters (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id)
      );

      CREATE TABLE service_level_versions (
        tenant_id uuid NOT NULL,
        service_level_id uuid NOT NULL,
        client_id uuid NOT NULL,
        number integer NOT NULL CHECK (number > 0),
        effective_from timestamptz NOT NULL,
        event_kind text NOT NULL
          CHECK (event_kind IN ('CALL', 'EMAIL', 'CHAT', 'COMPLAINT', 'VISIT', 'OTHER')),
        good_rule text NOT NULL,
        threshold_value double precision CHECK (threshold_value > 0),
        threshold_unit text CHECK (threshold_unit IN ('SECONDS', 'MINUTES', 'HOURS', 'DAYS')),
        -- A share with at most four decimals, as the domain's target rule says: 0.9995 is 99.95 %.
        target numeric(5, 4) NOT NULL CHECK (target > 0 AND target <= 1),
        period text NOT NULL CHECK (period IN ('DAY', 'WEEK', 'MONTH', 'QUARTER')),
        time_zone text NOT NULL,
        business_hours jsonb CHECK (business_hours IS NULL OR jsonb_typeof(business_hours) = 'array'),
        exclusion_rule text NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, service_level_id, number),
        FOREIGN KEY (tenant_id, service_level_id) REFERENCES service_levels (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id),
        CHECK ((threshold_value IS NULL) = (threshold_unit IS NULL))
      );

      CREATE TABLE service_level_measurements (
        tenant_id uuid NOT NULL,
        service_level_id uuid NOT NULL,
        client_id uuid NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        good integer NOT NULL CHECK (good >= 0),
        valid integer NOT NULL CHECK (valid >= good),
        excluded integer CHECK (excluded >= 0),
        period_start timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, service_level_id, starts_at),
        FOREIGN KEY (tenant_id, service_level_id) REFERENCES service_levels (tenant_id, id) ON DELETE CASCADE,
        CHECK (ends_at > starts_at),
        CHECK (period_start <= starts_at)
      );
      CREATE INDEX service_level_measurements_by_period
        ON service_level_measurements (tenant_id, service_level_id, period_start);

      CREATE TABLE service_level_periods (
        tenant_id uuid NOT NULL,
        service_level_id uuid NOT NULL,
        client_id uuid NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        label text NOT NULL,
        definition_version integer NOT NULL,
        good bigint NOT NULL DEFAULT 0 CHECK (good >= 0),
        valid bigint NOT NULL DEFAULT 0 CHECK (valid >= good),
        excluded bigint NOT NULL DEFAULT 0 CHECK (excluded >= 0),
        at_risk_announced_at timestamptz,
        PRIMARY KEY (tenant_id, service_level_id, starts_at),
        FOREIGN KEY (tenant_id, service_level_id, definition_version)
          REFERENCES service_level_versions (tenant_id, service_level_id, number) ON DELETE CASCADE,
        CHECK (ends_at > starts_at)
      );

      CREATE TABLE service_level_corrections (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        service_level_id uuid NOT NULL,
        client_id uuid NOT NULL,
        period_start timestamptz NOT NULL,
        period_label text NOT NULL,
        reason text NOT NULL,
        good_before bigint NOT NULL,
        valid_before bigint NOT NULL,
        good_after bigint NOT NULL,
        valid_after bigint NOT NULL,
        -- A member, or null when an API key sent it (the activity trail names the key).
        recorded_by uuid,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, service_level_id) REFERENCES service_levels (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, recorded_by) REFERENCES users (tenant_id, id)
      );
      CREATE INDEX service_level_corrections_by_level
        ON service_level_corrections (tenant_id, service_level_id, recorded_at DESC);
    `);
    for (const table of [
      'service_levels',
      'service_level_versions',
      'service_level_measurements',
      'service_level_periods',
      'service_level_corrections',
    ]) {
      await db.query(tenantIsolation(table, { clientColumn: 'client_id' }));
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      'DROP TABLE service_level_corrections, service_level_periods, service_level_measurements, service_level_versions, service_levels',
    );
  }
}
