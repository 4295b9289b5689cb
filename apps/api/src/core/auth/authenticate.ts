import type { IncomingHttpHeaders } from 'node:http';
import { parse as parseCookie } from 'cookie';
import { permissionsOfScopes, type ApiScope, type Role } from '@csp/domain';
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
 * Resolves a session token or an API key to who is asking. The tenant is read off the token and set first, so the
 * lookup itself runs under row-level security like everything else. An unknown, expired or revoked token is simply
 * anonymous: the fields it asks for then answer UNAUTHENTICATED.
 */
export async function authenticate(token: string | undefined, db: RequestDatabase): Promise<Viewer> {
  if (!token) return ANONYMOUS;
  const viewer = token.startsWith('csp_') ? await keyViewer(token, db) : await sessionViewer(token, db);
  // Forget the tenant the token named: an unknown token must not leave its tenant set for the request.
  if (viewer.kind === 'anonymous') await db.finish('rollback');
  return viewer;
}

async function sessionViewer(token: string, db: RequestDatabase): Promise<Viewer> {
  const parsed = readToken('session', token);
  if (!parsed) return ANONYMOUS;
  // In the round trip that opens the transaction and sets the tenant ($1; $2 is the hash): see FirstRead.
  const rows = (await db.enterTenant(
    { tenantId: parsed.tenantId, clientId: null },
    {
      sql: `SELECT s.id AS session_id, u.id AS member_id, u.role, u.client_id
              FROM sessions s JOIN users u ON u.tenant_id = s.tenant_id AND u.id = s.user_id
             WHERE s.tenant_id = $1 AND s.token_hash = $2 AND s.revoked_at IS NULL AND s.expires_at > now()
               AND u.removed_at IS NULL`,
      values: [parsed.hash],
    },
  )) as unknown as SessionRow[];
  const row = rows[0];
  if (!row) return ANONYMOUS;
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

interface KeyRow {
  id: string;
  scopes: ApiScope[];
  client_id: string | null;
  created_by: string;
}

/** A revoked or expired key stops working on its very next request: nothing about keys is cached. */
async function keyViewer(token: string, db: RequestDatabase): Promise<Viewer> {
  const parsed = readToken('apiKey', token);
  if (!parsed) return ANONYMOUS;
  // In the round trip that opens the transaction and sets the tenant ($1; $2 is the hash): see FirstRead.
  const rows = (await db.enterTenant(
    { tenantId: parsed.tenantId, clientId: null },
    {
      // Marks "last used" at most once a minute, so busy keys do not queue on their own row's lock.
      sql: `WITH key AS (
              SELECT id, scopes, client_id, created_by, last_used_at FROM api_keys
               WHERE tenant_id = $1 AND secret_hash = $2 AND revoked_at IS NULL
                 AND (expires_at IS NULL OR expires_at > now())),
            touched AS (
              UPDATE api_keys k SET last_used_at = now() FROM key
               WHERE k.tenant_id = $1 AND k.id = key.id
                 AND (key.last_used_at IS NULL OR key.last_used_at < now() - interval '1 minute'))
            SELECT id, scopes, client_id, created_by FROM key`,
      values: [parsed.hash],
    },
  )) as unknown as KeyRow[];
  const row = rows[0];
  if (!row) return ANONYMOUS;
  if (row.client_id) await db.enterTenant({ tenantId: parsed.tenantId, clientId: row.client_id });
  return {
    kind: 'apiKey',
    tenantId: parsed.tenantId,
    apiKeyId: row.id,
    memberId: row.created_by,
    clientId: row.client_id,
    permissions: permissionsOfScopes(row.scopes, Boolean(row.client_id)),
  };
}
