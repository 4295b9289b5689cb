import { randomUUID } from 'node:crypto';
import { acceptInvitationInput, check, fieldError, invitationInput } from '@csp/domain';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { RequestContext } from '../../core/context.js';
import { issueToken, readToken } from '../../core/auth/tokens.js';
import { hashPassword } from '../../core/auth/passwords.js';
import { weakPasswordError } from '../../core/auth/password-strength.js';
import { isUuid, notFound } from '../../core/user-errors.js';
import { requireActor } from '../../core/auth/viewer.js';
import { logger } from '../../core/logger.js';
import {
  MemberEntity,
  type MemberRow,
  consultancyOf,
  startSession,
  claimSignInEmail,
} from '../accounts/index.js';
import { clientExists } from '../clients/index.js';
import { InvitationEntity, type InvitationRow } from './entities.js';
import { queueInvitationMail } from './invitation-mail.js';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { invitationStatus } from './queries.js';
import { loadParent, refused, type Payload } from '../../core/payloads.js';

const INVITATION_DAYS = 14;

/**
 * Invites someone: the link goes by mail to the invitee only, never to the admin, so only the mailbox owner can
 * accept. Whether the address has an account in another consultancy is not looked at here: the admin gets the same
 * answer after the same work either way (the invitee learns it when accepting). A member of this consultancy with
 * the address is refused by name, since the admin sees their members anyway. The mail is queued in the same
 * transaction as the invitation, so an invitation that does not commit sends nothing.
 */
export async function inviteMember(
  context: RequestContext,
  input: unknown,
): Promise<Payload<'InviteMemberPayload'>> {
  const checked = check(invitationInput, input);
  if (!checked.ok) return refused('invitation', ...checked.errors);
  const { email, role, clientId } = checked.value;
  const viewer = requireActor(context.viewer);
  const { token, hash } = issueToken('invitation', viewer.tenantId);
  const answer = await context.db.write(async (db) => {
    if (clientId && !(await clientExists(db, clientId))) {
      return refused('invitation', notFound('clientId', 'client'));
    }
    if (await db.getRepository(MemberEntity).existsBy({ email })) {
      return refused(
        'invitation',
        fieldError('email', 'TAKEN', 'Someone with this email is already a member.'),
      );
    }
    const now = new Date();
    const invitation: InvitationRow = {
      tenantId: viewer.tenantId,
      id: randomUUID(),
      email,
      role,
      clientId: clientId ?? null,
      tokenHash: hash,
      invitedBy: viewer.memberId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
      acceptedAt: null,
      revokedAt: null,
    };
    await db.getRepository(InvitationEntity).insert(invitation);
    await mailInvitation(context, db, invitation, token);
    return { invitation, userErrors: [] };
  });
  return answer;
}

/**
 * Sends a pending (or expired) invitation again with a new link and a new expiry: the old link stops working, since
 * only the new token's hash is kept. Accepted and revoked invitations are not sent again (invite again instead).
 */
export async function resendInvitation(context: RequestContext, input: { id: string }) {
  const viewer = requireActor(context.viewer);
  const { token, hash } = issueToken('invitation', viewer.tenantId);
  const answer = await context.db.write(async (db): Promise<Payload<'InviteMemberPayload'>> => {
    const repository = db.getRepository(InvitationEntity);
    const invitation = isUuid(input.id)
      ? await repository
          .createQueryBuilder('i')
          .andWhere('i.id = :id', { id: input.id })
          .setLock('pessimistic_write')
          .getOne()
      : null;
    if (!invitation) return refused('invitation', notFound('id', 'invitation'));
    const status = invitationStatus(invitation);
    if (status === 'ACCEPTED') {
      return refused('invitation', fieldError('id', 'NOT_ALLOWED', 'This invitation was already accepted.'));
    }
    if (status === 'REVOKED') {
      return refused(
        'invitation',
        fieldError('id', 'NOT_ALLOWED', 'This invitation was revoked. Invite them again instead.'),
      );
    }
    const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
    await repository.update({ id: invitation.id }, { tokenHash: hash, expiresAt });
    await mailInvitation(context, db, { ...invitation, expiresAt }, token);
    return { invitation: { ...invitation, expiresAt }, userErrors: [] };
  });
  return answer;
}

/**
 * One address gets a few invitation mails an hour at most, from every consultancy together, so nobody can flood a
 * stranger's inbox through us. Over the limit the answer is unchanged (a refusal would tell the admin that other
 * consultancies invited the address) and no mail goes; the admin can send it again later. In memory, per process.
 */
const invitationMailsPerAddress = new RateLimiterMemory({ points: 5, duration: 3600 });

/** Queues the mail in the transaction of the invitation it carries (see invitation-mail.ts). */
async function mailInvitation(
  context: RequestContext,
  db: TenantDb,
  invitation: InvitationRow,
  token: string,
) {
  try {
    await invitationMailsPerAddress.consume(invitation.email);
  } catch {
    logger.info(
      { requestId: context.requestId },
      'invitation mail not sent: too many for this address this hour',
    );
    return;
  }
  const [names]: { consultancy: string; inviter: string | null; client: string | null }[] = await db.query(
    `SELECT c.name AS consultancy, u.name AS inviter, cl.name AS client FROM consultancies c
       LEFT JOIN users u ON u.tenant_id = c.tenant_id AND u.id = $1
       LEFT JOIN clients cl ON cl.tenant_id = c.tenant_id AND cl.id = $2
      WHERE c.tenant_id = $3`,
    [invitation.invitedBy, invitation.clientId, db.tenantId],
  );
  await queueInvitationMail(db, {
    to: invitation.email,
    inviterName: names?.inviter ?? 'An admin',
    consultancyName: names?.consultancy ?? 'a consultancy',
    role: invitation.role,
    clientId: invitation.clientId,
    clientName: names?.client ?? null,
    expiresAt: invitation.expiresAt,
    publicUrl: context.settings.publicUrl,
    token,
  });
}

export async function revokeInvitation(context: RequestContext, input: { id: string }) {
  return context.db.write(async (db) => {
    const repository = db.getRepository(InvitationEntity);
    const found = await loadParent({ id: input.id }, 'invitation', (id) => repository.findOneBy({ id }));
    if (!found.ok) return refused('invitation', ...found.errors);
    const invitation = found.value;
    if (invitation.acceptedAt) {
      const error = fieldError('id', 'NOT_ALLOWED', 'This invitation was already accepted.');
      return refused('invitation', error);
    }
    invitation.revokedAt ??= new Date();
    await repository.update({ id: invitation.id }, { revokedAt: invitation.revokedAt });
    return { invitation, userErrors: [] };
  });
}

/** Finds a usable invitation by its token, with the request's tenant set from it. Null when it cannot be used. */
async function openInvitation(context: RequestContext, token: string): Promise<InvitationRow | null> {
  const parsed = readToken('invitation', token);
  if (!parsed) return null;
  if (context.db.fence && context.db.fence.tenantId !== parsed.tenantId) return null;
  if (!context.db.fence) await context.db.enterTenant({ tenantId: parsed.tenantId, clientId: null });
  const invitation = await context.db.read((db) =>
    db.getRepository(InvitationEntity).findOneBy({ tokenHash: parsed.hash }),
  );
  return invitation && invitationStatus(invitation) === 'PENDING' ? invitation : null;
}

export async function previewInvitation(context: RequestContext, token: string) {
  const invitation = await openInvitation(context, token);
  if (!invitation) return null;
  const rows: { consultancy: string; client: string | null }[] = await context.db.read((db) =>
    db.query(
      `SELECT c.name AS consultancy, cl.name AS client FROM consultancies c
         LEFT JOIN clients cl ON cl.tenant_id = c.tenant_id AND cl.id = $1
        WHERE c.tenant_id = $2`,
      [invitation.clientId, db.tenantId],
    ),
  );
  return {
    consultancyName: rows[0]?.consultancy ?? '',
    email: invitation.email,
    role: invitation.role,
    clientName: rows[0]?.client ?? null,
    expiresAt: invitation.expiresAt,
  };
}

/**
 * Only the invitee's mailbox has the link now, so telling its owner that their address is in use is safe. Emails
 * are unique across the deployment: one address belongs to one consultancy.
 */
const TAKEN_ELSEWHERE = fieldError(
  'token',
  'TAKEN',
  'This email already has a Service Programme account (with another consultancy, or this one), and an email can ' +
    'belong to one account only. Sign in with that account, or ask whoever invited you to invite another address.',
);

export async function acceptInvitation(
  context: RequestContext,
  input: unknown,
): Promise<Payload<'AuthPayload'>> {
  if (context.viewer.kind !== 'anonymous') {
    return refused(
      ['token', 'member'],
      fieldError('token', 'NOT_ALLOWED', 'Sign out before accepting an invitation.'),
    );
  }
  const checked = check(acceptInvitationInput, input);
  if (!checked.ok) return refused(['token', 'member'], ...checked.errors);
  const invitation = await openInvitation(context, checked.value.token);
  if (!invitation) {
    return refused(
      ['token', 'member'],
      fieldError('token', 'INVALID', 'This invitation is no longer valid. Ask for a new one.'),
    );
  }
  const weak = await weakPasswordError(checked.value.password, {
    email: invitation.email,
    name: checked.value.name,
    consultancyName: (await consultancyOf(context).load(invitation.tenantId))?.name,
  });
  if (weak) return refused(['token', 'member'], weak);
  const passwordHash = await hashPassword(checked.value.password);
  return context.db.write(async (db) => {
    if (!(await claimSignInEmail(db, invitation.email))) {
      return refused(['token', 'member'], TAKEN_ELSEWHERE);
    }
    const now = new Date();
    const member: MemberRow = {
      tenantId: invitation.tenantId,
      id: randomUUID(),
      email: invitation.email,
      name: checked.value.name,
      passwordHash,
      role: invitation.role,
      clientId: invitation.clientId,
      createdAt: now,
      removedAt: null,
    };
    await db.getRepository(MemberEntity).insert(member);
    await db.getRepository(InvitationEntity).update({ id: invitation.id }, { acceptedAt: now });
    const token = await startSession(context, db, member);
    return { token, member, userErrors: [] };
  });
}
