import type { MigrationInterface, QueryRunner } from 'typeorm';
import { publishedOnlyForClients, tenantIsolation } from './tenant-table.js';

/**
 * Audits: a consultancy's own framework copies (each edit a new version), the audits with the exact framework they
 * used, their responses, and the links from charter promises to the criteria that test them. Built-in frameworks
 * stay in code (packages/domain), so only copies are stored.
 *
 * An audit keeps its framework as JSON on its own row: a later edit of the copy cannot change what an old audit
 * measured. Its scores are stored when it is published, for history and for the industry benchmark, which reads
 * other clients' published scores through `industry_benchmark_rows` without ever returning who they are.
 */
export class CreateAudits1763800003000 implements MigrationInterface {
  name = 'CreateAudits1763800003000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_frameworks (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        key text NOT NULL,
        name text NOT NULL,
        based_on_key text,
        latest_version integer NOT NULL DEFAULT 1 CHECK (latest_version >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        -- Also the order of the list of copies.
        UNIQUE (tenant_id, key)
      );

      CREATE TABLE audit_framework_versions (
        tenant_id uuid NOT NULL,
        framework_id uuid NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        definition jsonb NOT NULL CHECK (jsonb_typeof(definition) = 'object'),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, framework_id, version),
        FOREIGN KEY (tenant_id, framework_id) REFERENCES audit_frameworks (tenant_id, id) ON DELETE CASCADE
      );

      CREATE TABLE audits (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL,
        engagement_id uuid,
        framework_key text NOT NULL,
        framework_version integer NOT NULL CHECK (framework_version >= 1),
        framework jsonb NOT NULL CHECK (jsonb_typeof(framework) = 'object'),
        title text NOT NULL,
        status text NOT NULL DEFAULT 'DRAFT'
          CHECK (status IN ('DRAFT', 'IN_PROGRESS', 'SUBMITTED', 'PUBLISHED')),
        conducted_on date NOT NULL,
        revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        submitted_at timestamptz,
        published_at timestamptz,
        overall_score double precision CHECK (overall_score BETWEEN 0 AND 100),
        section_scores jsonb CHECK (section_scores IS NULL OR jsonb_typeof(section_scores) = 'array'),
        flagged boolean,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, client_id, id),
        FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, client_id, engagement_id) REFERENCES engagements (tenant_id, client_id, id),
        FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id),
        -- A published audit always carries the scores it was published with.
        CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL)),
        CHECK (status <> 'PUBLISHED' OR (section_scores IS NOT NULL AND flagged IS NOT NULL))
      );
      -- The list, newest first: across the consultancy, per client (also Client.audits), per framework, per status.
      CREATE INDEX audits_by_date ON audits (tenant_id, conducted_on DESC, created_at DESC, id DESC);
      CREATE INDEX audits_by_client ON audits (tenant_id, client_id, conducted_on DESC, created_at DESC, id DESC);
      CREATE INDEX audits_by_framework
        ON audits (tenant_id, framework_key, conducted_on DESC, created_at DESC, id DESC);
      CREATE INDEX audits_by_status ON audits (tenant_id, status, conducted_on DESC, created_at DESC, id DESC);
      -- A client's history per framework (previous audit, deltas, trend, Client.audits).
      CREATE INDEX audits_client_history
        ON audits (tenant_id, client_id, framework_key, conducted_on, created_at, id);
      -- The benchmark: the latest published audit of each client on one framework.
      CREATE INDEX audits_for_benchmark
        ON audits (tenant_id, framework_key, status, client_id, conducted_on DESC, created_at DESC);

      CREATE TABLE audit_responses (
        tenant_id uuid NOT NULL,
        audit_id uuid NOT NULL,
        client_id uuid NOT NULL,
        criterion_key text NOT NULL,
        score smallint CHECK (score BETWEEN 1 AND 5),
        not_applicable boolean NOT NULL DEFAULT false,
        evidence text,
        note text,
        internal boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid,
        PRIMARY KEY (tenant_id, audit_id, criterion_key),
        FOREIGN KEY (tenant_id, client_id, audit_id) REFERENCES audits (tenant_id, client_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, updated_by) REFERENCES users (tenant_id, id),
        -- Scored or not applicable, never both and never neither.
        CHECK ((score IS NULL) = not_applicable)
      );

      CREATE TABLE promise_criterion_links (
        tenant_id uuid NOT NULL,
        client_id uuid NOT NULL,
        charter_id uuid NOT NULL,
        promise_key text NOT NULL,
        framework_key text NOT NULL,
        criterion_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, charter_id, promise_key, framework_key, criterion_key),
        FOREIGN KEY (tenant_id, client_id, charter_id)
          REFERENCES charters (tenant_id, client_id, id) ON DELETE CASCADE
      );
      CREATE INDEX promise_links_by_framework
        ON promise_criterion_links (tenant_id, charter_id, framework_key, promise_key, criterion_key);

      /*
        A client leader's fence hides other clients, yet the benchmark needs their published scores. Inside this
        function the client fence is lifted (app.client_id is emptied for its duration only); the tenant policy
        still applies, and only scores leave it: no client id, no name, one row per other client.
      */
      CREATE FUNCTION industry_benchmark_rows(p_framework_key text, p_industry text, p_exclude_client uuid)
        RETURNS TABLE (overall double precision, section_scores jsonb)
        LANGUAGE sql STABLE SET app.client_id = ''
        AS $$
          SELECT latest.overall_score, latest.section_scores
            FROM (
              SELECT DISTINCT ON (a.client_id) a.overall_score, a.section_scores
                FROM audits a
                JOIN clients c ON c.tenant_id = a.tenant_id AND c.id = a.client_id
               WHERE a.framework_key = p_framework_key
                 AND a.status = 'PUBLISHED'
                 AND a.overall_score IS NOT NULL
                 AND c.industry = p_industry
                 AND a.client_id <> p_exclude_client
               ORDER BY a.client_id, a.conducted_on DESC, a.created_at DESC
            ) latest
           ORDER BY latest.overall_score
        $$;
      REVOKE ALL ON FUNCTION industry_benchmark_rows(text, text, uuid) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION industry_benchmark_rows(text, text, uuid) TO csp_app;
    `);
    await db.query(tenantIsolation('audit_frameworks'));
    await db.query(tenantIsolation('audit_framework_versions'));
    for (const table of ['audits', 'audit_responses', 'promise_criterion_links']) {
      await db.query(tenantIsolation(table, { clientColumn: 'client_id' }));
    }
    await db.query(publishedOnlyForClients('audits', "status = 'PUBLISHED'"));
    await db.query(
      publishedOnlyForClients(
        'audit_responses',
        `EXISTS (SELECT 1 FROM audits a WHERE a.tenant_id = audit_responses.tenant_id
                   AND a.id = audit_responses.audit_id AND a.status = 'PUBLISHED')`,
      ),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP FUNCTION industry_benchmark_rows(text, text, uuid);
      DROP TABLE promise_criterion_links, audit_responses, audits, audit_framework_versions, audit_frameworks;
    `);
  }
}
