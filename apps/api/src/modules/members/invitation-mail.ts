import { ROLE_LABELS, type Role } from '@csp/domain';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { queueMail } from '../mail/index.js';
import { renderEmail } from '../notifications/index.js';

export interface InvitationMail {
  to: string;
  inviterName: string;
  consultancyName: string;
  role: Role;
  clientName: string | null;
  expiresAt: Date;
  publicUrl: string;
  token: string;
}

/**
 * Queues the invitation in the caller's transaction, so an invitation rolled back sends nothing. It goes to the
 * invitee only: the link carries the secret, so only the mailbox owner can accept. The token is in the fragment,
 * as in every link we mail, so it never reaches a server log or a Referer header; it is also listed as the mail's
 * secret, so the admins' "Sent mail" list hides it (an admin holding it could accept as the invitee). No
 * unsubscribe headers or links: the invitee is not a member and has nothing to unsubscribe from.
 */
export async function queueInvitationMail(
  db: TenantDb,
  invite: InvitationMail & { clientId: string | null },
) {
  const rendered = await renderEmail(
    'INVITATION',
    {
      inviterName: invite.inviterName,
      consultancyName: invite.consultancyName,
      roleLabel: ROLE_LABELS[invite.role],
      clientName: invite.clientName,
      expiresAt: invite.expiresAt.toISOString(),
      acceptUrl: `${invite.publicUrl}/accept-invitation#token=${invite.token}`,
    },
    {
      recipientName: null,
      consultancyName: invite.consultancyName,
      unsubscribeUrl: null,
      preferencesUrl: null,
    },
  );
  await queueMail(db, {
    kind: 'INVITATION',
    to: invite.to,
    clientId: invite.clientId,
    ...rendered,
    secrets: [invite.token],
  });
}

/** The token of an invitation link in a mail's text, for the demo seed and tests that follow it. */
export function invitationTokenIn(text: string): string | null {
  return /\/accept-invitation#token=([\w.~-]+)/.exec(text)?.[1] ?? null;
}
