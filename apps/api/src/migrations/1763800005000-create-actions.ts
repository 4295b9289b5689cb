import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from './tenant-table.js';

/**
 * Actions: the follow-ups from audit findings and charter promises, with their notes. An action raised from a
 * finding keeps the audit and criterion, so the next audit on the same framework can say whether it improved.
 */
export class CreateActions1763800005000 implements MigrationInterface {
  name = 'CreateActions1763800005000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE actions (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL,
        description text NOT NULL,
        owner_id uuid NOT NULL,
        due_on date,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'IN_PROGRESS', 'DONE')),
        priority text NOT NULL DEFAULT 'MEDIUM' CHECK (priority IN ('LOW', 'MEDIUM', 'HIGH')),
        audit_id uuid,
        criterion_key text,
        charter_id uuid,
        promise_key text,
        revision integer NOT NULL DEFAULT 1,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, owner_id) REFERENCES users (tenant_id, id),
        FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id),
        FOREIGN KEY (tenant_id, audit_id) REFERENCES audits (tenant_id, id),
        FOREIGN KEY (tenant_id, charter_id) REFERENCES charters (tenant_id, id),
        CHECK ((audit_id IS NULL) = (criterion_key IS NULL)),
        CHECK ((charter_id IS NULL) = (promise_key IS NULL)),
        CHECK (audit_id IS NULL OR charter_id IS NULL)
      );
      CREATE INDEX actions_by_due ON actions (tenant_id, due_on, id) WHERE status <> 'DONE';
      CREATE INDEX actions_by_client ON actions (tenant_id, client_id, due_on, id);
      CREATE INDEX actions_by_owner ON actions (tenant_id, owner_id, due_on, id);
      CREATE INDEX actions_by_finding ON actions (tenant_id, audit_id, criterion_key) WHERE audit_id IS NOT NULL;

      CREATE TABLE action_notes (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL,
        action_id uuid NOT NULL,
        author_id uuid NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, action_id) REFERENCES actions (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, author_id) REFERENCES users (tenant_id, id)
      );
      CREATE INDEX action_notes_by_action ON action_notes (tenant_id, action_id, created_at);
    `);
    await db.query(tenantIsolation('actions', { clientColumn: 'client_id' }));
    await db.query(tenantIsolation('action_notes', { clientColumn: 'client_id' }));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE action_notes, actions');
  }
}
