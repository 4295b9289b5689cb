import type { MigrationInterface, QueryRunner } from 'typeorm';
import { publishedOnlyForClients, tenantIsolation } from './tenant-table.js';

/**
 * Each client's customer-service charter and its numbered versions. A version's purpose statement and promises
 * live on the version row (promises as an ordered JSON array, each with a stable key), so a published version is
 * one row that a trigger keeps frozen: once published, only its sign-off may still be written, and only once.
 */
export class CreateCharters1763800002000 implements MigrationInterface {
  name = 'CreateCharters1763800002000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE charters (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, client_id),
        -- Lets versions reference (charter, client) together, so their copy of client_id always agrees.
        UNIQUE (tenant_id, client_id, id),
        FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE
      );

      CREATE TABLE charter_versions (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        charter_id uuid NOT NULL,
        client_id uuid NOT NULL,
        number integer NOT NULL CHECK (number > 0),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED')),
        purpose text NOT NULL DEFAULT '',
        why text NOT NULL DEFAULT '',
        everything_else text NOT NULL DEFAULT '',
        promises jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(promises) = 'array'),
        revision integer NOT NULL DEFAULT 1,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        published_by uuid,
        signed_off_at timestamptz,
        signed_off_by uuid,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, charter_id, number),
        FOREIGN KEY (tenant_id, client_id, charter_id)
          REFERENCES charters (tenant_id, client_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id),
        FOREIGN KEY (tenant_id, published_by) REFERENCES users (tenant_id, id),
        FOREIGN KEY (tenant_id, signed_off_by) REFERENCES users (tenant_id, id),
        CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL)),
        CHECK (signed_off_at IS NULL OR status = 'PUBLISHED'),
        CHECK ((signed_off_at IS NULL) = (signed_off_by IS NULL))
      );
      -- At most one draft per charter: two people starting a draft at once cannot both succeed.
      CREATE UNIQUE INDEX charter_versions_one_draft ON charter_versions (tenant_id, charter_id)
        WHERE status = 'DRAFT';
      -- The version in force of a client (what audits test promises against), newest first.
      CREATE INDEX charter_versions_published_by_client ON charter_versions (tenant_id, client_id, number DESC)
        WHERE status = 'PUBLISHED';

      CREATE FUNCTION refuse_change_to_published_charter() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'PUBLISHED' THEN
          IF (to_jsonb(NEW) - 'signed_off_at' - 'signed_off_by')
             IS DISTINCT FROM (to_jsonb(OLD) - 'signed_off_at' - 'signed_off_by') THEN
            RAISE EXCEPTION 'Charter version % is published and can no longer change.', OLD.number
              USING ERRCODE = 'integrity_constraint_violation';
          END IF;
          IF OLD.signed_off_at IS NOT NULL
             AND (NEW.signed_off_at, NEW.signed_off_by) IS DISTINCT FROM (OLD.signed_off_at, OLD.signed_off_by) THEN
            RAISE EXCEPTION 'Charter version % has already been signed off.', OLD.number
              USING ERRCODE = 'integrity_constraint_violation';
          END IF;
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER published_charter_is_frozen BEFORE UPDATE ON charter_versions
        FOR EACH ROW EXECUTE FUNCTION refuse_change_to_published_charter();
    `);
    for (const table of ['charters', 'charter_versions']) {
      await db.query(tenantIsolation(table, { clientColumn: 'client_id' }));
    }
    await db.query(publishedOnlyForClients('charter_versions', "status = 'PUBLISHED'"));
    // A client sees its charter only once a version is published: a charter still in its first draft is work in
    // progress, like the draft itself.
    await db.query(
      publishedOnlyForClients(
        'charters',
        `EXISTS (SELECT 1 FROM charter_versions v WHERE v.tenant_id = charters.tenant_id
                   AND v.charter_id = charters.id AND v.status = 'PUBLISHED')`,
      ),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE charter_versions, charters;
      DROP FUNCTION refuse_change_to_published_charter();
    `);
  }
}
