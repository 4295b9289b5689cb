import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from './tenant-table.js';

/**
 * Single sign-on (modules/sso): a consultancy's connections to identity providers, the email domains each one
 * routes once proved by DNS, people held for an admin's approval, and the bookkeeping that makes a sign-in usable
 * once (the state of each attempt, the SAML assertions already consumed) and a logout reach the provider.
 *
 * Members can be removed: their row stays (their name is on audits, actions, sign-offs), their sessions end, and
 * neither a password nor a provider signs them in again. People who arrive through a provider have no password.
 */
export class CreateSingleSignOn1763800030000 implements MigrationInterface {
  name = 'CreateSingleSignOn1763800030000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE users ADD COLUMN removed_at timestamptz;
      ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL;
      -- A sign-in through a provider, or its refusal, is no mutation: what happened is said here instead.
      ALTER TABLE activity_trail ADD COLUMN detail text;

      CREATE TABLE sso_connections (
        tenant_id uuid NOT NULL REFERENCES consultancies (tenant_id) ON DELETE CASCADE,
        id uuid NOT NULL,
        name text NOT NULL,
        protocol text NOT NULL CHECK (protocol IN ('OIDC', 'SAML')),
        oidc_issuer text,
        oidc_client_id text,
        oidc_client_secret text,
        saml_idp_entity_id text,
        saml_sso_url text,
        saml_logout_url text,
        saml_certificates text[] NOT NULL DEFAULT '{}',
        groups_claim text NOT NULL DEFAULT 'groups',
        -- [{ "group": "…", "role": "CONSULTANT", "clientId": null }], first match wins.
        role_mappings jsonb NOT NULL DEFAULT '[]',
        sso_only boolean NOT NULL DEFAULT false,
        break_glass_member_id uuid,
        -- The certificate warnings already sent (30, 7, 1 days before expiry), per certificate fingerprint.
        certificate_warnings jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, break_glass_member_id) REFERENCES users (tenant_id, id),
        CHECK (NOT sso_only OR break_glass_member_id IS NOT NULL),
        CHECK (protocol <> 'OIDC' OR (oidc_issuer IS NOT NULL AND oidc_client_id IS NOT NULL)),
        CHECK (protocol <> 'SAML' OR (saml_idp_entity_id IS NOT NULL AND saml_sso_url IS NOT NULL))
      );
      CREATE INDEX sso_connections_by_created ON sso_connections (tenant_id, created_at, id);

      CREATE TABLE sso_domains (
        tenant_id uuid NOT NULL REFERENCES consultancies (tenant_id) ON DELETE CASCADE,
        id uuid NOT NULL,
        connection_id uuid NOT NULL,
        domain text NOT NULL CHECK (domain = lower(domain)),
        verification_token text NOT NULL,
        verified_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, connection_id) REFERENCES sso_connections (tenant_id, id) ON DELETE CASCADE
      );
      CREATE UNIQUE INDEX sso_domains_once_per_consultancy ON sso_domains (tenant_id, domain);
      CREATE INDEX sso_domains_of_connection ON sso_domains (tenant_id, connection_id);

      CREATE TABLE sso_access_requests (
        tenant_id uuid NOT NULL REFERENCES consultancies (tenant_id) ON DELETE CASCADE,
        id uuid NOT NULL,
        connection_id uuid NOT NULL,
        email text NOT NULL CHECK (email = lower(email)),
        name text NOT NULL,
        groups text[] NOT NULL DEFAULT '{}',
        requested_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, connection_id) REFERENCES sso_connections (tenant_id, id) ON DELETE CASCADE
      );
      CREATE UNIQUE INDEX sso_access_requests_one_per_email ON sso_access_requests (tenant_id, email);

      -- One row per sign-in sent to a provider: its state (hashed), nonce and PKCE verifier (OIDC) or request id
      -- (SAML). Used once: the callback marks it, and a second callback with the same state is refused.
      CREATE TABLE sso_sign_in_attempts (
        tenant_id uuid NOT NULL REFERENCES consultancies (tenant_id) ON DELETE CASCADE,
        id uuid NOT NULL,
        connection_id uuid NOT NULL,
        state_hash bytea NOT NULL,
        nonce text,
        code_verifier text,
        request_id text,
        return_to text NOT NULL DEFAULT '/',
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, connection_id) REFERENCES sso_connections (tenant_id, id) ON DELETE CASCADE
      );
      CREATE UNIQUE INDEX sso_sign_in_attempts_by_state ON sso_sign_in_attempts (tenant_id, state_hash);

      -- SAML assertion ids already consumed, kept until the assertion itself expires: a replay is refused.
      CREATE TABLE sso_used_assertions (
        tenant_id uuid NOT NULL REFERENCES consultancies (tenant_id) ON DELETE CASCADE,
        connection_id uuid NOT NULL,
        assertion_id text NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, connection_id, assertion_id),
        FOREIGN KEY (tenant_id, connection_id) REFERENCES sso_connections (tenant_id, id) ON DELETE CASCADE
      );

      -- A session opened through a provider, with what its logout needs (the ID token, or SAML's NameID and index).
      CREATE TABLE sso_sessions (
        tenant_id uuid NOT NULL REFERENCES consultancies (tenant_id) ON DELETE CASCADE,
        session_id uuid NOT NULL,
        connection_id uuid NOT NULL,
        id_token text,
        name_id text,
        name_id_format text,
        session_index text,
        PRIMARY KEY (tenant_id, session_id),
        FOREIGN KEY (tenant_id, session_id) REFERENCES sessions (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, connection_id) REFERENCES sso_connections (tenant_id, id) ON DELETE CASCADE
      );
      CREATE INDEX sso_sessions_by_name_id ON sso_sessions (tenant_id, connection_id, name_id);

      -- Global, as sign_in_directory: a verified domain routes to one connection of one consultancy, found before
      -- any tenant is known. Reached only through the functions below.
      CREATE TABLE sso_domain_routes (
        domain text PRIMARY KEY CHECK (domain = lower(domain)),
        tenant_id uuid NOT NULL,
        connection_id uuid NOT NULL
      );
      CREATE INDEX sso_domain_routes_by_tenant ON sso_domain_routes (tenant_id);

      CREATE FUNCTION sso_domain_route(p_domain text)
        RETURNS TABLE (tenant_id uuid, connection_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
        AS $$ SELECT r.tenant_id, r.connection_id FROM sso_domain_routes r WHERE r.domain = lower(p_domain) $$;
      CREATE FUNCTION claim_sso_domain(p_domain text, p_connection_id uuid) RETURNS boolean
        LANGUAGE sql SECURITY DEFINER SET search_path = public
        AS $$
          INSERT INTO sso_domain_routes (domain, tenant_id, connection_id)
          VALUES (lower(p_domain), app_tenant(), p_connection_id)
          ON CONFLICT (domain) DO UPDATE SET connection_id = EXCLUDED.connection_id
            WHERE sso_domain_routes.tenant_id = app_tenant()
          RETURNING true
        $$;
      CREATE FUNCTION release_sso_domain(p_domain text) RETURNS void
        LANGUAGE sql SECURITY DEFINER SET search_path = public
        AS $$ DELETE FROM sso_domain_routes WHERE domain = lower(p_domain) AND tenant_id = app_tenant() $$;
      CREATE FUNCTION release_tenant_sso_domains() RETURNS void
        LANGUAGE sql SECURITY DEFINER SET search_path = public
        AS $$ DELETE FROM sso_domain_routes WHERE tenant_id = app_tenant() $$;
      REVOKE ALL ON FUNCTION sso_domain_route(text), claim_sso_domain(text, uuid), release_sso_domain(text),
        release_tenant_sso_domains() FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION sso_domain_route(text), claim_sso_domain(text, uuid), release_sso_domain(text),
        release_tenant_sso_domains() TO csp_app;
    `);
    for (const table of [
      'sso_connections',
      'sso_domains',
      'sso_access_requests',
      'sso_sign_in_attempts',
      'sso_used_assertions',
      'sso_sessions',
    ]) {
      await db.query(tenantIsolation(table));
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP FUNCTION sso_domain_route(text), claim_sso_domain(text, uuid), release_sso_domain(text),
        release_tenant_sso_domains();
      DROP TABLE sso_domain_routes, sso_sessions, sso_used_assertions, sso_sign_in_attempts, sso_access_requests,
        sso_domains, sso_connections;
      ALTER TABLE users DROP COLUMN removed_at;
      ALTER TABLE users ALTER COLUMN password_hash SET NOT NULL;
      ALTER TABLE activity_trail DROP COLUMN detail;
    `);
  }
}
