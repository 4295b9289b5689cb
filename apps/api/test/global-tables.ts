/**
 * The tables that belong to no tenant: what sign-in, sign-up, public feedback links and single sign-on must find
 * before any tenant is known (each reached only through SECURITY DEFINER functions), and TypeORM's own. The catalog
 * and Citus tests both check the schema against this one list.
 */
export const GLOBAL_TABLES = [
  'migrations',
  'sign_in_directory',
  'pending_sign_ups',
  'pre_tenant_mail',
  'feedback_link_directory',
  'sso_domain_routes',
];
