import type { IncomingHttpHeaders } from 'node:http';
import { parse as parseCookie } from 'cookie';
import type { Role } from '@csp/domain';
import type { RequestDatabase } from '../tenancy/request-database.js';
import { readToken } from './tokens.js';
import { ANONYMOUS, type Viewer } from './viewer.js';

export const SESSION_COOKIE = 'csp_session';

/** The portal sends an httpOnly cookie; scripts and third parties send `Authorization: Bearer`. */
export function presentedToken(headers: IncomingHttpHeaders): string | undefined {
  const authorization = headers.authorization;
  if (authorization?.toLowerCase().startsWith('bearer ')) return authorization.slice(7).trim();
  const cookies = headers.cookie ? parseCookie(headers.cookie) : {};
  return cookies[SESSION_COOKIE];
}

interface SessionRow {
  session_id: string;
  member_id: string;
  role: Role;
  client_id: string | null;
}

/**
 * Resolves a session token to its member. The tenant is read off the token and set first, so the lookup runs under
 * row-level security like everything else. An unknown, expired or revoked token is simply anonymous.
 */
export async function authenticate(token: string | undefined, db: RequestDatabase): Promise<Viewer> {
  const parsed = token ? readToken('session', token) : null;
  if (!parsed) return ANONYMOUS;
  await db.enterTenant({ tenantId: parsed.tenantId, clientId: null });
  const rows: SessionRow[] = await db.read((m) =>
    m.query(
      `SELECT s.id AS session_id, u.id AS member_id, u.role, u.client_id
         FROM sessions s JOIN users u ON u.tenant_id = s.tenant_id AND u.id = s.user_id
        WHERE s.tenant_id = app_tenant() AND s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()`,
      [parsed.hash],
    ),
  );
  const row = rows[0];
  if (!row) {
    // Forget the tenant the token named: an unknown token must not leave its tenant set for the request.
    await db.finish('rollback');
    return ANONYMOUS;
  }
  if (row.client_id) await db.enterTenant({ tenantId: parsed.tenantId, clientId: row.client_id });
  return {
    kind: 'member',
    tenantId: parsed.tenantId,
    memberId: row.member_id,
    role: row.role,
    clientId: row.client_id,
    sessionId: row.session_id,
  };
}
