import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from './tenant-table.js';

/**
 * The differentiation workshop of each client, and engagements with their team and milestones. Rows that belong to
 * a client carry its id, so the client fence applies to them directly; the composite foreign keys make that copy
 * agree with the engagement it hangs off.
 */
export class CreateEngagementsAndWorkshops1763800001000 implements MigrationInterface {
  name = 'CreateEngagementsAndWorkshops1763800001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE client_workshops (
        tenant_id uuid NOT NULL,
        client_id uuid NOT NULL,
        common_purpose text,
        point_of_differentiation text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, client_id),
        FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE
      );

      CREATE TABLE workshop_entries (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('BELIEF', 'VALUE')),
        statement text NOT NULL,
        linked boolean NOT NULL DEFAULT false,
        position integer NOT NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, client_id) REFERENCES client_workshops (tenant_id, client_id) ON DELETE CASCADE
      );
      CREATE INDEX workshop_entries_by_client ON workshop_entries (tenant_id, client_id, kind, position);

      CREATE TABLE engagements (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL,
        title text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('DIAGNOSTIC', 'CHARTER_DEVELOPMENT', 'HIRING_DESIGN',
          'CULTURE_PROGRAMME', 'LEADERSHIP_COACHING', 'TRAINING')),
        status text NOT NULL DEFAULT 'PROPOSED'
          CHECK (status IN ('PROPOSED', 'ACTIVE', 'ON_HOLD', 'COMPLETED', 'CANCELLED')),
        summary text,
        starts_on date,
        ends_on date,
        phase text CHECK (phase IN ('DELIBERATE_CULTURE', 'INTERACTIONS', 'MEMORIES', 'EXPERIENCES')),
        lead_consultant_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, client_id, id),
        FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, lead_consultant_id) REFERENCES users (tenant_id, id),
        CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
      );
      CREATE INDEX engagements_by_created ON engagements (tenant_id, created_at DESC, id DESC);
      CREATE INDEX engagements_by_client ON engagements (tenant_id, client_id, created_at DESC, id DESC);
      CREATE INDEX engagements_by_status ON engagements (tenant_id, status, created_at DESC, id DESC);

      CREATE TABLE engagement_team_members (
        tenant_id uuid NOT NULL,
        client_id uuid NOT NULL,
        engagement_id uuid NOT NULL,
        user_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, engagement_id, user_id),
        FOREIGN KEY (tenant_id, client_id, engagement_id)
          REFERENCES engagements (tenant_id, client_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
      );
      CREATE INDEX engagement_team_by_user ON engagement_team_members (tenant_id, user_id);

      CREATE TABLE milestones (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL,
        engagement_id uuid NOT NULL,
        title text NOT NULL,
        due_on date NOT NULL,
        phase text CHECK (phase IN ('DELIBERATE_CULTURE', 'INTERACTIONS', 'MEMORIES', 'EXPERIENCES')),
        done_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, client_id, engagement_id)
          REFERENCES engagements (tenant_id, client_id, id) ON DELETE CASCADE
      );
      CREATE INDEX milestones_by_engagement ON milestones (tenant_id, engagement_id, due_on, id);
      CREATE INDEX milestones_open_by_due ON milestones (tenant_id, due_on, id) WHERE done_at IS NULL;
    `);
    for (const table of [
      'client_workshops',
      'workshop_entries',
      'engagements',
      'engagement_team_members',
      'milestones',
    ]) {
      await db.query(tenantIsolation(table, { clientColumn: 'client_id' }));
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      'DROP TABLE milestones, engagement_team_members, engagements, workshop_entries, client_workshops',
    );
  }
}
