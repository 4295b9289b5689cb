import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The industry benchmark function takes the tenant as its first argument and names it in its WHERE, like every
 * other statement of the API (issue 12): on Citus its query then runs on the one worker holding that consultancy
 * instead of on all of them. Row-level security still applies inside (the function is not SECURITY DEFINER), so a
 * tenant other than the request's reads nothing.
 */
export class BenchmarkNamesItsTenant1763800014000 implements MigrationInterface {
  name = 'BenchmarkNamesItsTenant1763800014000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP FUNCTION industry_benchmark_rows(text, text, uuid, timestamptz);
      CREATE FUNCTION industry_benchmark_rows(
        p_tenant uuid, p_framework_key text, p_industry text, p_exclude_client uuid, p_published_by timestamptz
      )
        RETURNS TABLE (overall double precision, section_scores jsonb)
        LANGUAGE sql STABLE SET app.client_id = ''
        AS $$
          SELECT latest.overall_score, latest.section_scores
            FROM (
              SELECT DISTINCT ON (a.client_id) a.overall_score, a.section_scores
                FROM audits a
                JOIN clients c ON c.tenant_id = a.tenant_id AND c.id = a.client_id
               WHERE a.tenant_id = p_tenant
                 AND a.framework_key = p_framework_key
                 AND a.status = 'PUBLISHED'
                 AND a.overall_score IS NOT NULL
                 AND (p_published_by IS NULL OR a.published_at <= p_published_by)
                 AND c.industry = p_industry
                 AND a.client_id <> p_exclude_client
               ORDER BY a.client_id, a.conducted_on DESC, a.created_at DESC
            ) latest
           ORDER BY latest.overall_score
        $$;
      REVOKE ALL ON FUNCTION industry_benchmark_rows(uuid, text, text, uuid, timestamptz) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION industry_benchmark_rows(uuid, text, text, uuid, timestamptz) TO csp_app;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP FUNCTION industry_benchmark_rows(uuid, text, text, uuid, timestamptz);
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
}
