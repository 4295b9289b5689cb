import { changePasswordInput, check, fieldError } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { coded } from '../../core/errors.js';
import { afterFailure, lockedUntil } from '../../core/auth/failure-runs.js';
import { hashPassword, verifyPassword } from '../../core/auth/passwords.js';
import { weakPasswordError } from '../../core/auth/password-strength.js';
import { ANONYMOUS, type MemberViewer } from '../../core/auth/viewer.js';
import { MemberEntity, type MemberRow } from './entities.js';
import { consultancyOf } from './loaders.js';
import { signInGuardOf } from './log-in.js';
import { endSession } from './sessions.js';
import { clearFailureRun, failureRunOf, lockSignInEmail, saveFailureRun } from './sign-in-failures.js';
import { refused, type Payload } from '../../core/payloads.js';

const WRONG_CURRENT = fieldError('currentPassword', 'INVALID', 'This is not your current password.');
const SIGNED_OUT = fieldError(
  'currentPassword',
  'INVALID',
  'This is not your current password, and there have been too many wrong ones: you have been signed out. ' +
    'Sign in again, or ask an admin of your consultancy to unlock your sign-in.',
);

/**
 * A signed-in member sets a new password. It works while sign-in is locked (this member already holds a session,
 * and changing the password is how they lift a lock someone else caused), but wrong current passwords count like
 * wrong sign-ins, and a session that reaches the lock with them is ended: a found session cannot guess forever.
 */
export async function changePassword(
  context: RequestContext,
  input: unknown,
): Promise<Payload<'ChangePasswordPayload'>> {
  const viewer = context.viewer;
  if (viewer.kind !== 'member') {
    throw coded('FORBIDDEN', 'Only a signed-in member can change their password; API keys have none.');
  }
  const checked = check(changePasswordInput, input);
  if (!checked.ok) return refused('member', ...checked.errors);
  const member = await context.db.read((db) =>
    db
      .getRepository(MemberEntity)
      .createQueryBuilder('m')
      .addSelect('m.passwordHash')
      .andWhere('m.id = :id', { id: viewer.memberId })
      .getOne(),
  );
  if (!member) throw coded('UNAUTHENTICATED', 'Sign in to do this.');
  return signInGuardOf(context).oneAtATime(member.email, () =>
    changeOwnPassword(context, viewer, member, checked.value),
  );
}

async function changeOwnPassword(
  context: RequestContext,
  viewer: MemberViewer,
  member: MemberRow,
  input: { currentPassword: string; newPassword: string },
): Promise<Payload<'ChangePasswordPayload'>> {
  const policy = signInGuardOf(context).accountPolicy;
  const run = await context.db.read(async (db) => {
    await lockSignInEmail(db, member.email);
    return failureRunOf(db, member.id);
  });
  // Joined through single sign-on, a member has no password to change (an admin's break-glass account has one).
  if (!member.passwordHash)
    return refused(
      'member',
      fieldError(
        'currentPassword',
        'NOT_ALLOWED',
        'You sign in through single sign-on: there is no password to change.',
      ),
    );
  if (!(await verifyPassword(member.passwordHash, input.currentPassword))) {
    const next = afterFailure(run, policy);
    // Outside the mutation's savepoint, like a wrong sign-in: the refusal must not roll the count back.
    await context.db.read((db) => saveFailureRun(db, member.id, next));
    if (!lockedUntil(next, policy)) return refused('member', WRONG_CURRENT);
    await context.db.read((db) => endSession(db, viewer.sessionId));
    context.session.clear();
    context.viewer = ANONYMOUS;
    return refused('member', SIGNED_OUT);
  }
  if (input.newPassword === input.currentPassword) {
    return refused(
      'member',
      fieldError('newPassword', 'INVALID', 'Choose a password different from your current one.'),
    );
  }
  const weak = await weakPasswordError(
    input.newPassword,
    {
      email: member.email,
      name: member.name,
      consultancyName: (await consultancyOf(context).load(member.tenantId))?.name,
    },
    'newPassword',
  );
  if (weak) return refused('member', weak);
  const passwordHash = await hashPassword(input.newPassword);
  return context.db.write(async (db) => {
    await db.getRepository(MemberEntity).update({ id: member.id }, { passwordHash });
    await clearFailureRun(db, member.id);
    // Whoever else holds a session (a forgotten laptop, a copied cookie) must now sign in with the new password.
    await db.query(
      'UPDATE sessions SET revoked_at = now() WHERE tenant_id = $3 AND user_id = $1 AND id <> $2 AND revoked_at IS NULL',
      [member.id, viewer.sessionId, db.tenantId],
    );
    return { member, userErrors: [] };
  });
}
