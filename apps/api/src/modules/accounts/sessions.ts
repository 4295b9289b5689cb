import { randomUUID } from 'node:crypto';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import type { RequestContext } from '../../core/context.js';
import { issueToken } from '../../core/auth/tokens.js';
import { SessionEntity, type MemberRow } from './entities.js';

/** Opens a session for a member who just proved who they are, and makes the rest of the request theirs. */
export async function startSession(
  context: RequestContext,
  db: TenantDb,
  member: MemberRow,
): Promise<string> {
  const { token, hash } = issueToken('session', member.tenantId);
  const now = new Date();
  const expiresAt = new Date(now.getTime() + context.settings.sessionDays * 86_400_000);
  const sessionId = randomUUID();
  await db.getRepository(SessionEntity).insert({
    tenantId: member.tenantId,
    id: sessionId,
    userId: member.id,
    tokenHash: hash,
    createdAt: now,
    expiresAt,
    revokedAt: null,
  });
  context.viewer = {
    kind: 'member',
    tenantId: member.tenantId,
    memberId: member.id,
    role: member.role,
    clientId: member.clientId,
    sessionId,
  };
  await context.db.enterTenant({ tenantId: member.tenantId, clientId: member.clientId });
  context.session.set(token, expiresAt);
  return token;
}

/** A revoked session stops working on the very next request: every request looks its token up afresh. */
export async function endSession(db: TenantDb, sessionId: string): Promise<void> {
  await db.getRepository(SessionEntity).update({ id: sessionId }, { revokedAt: new Date() });
}
