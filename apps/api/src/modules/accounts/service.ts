import { check, fieldError, logInInput, type FieldError } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { coded } from '../../core/errors.js';
import { spendVerificationTime, verifyPassword } from '../../core/auth/passwords.js';
import { ANONYMOUS } from '../../core/auth/viewer.js';
import { MemberEntity, type MemberRow } from './entities.js';
import { endSession, startSession } from './sessions.js';

export interface AuthPayload {
  token: string | null;
  member: MemberRow | null;
  userErrors: FieldError[];
}

const refused = (...userErrors: FieldError[]): AuthPayload => ({ token: null, member: null, userErrors });

export function requireSignedOut(context: RequestContext) {
  if (context.viewer.kind !== 'anonymous') {
    throw coded('BAD_USER_INPUT', 'You are already signed in. Sign out first.');
  }
}

const WRONG_CREDENTIALS = fieldError('password', 'INVALID', 'The email or password is not right.');

export async function logIn(context: RequestContext, input: unknown): Promise<AuthPayload> {
  requireSignedOut(context);
  const checked = check(logInInput, input);
  if (!checked.ok) return refused(...checked.errors);
  const { email, password } = checked.value;
  const rows: { tenant_id: string | null }[] = await context.db.beforeTenant((db) =>
    db.query('SELECT sign_in_tenant($1) AS tenant_id', [email]),
  );
  const tenantId = rows[0]?.tenant_id;
  if (!tenantId) {
    await spendVerificationTime(password);
    return refused(WRONG_CREDENTIALS);
  }
  await context.db.enterTenant({ tenantId, clientId: null });
  const member = await context.db.read((db) =>
    db
      .getRepository(MemberEntity)
      .createQueryBuilder('m')
      .addSelect('m.passwordHash')
      .where('m.email = :email', { email })
      .getOne(),
  );
  if (!member || !(await verifyPassword(member.passwordHash, password))) return refused(WRONG_CREDENTIALS);
  return context.db.write(async (db) => {
    const token = await startSession(context, db, member);
    return { token, member, userErrors: [] };
  });
}

export async function logOut(context: RequestContext): Promise<{ loggedOut: boolean }> {
  const viewer = context.viewer;
  context.session.clear();
  if (viewer.kind !== 'member') return { loggedOut: false };
  await context.db.write((db) => endSession(db, viewer.sessionId));
  context.viewer = ANONYMOUS;
  return { loggedOut: true };
}
