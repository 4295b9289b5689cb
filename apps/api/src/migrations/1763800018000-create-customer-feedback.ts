import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from './tenant-table.js';

/**
 * Customer feedback: public links per client (optionally per touch point), the answers customers send through them,
 * and signed single-use invitations.
 *
 * - `feedback_links` asks one question of one kind; `public_token` is the random part of its public URL.
 * - `feedback_link_directory` maps a public token to its consultancy before any tenant is known: an anonymous
 *   answer is the one write without a viewer. Global like `sign_in_directory` (a Citus reference table, no foreign
 *   key into tenant tables) and reached only through the three functions below.
 * - `feedback_responses` hold the score, the comment and when it arrived: no network address, no customer identity.
 *   `challenge_digest` is the SHA-256 of the proof-of-work challenge the answer solved, unique per consultancy, so a
 *   solution sent twice is refused by the database itself (and it says nothing about who sent it).
 * - `feedback_invitations` are the signed links a client sends after a contact: the token's hash, and when it was
 *   used (once).
 * - `actions.feedback_response_id`: the answer an action was raised from.
 */
export class CreateCustomerFeedback1763800018000 implements MigrationInterface {
  name = 'CreateCustomerFeedback1763800018000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE feedback_links (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL,
        touch_point_id uuid,
        kind text NOT NULL CHECK (kind IN ('CSAT', 'NPS', 'EFFORT')),
        question text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        public_token text NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, public_token),
        FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id)
      );
      CREATE INDEX feedback_links_by_client ON feedback_links (tenant_id, client_id, created_at);

      CREATE TABLE feedback_responses (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL,
        link_id uuid NOT NULL,
        touch_point_id uuid,
        kind text NOT NULL CHECK (kind IN ('CSAT', 'NPS', 'EFFORT')),
        score smallint NOT NULL CHECK (score BETWEEN 0 AND 10),
        comment text,
        detractor boolean NOT NULL,
        invitation_id uuid,
        challenge_digest text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, challenge_digest),
        FOREIGN KEY (tenant_id, link_id) REFERENCES feedback_links (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE
      );
      -- The summary groups a client's answers by kind, touch point, month and score: one index-only scan.
      CREATE INDEX feedback_responses_by_client
        ON feedback_responses (tenant_id, client_id, kind, received_at) INCLUDE (touch_point_id, score);
      CREATE INDEX feedback_responses_recent
        ON feedback_responses (tenant_id, client_id, received_at DESC, id DESC) WHERE comment IS NOT NULL;

      CREATE TABLE feedback_invitations (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL,
        link_id uuid NOT NULL,
        -- The client's own reference for the contact (a ticket number), never a name or an address.
        reference text,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, link_id) REFERENCES feedback_links (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id)
      );
      ALTER TABLE feedback_responses
        ADD FOREIGN KEY (tenant_id, invitation_id) REFERENCES feedback_invitations (tenant_id, id) ON DELETE SET NULL (invitation_id);

      -- Touch points are archived, never deleted, once evidence points at them (DESIGN: journey).
      -- With the client, so a link (and its answers) can only name a touch point of its own client.
      ALTER TABLE feedback_links
        ADD FOREIGN KEY (tenant_id, client_id, touch_point_id) REFERENCES touch_points (tenant_id, client_id, id);
      ALTER TABLE feedback_responses
        ADD FOREIGN KEY (tenant_id, client_id, touch_point_id) REFERENCES touch_points (tenant_id, client_id, id);
      CREATE INDEX feedback_links_by_touch_point ON feedback_links (tenant_id, touch_point_id)
        WHERE touch_point_id IS NOT NULL;

      ALTER TABLE actions ADD COLUMN feedback_response_id uuid;
      ALTER TABLE actions
        ADD FOREIGN KEY (tenant_id, feedback_response_id) REFERENCES feedback_responses (tenant_id, id)
        ON DELETE SET NULL (feedback_response_id);

      CREATE TABLE feedback_link_directory (
        public_token text PRIMARY KEY,
        tenant_id uuid NOT NULL
      );
      CREATE INDEX feedback_link_directory_by_tenant ON feedback_link_directory (tenant_id);

      CREATE FUNCTION feedback_link_tenant(p_token text) RETURNS uuid
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
        AS $$ SELECT tenant_id FROM feedback_link_directory WHERE public_token = p_token $$;
      CREATE FUNCTION claim_feedback_token(p_token text) RETURNS boolean
        LANGUAGE sql SECURITY DEFINER SET search_path = public
        AS $$
          INSERT INTO feedback_link_directory (public_token, tenant_id) VALUES (p_token, app_tenant())
          ON CONFLICT DO NOTHING RETURNING true
        $$;
      CREATE FUNCTION release_tenant_feedback_tokens() RETURNS void
        LANGUAGE sql SECURITY DEFINER SET search_path = public
        AS $$ DELETE FROM feedback_link_directory WHERE tenant_id = app_tenant() $$;
      REVOKE ALL ON FUNCTION feedback_link_tenant(text), claim_feedback_token(text), release_tenant_feedback_tokens() FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION feedback_link_tenant(text), claim_feedback_token(text), release_tenant_feedback_tokens() TO csp_app;
    `);
    for (const table of ['feedback_links', 'feedback_responses', 'feedback_invitations']) {
      await db.query(tenantIsolation(table, { clientColumn: 'client_id' }));
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE actions DROP COLUMN feedback_response_id;
      DROP TABLE feedback_responses, feedback_invitations, feedback_links, feedback_link_directory;
      DROP FUNCTION feedback_link_tenant(text), claim_feedback_token(text), release_tenant_feedback_tokens();
    `);
  }
}
