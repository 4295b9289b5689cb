import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A consultancy may leave with its data: deleting its row cascades to everything it owns, and this function
 * frees its members' emails in the global sign-in directory (which the API role cannot touch directly).
 */
export class AllowConsultancyDeletion1763800008000 implements MigrationInterface {
  name = 'AllowConsultancyDeletion1763800008000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION release_tenant_sign_ins() RETURNS void
        LANGUAGE sql SECURITY DEFINER SET search_path = public
        AS $$ DELETE FROM sign_in_directory WHERE tenant_id = app_tenant() $$;
      REVOKE ALL ON FUNCTION release_tenant_sign_ins() FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION release_tenant_sign_ins() TO csp_app;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP FUNCTION release_tenant_sign_ins()');
  }
}
