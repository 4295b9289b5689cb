import type { TenantDb } from '../../core/tenancy/tenant-db.js';

/**
 * Emails sign in to exactly one consultancy, deployment-wide. The directory is reached only through SECURITY DEFINER
 * functions (see the first migration), and claims are always for the request's own tenant.
 */
export async function claimSignInEmail(db: TenantDb, email: string): Promise<boolean> {
  const rows: { claimed: boolean | null }[] = await db.query('SELECT claim_sign_in_email($1) AS claimed', [
    email,
  ]);
  return rows[0]?.claimed === true;
}
