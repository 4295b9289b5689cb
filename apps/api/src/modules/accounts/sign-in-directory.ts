import type { EntityManager } from 'typeorm';

/**
 * Emails sign in to exactly one consultancy, deployment-wide. The directory is reached only through SECURITY DEFINER
 * functions (see the first migration), and claims are always for the request's own tenant.
 */
export async function claimSignInEmail(db: EntityManager, email: string): Promise<boolean> {
  const rows: { claimed: boolean | null }[] = await db.query('SELECT claim_sign_in_email($1) AS claimed', [
    email,
  ]);
  return rows[0]?.claimed === true;
}
