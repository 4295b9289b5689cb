import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from './tenant-table.js';

/**
 * Consultancies (the tenants), their members, sessions and invitations, and the sign-in directory that tells which
 * consultancy an email belongs to before anyone is signed in.
 */
export class CreateTenancyAndAccounts1763800000000 implements MigrationInterface {
  name = 'CreateTenancyAndAccounts1763800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'csp_app') THEN CREATE ROLE csp_app NOLOGIN; END IF;
      END $$;
      GRANT USAGE ON SCHEMA public TO csp_app;

      CREATE FUNCTION app_tenant() RETURNS uuid LANGUAGE sql STABLE
        AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;
      CREATE FUNCTION app_client() RETURNS uuid LANGUAGE sql STABLE
        AS $$ SELECT NULLIF(current_setting('app.client_id', true), '')::uuid $$;

      CREATE TABLE consultancies (
        tenant_id uuid PRIMARY KEY,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE clients (
        tenant_id uuid NOT NULL REFERENCES consultancies (tenant_id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        industry text NOT NULL,
        size text,
        region text,
        status text NOT NULL DEFAULT 'PROSPECT' CHECK (status IN ('PROSPECT', 'ACTIVE', 'ARCHIVED')),
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      );
      CREATE INDEX clients_by_name ON clients (tenant_id, name, id);

      CREATE TABLE users (
        tenant_id uuid NOT NULL REFERENCES consultancies (tenant_id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email)),
        name text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('ADMIN', 'CONSULTANT', 'CLIENT_LEADER')),
        client_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, email),
        FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id),
        CHECK ((role = 'CLIENT_LEADER') = (client_id IS NOT NULL))
      );
      CREATE INDEX users_by_client ON users (tenant_id, client_id) WHERE client_id IS NOT NULL;
      CREATE INDEX users_by_name ON users (tenant_id, name, id);

      CREATE TABLE sessions (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        token_hash bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
      );
      CREATE UNIQUE INDEX sessions_by_token ON sessions (tenant_id, token_hash);

      CREATE TABLE invitations (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email)),
        role text NOT NULL CHECK (role IN ('ADMIN', 'CONSULTANT', 'CLIENT_LEADER')),
        client_id uuid,
        token_hash bytea NOT NULL,
        invited_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        revoked_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, invited_by) REFERENCES users (tenant_id, id) ON DELETE CASCADE,
        CHECK ((role = 'CLIENT_LEADER') = (client_id IS NOT NULL))
      );
      CREATE UNIQUE INDEX invitations_by_token ON invitations (tenant_id, token_hash);
      CREATE INDEX invitations_by_created ON invitations (tenant_id, created_at, id);

      -- Global, deliberately: sign-in must find the consultancy of an email before any tenant is known. It has no
      -- foreign key into tenant tables (a Citus reference table cannot point at a distributed one), and the API
      -- role reaches it only through the three functions below, never by a bare SELECT.
      CREATE TABLE sign_in_directory (
        email text PRIMARY KEY CHECK (email = lower(email)),
        tenant_id uuid NOT NULL
      );
      CREATE INDEX sign_in_directory_by_tenant ON sign_in_directory (tenant_id);

      CREATE FUNCTION sign_in_tenant(p_email text) RETURNS uuid
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
        AS $$ SELECT tenant_id FROM sign_in_directory WHERE email = lower(p_email) $$;
      CREATE FUNCTION claim_sign_in_email(p_email text) RETURNS boolean
        LANGUAGE sql SECURITY DEFINER SET search_path = public
        AS $$
          INSERT INTO sign_in_directory (email, tenant_id) VALUES (lower(p_email), app_tenant())
          ON CONFLICT DO NOTHING RETURNING true
        $$;
      CREATE FUNCTION release_sign_in_email(p_email text) RETURNS void
        LANGUAGE sql SECURITY DEFINER SET search_path = public
        AS $$ DELETE FROM sign_in_directory WHERE email = lower(p_email) AND tenant_id = app_tenant() $$;
      REVOKE ALL ON FUNCTION sign_in_tenant(text), claim_sign_in_email(text), release_sign_in_email(text) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION sign_in_tenant(text), claim_sign_in_email(text), release_sign_in_email(text) TO csp_app;
      GRANT EXECUTE ON FUNCTION app_tenant(), app_client() TO csp_app;
    `);
    for (const table of ['consultancies', 'users', 'sessions', 'invitations']) {
      await db.query(tenantIsolation(table));
    }
    await db.query(tenantIsolation('clients', { clientColumn: 'id' }));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE sign_in_directory, invitations, sessions, users, clients, consultancies;
      DROP FUNCTION sign_in_tenant(text), claim_sign_in_email(text), release_sign_in_email(text), app_tenant(), app_client();
    `);
  }
}
