import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The client fence reads its setting once per statement instead of once per row.
 *
 * The restrictive policies (`client_fence`, `published_only`) said `app_client() IS NULL OR client_id =
 * app_client()`. PostgreSQL inlines `app_client()` into every row's filter, so a scan of 55,000 complaints parsed
 * the setting 110,000 times: the complaint patterns spent half their time in PostgreSQL there (42 against 21 ms
 * for the monthly counts; bench/README.md). Wrapped in a scalar subquery, `(SELECT app_client())`, it becomes an
 * InitPlan evaluated once, and each row compares with a parameter. What the policies allow is unchanged: the same
 * expressions, read once. Every policy that names `app_client()` is rewritten from its own text in the catalog, so
 * none is missed; `tenant_isolation` needs nothing (the planner already folds `tenant_id = app_tenant()` into a
 * one-time filter, as every statement names its tenant). New tables use `clientFenceReadOnce` (tenant-table.ts).
 */
export class ReadClientFenceOncePerStatement1763800022000 implements MigrationInterface {
  name = 'ReadClientFenceOncePerStatement1763800022000';

  async up(db: QueryRunner): Promise<void> {
    await rewritePolicies(db, (rule) => rule.replaceAll('app_client()', '(SELECT app_client())'));
  }

  async down(db: QueryRunner): Promise<void> {
    await rewritePolicies(db, (rule) =>
      rule.replaceAll('( SELECT app_client() AS app_client)', 'app_client()'),
    );
  }
}

async function rewritePolicies(db: QueryRunner, rewrite: (rule: string) => string): Promise<void> {
  const policies: { table: string; policy: string; using: string | null; check: string | null }[] =
    await db.query(
      `SELECT tablename AS table, policyname AS policy, qual AS using, with_check AS check
       FROM pg_policies
      WHERE schemaname = current_schema() AND (qual LIKE '%app_client()%' OR with_check LIKE '%app_client()%')
      ORDER BY tablename, policyname`,
    );
  for (const { table, policy, using, check } of policies) {
    const clauses = [using && `USING (${rewrite(using)})`, check && `WITH CHECK (${rewrite(check)})`];
    await db.query(`ALTER POLICY ${policy} ON ${table} ${clauses.filter(Boolean).join(' ')}`);
  }
}
