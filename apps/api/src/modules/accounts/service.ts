import { randomUUID } from 'node:crypto';
import { check, fieldError, logInInput, signUpInput, type FieldError } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { coded } from '../../core/errors.js';
import { hashPassword, spendVerificationTime, verifyPassword } from '../../core/auth/passwords.js';
import { ANONYMOUS } from '../../core/auth/viewer.js';
import { ConsultancyEntity, MemberEntity, type MemberRow } from './entities.js';
import { endSession, startSession } from './sessions.js';
import { claimSignInEmail } from './sign-in-directory.js';

export interface AuthPayload {
  token: string | null;
  member: MemberRow | null;
  userErrors: FieldError[];
}

const refused = (...userErrors: FieldError[]): AuthPayload => ({ token: null, member: null, userErrors });

function requireSignedOut(context: RequestContext) {
  if (context.viewer.kind !== 'anonymous') {
    throw coded('BAD_USER_INPUT', 'You are already signed in. Sign out first.');
  }
}

/** A new consultancy with its first admin; the email must not be in use anywhere in the deployment. */
export async function signUp(context: RequestContext, input: unknown): Promise<AuthPayload> {
  requireSignedOut(context);
  const checked = check(signUpInput, input);
  if (!checked.ok) return refused(...checked.errors);
  const { consultancyName, name, email, password } = checked.value;
  const passwordHash = await hashPassword(password);
  const tenantId = randomUUID();
  await context.db.enterTenant({ tenantId, clientId: null });
  return context.db.write(async (db) => {
    if (!(await claimSignInEmail(db, email))) {
      return refused(
        fieldError('email', 'TAKEN', 'An account with this email already exists. Sign in instead.'),
      );
    }
    const now = new Date();
    await db.getRepository(ConsultancyEntity).insert({ tenantId, name: consultancyName, createdAt: now });
    const member: MemberRow = {
      tenantId,
      id: randomUUID(),
      email,
      name,
      passwordHash,
      role: 'ADMIN',
      clientId: null,
      createdAt: now,
    };
    await db.getRepository(MemberEntity).insert(member);
    const token = await startSession(context, db, member);
    return { token, member, userErrors: [] };
  });
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
