import { SSO_REFUSALS, check, fieldError, logInInput } from '@csp/domain';
import { recordProductAction } from '../../core/activity-trail.js';
import type { RequestContext } from '../../core/context.js';
import { coded } from '../../core/errors.js';
import { afterFailure, nextAttemptAt } from '../../core/auth/failure-runs.js';
import {
  hashPassword,
  needsRehash,
  spendVerificationTime,
  verifyPassword,
} from '../../core/auth/passwords.js';
import { createSignInGuard, type SignInGuard } from '../../core/auth/sign-in-guard.js';
import { ANONYMOUS } from '../../core/auth/viewer.js';
import { MemberEntity } from './entities.js';
import { endSession, startSession } from './sessions.js';
import { clearFailureRun, failureRunOf, lockSignInEmail, saveFailureRun } from './sign-in-failures.js';
import { WRONG_CREDENTIALS, mustWait } from './sign-in-refusals.js';
import { refused, type Payload } from '../../core/payloads.js';
import { passwordSignInPolicy } from '../sso/index.js';

const SSO_REQUIRED = fieldError('email', 'NOT_ALLOWED', SSO_REFUSALS.SSO_REQUIRED);

export function requireSignedOut(context: RequestContext) {
  if (context.viewer.kind !== 'anonymous') {
    throw coded('BAD_USER_INPUT', 'You are already signed in. Sign out first.');
  }
}

/** Scripts (the demo seed) sign in without an HTTP request, so without the API's guard: they get their own. */
let scriptGuard: SignInGuard | undefined;
export function signInGuardOf(context: RequestContext): SignInGuard {
  return context.signInGuard ?? (scriptGuard ??= createSignInGuard());
}

/**
 * Signs in with email and password. Wrong passwords slow the email down and then lock it (core/auth/failure-runs.ts),
 * and slow the caller's address down across emails; an email without an account is counted and answered by the
 * same rule, so neither the answers nor their timing tell who has an account.
 */
export async function logIn(context: RequestContext, input: unknown): Promise<Payload<'AuthPayload'>> {
  requireSignedOut(context);
  const checked = check(logInInput, input);
  if (!checked.ok) return refused(['token', 'member'], ...checked.errors);
  const { email, password } = checked.value;
  const guard = signInGuardOf(context);
  const addressWait = guard.addressWaitsUntil(context.clientAddress);
  if (addressWait) return refused(['token', 'member'], mustWait('address', addressWait));
  return guard.oneAtATime(email, () => attemptSignIn(context, guard, email, password));
}

async function attemptSignIn(
  context: RequestContext,
  guard: SignInGuard,
  email: string,
  password: string,
): Promise<Payload<'AuthPayload'>> {
  const tenantId = await context.db.beforeTenant((db) => lockSignInEmail(db, email));
  const member = tenantId ? await memberSigningIn(context, tenantId, email) : null;
  const run = member ? member.run : guard.unknownEmailRun(email);
  const emailWait = nextAttemptAt(run, guard.accountPolicy);
  if (emailWait) return refused(['token', 'member'], mustWait('email', emailWait));
  // Checked again now that earlier attempts from the same address have had their turn.
  const addressWait = guard.addressWaitsUntil(context.clientAddress);
  if (addressWait) return refused(['token', 'member'], mustWait('address', addressWait));
  const refund = guard.chargeAddress(context.clientAddress);
  // Decided by the email's domain, whoever it belongs to: the refusal tells nobody who has an account.
  const policy = await passwordSignInPolicy(context, email, member && member.row);
  if (policy.kind === 'SSO_REQUIRED') {
    refund();
    return refused(['token', 'member'], SSO_REQUIRED);
  }

  if (!member) {
    await spendVerificationTime(password);
    guard.recordUnknownEmailFailure(email);
    return refused(['token', 'member'], WRONG_CREDENTIALS);
  }
  const { row } = member;
  if (!(await passwordMatches(row.passwordHash, password))) {
    // In the request's transaction but outside the mutation's savepoint: a refused sign-in answers with user
    // errors, which roll the savepoint back, and the failure must stay counted.
    await context.db.read((db) => saveFailureRun(db, row.id, afterFailure(run, guard.accountPolicy)));
    return refused(['token', 'member'], WRONG_CREDENTIALS);
  }
  refund();
  // Hashes from before today's argon2 parameters move to them now, while the password is at hand.
  const upgraded = row.passwordHash && needsRehash(row.passwordHash) ? await hashPassword(password) : null;
  return context.db.write(async (db) => {
    if (run) await clearFailureRun(db, row.id);
    if (upgraded) await db.getRepository(MemberEntity).update({ id: row.id }, { passwordHash: upgraded });
    // An SSO-only connection's one way around it while the identity provider is down: every use is on the trail.
    if (policy.kind === 'BREAK_GLASS')
      await recordProductAction(db, context.requestId, {
        action: 'breakGlassSignIn',
        object: { type: 'SsoConnection', id: policy.connectionId },
        actorMemberId: row.id,
      });
    const token = await startSession(context, db, row);
    return { token, member: row, userErrors: [] };
  });
}

/** A person who joined through single sign-on has no password: any password is wrong, in the same time. */
async function passwordMatches(hash: string | null, password: string): Promise<boolean> {
  if (hash) return verifyPassword(hash, password);
  await spendVerificationTime(password);
  return false;
}

async function memberSigningIn(context: RequestContext, tenantId: string, email: string) {
  await context.db.enterTenant({ tenantId, clientId: null });
  return context.db.read(async (db) => {
    const row = await db
      .getRepository(MemberEntity)
      .createQueryBuilder('m')
      .addSelect('m.passwordHash')
      .andWhere('m.email = :email', { email })
      // A removed member signs in no more: their email answers as one without an account.
      .andWhere('m.removedAt IS NULL')
      .getOne();
    return row ? { row, run: await failureRunOf(db, row.id) } : null;
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
