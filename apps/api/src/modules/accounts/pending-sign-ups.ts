import { randomBytes } from 'node:crypto';
import type { SqlRunner } from '../../core/tenancy/tenant-db.js';
import { hashToken } from '../../core/auth/tokens.js';

/**
 * Sign-ups waiting for their link (global: no tenant exists yet). Reached only through the SECURITY DEFINER
 * functions of migration 1763800011000; only a SHA-256 of the token is stored, like sessions and API keys.
 */
export interface PendingSignUp {
  email: string;
  consultancyName: string;
  name: string;
  /** Null unless the link can still be used. */
  passwordHash: string | null;
  state: 'OPEN' | 'USED' | 'EXPIRED';
}

/** `csu_` and 32 random bytes. Unlike session tokens it names no tenant: there is none until it is used. */
export function issueSignUpToken(): { token: string; hash: Buffer } {
  const token = `csu_${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token) };
}

/** Stores the sign-up, or (when the email already signs in somewhere) stores nothing and answers false. */
export async function beginSignUp(
  db: SqlRunner,
  signUp: { email: string; consultancyName: string; name: string; passwordHash: string },
  tokenHash: Buffer,
  expiresAt: Date,
): Promise<boolean> {
  const rows: { stored: boolean }[] = await db.query(
    'SELECT begin_sign_up($1, $2, $3, $4, $5, $6) AS stored',
    [signUp.email, tokenHash, signUp.consultancyName, signUp.name, signUp.passwordHash, expiresAt],
  );
  return rows[0]?.stored === true;
}

export async function findPendingSignUp(db: SqlRunner, tokenHash: Buffer): Promise<PendingSignUp | null> {
  const rows: PendingSignUp[] = await db.query(
    `SELECT email, consultancy_name AS "consultancyName", name, password_hash AS "passwordHash", state
       FROM pending_sign_up($1)`,
    [tokenHash],
  );
  return rows[0] ?? null;
}

/** True for the one confirmation that gets to use the link. */
export async function consumeSignUp(db: SqlRunner, tokenHash: Buffer): Promise<boolean> {
  const rows: { consumed: boolean | null }[] = await db.query('SELECT consume_sign_up($1) AS consumed', [
    tokenHash,
  ]);
  return rows[0]?.consumed === true;
}
