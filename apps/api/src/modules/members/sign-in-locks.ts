import type { FieldError } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { lockedUntil } from '../../core/auth/failure-runs.js';
import { perRequest } from '../../core/loaders.js';
import { isUuid, notFound } from '../../core/user-errors.js';
import {
  MemberEntity,
  type MemberRow,
  signInGuardOf,
  clearFailureRun,
  failureRunsOf,
} from '../accounts/index.js';
import { loadParent, refused } from '../../core/payloads.js';

/** Until when each member's sign-in is locked, read for a whole page of members at once. */
export const signInLockOf = perRequest<string, Date | null>('signInLockOf', async (context, ids) => {
  const runs = await context.db.read((db) => failureRunsOf(db, ids));
  const policy = signInGuardOf(context).accountPolicy;
  return ids.map((id) => lockedUntil(runs.get(id), policy));
});

/** An admin lifts the lock (and the slow-down before it): the member's run of wrong passwords is forgotten. */
export async function unlockMemberSignIn(
  context: RequestContext,
  input: { memberId: string },
): Promise<{ member: MemberRow | null; userErrors: FieldError[] }> {
  if (!isUuid(input.memberId)) return refused('member', notFound('memberId', 'member'));
  return context.db.write(async (db) => {
    const found = await loadParent({ memberId: input.memberId }, 'member', (id) =>
      db.getRepository(MemberEntity).findOneBy({ id }),
    );
    if (!found.ok) return refused('member', ...found.errors);
    const member = found.value;
    await clearFailureRun(db, member.id);
    return { member, userErrors: [] };
  });
}
