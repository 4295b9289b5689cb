import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A published audit's industry benchmark is frozen at publication (issue 11): read live, the figures moved each
 * time another client published, and reading them before and after gave that client's score away. The snapshot is
 * kept on the audit's own row, so it is fenced like the audit (tenant, client, published only) with no new table,
 * and nothing changes for Citus: the row is already distributed by tenant_id.
 *
 * It holds only the banded figures the API shows (never another client's score or id), because a client leader's
 * session can read its own audits' rows.
 *
 * Audits published before this migration are not filled here: with FORCE ROW LEVEL SECURITY the owner sees no
 * tenant's rows, and the figures are the domain's arithmetic, which belongs in code, not SQL. Instead the API fills
 * a missing snapshot at its first read, as the benchmark stood at that audit's publication (only audits published
 * by then count), which is why the benchmark function now takes that moment.
 */
export class FreezeAuditBenchmarks1763800012000 implements MigrationInterface {
  name = 'FreezeAuditBenchmarks1763800012000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE audits
        ADD COLUMN benchmark jsonb CHECK (benchmark IS NULL OR jsonb_typeof(benchmark) = 'object'),
        -- Only publication freezes a benchmark; an audit under way shows live figures.
        ADD CONSTRAINT audits_benchmark_frozen_at_publication CHECK (benchmark IS NULL OR status = 'PUBLISHED');

      DROP FUNCTION industry_benchmark_rows(text, text, uuid);

      /*
        As before (the client fence lifted inside, the tenant policy kept, scores only), plus a moment: only audits
        published by then count, so a benchmark computed later for an older audit is the one it had at publication.
        Null means now.
      */
      CREATE FUNCTION industry_benchmark_rows(
        p_framework_key text, p_industry text, p_exclude_client uuid, p_published_by timestamptz
      )
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
                 AND (p_published_by IS NULL OR a.published_at <= p_published_by)
                 AND c.industry = p_industry
                 AND a.client_id <> p_exclude_client
               ORDER BY a.client_id, a.conducted_on DESC, a.created_at DESC
            ) latest
           ORDER BY latest.overall_score
        $$;
      REVOKE ALL ON FUNCTION industry_benchmark_rows(text, text, uuid, timestamptz) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION industry_benchmark_rows(text, text, uuid, timestamptz) TO csp_app;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP FUNCTION industry_benchmark_rows(text, text, uuid, timestamptz);
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
      ALTER TABLE audits DROP CONSTRAINT audits_benchmark_frozen_at_publication, DROP COLUMN benchmark;
    `);
  }
}
