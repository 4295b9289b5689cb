import { ROLE_LABELS, type Role } from '@csp/domain';
import type { MailMessage } from '../../core/mail/transport.js';

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
 * The invitation, sent to the invitee only: the link carries the secret, so only the mailbox owner can accept.
 * The token is in the fragment, as in every link we mail, so it never reaches a server log or a Referer header.
 */
export function invitationMail(invite: InvitationMail): MailMessage {
  const role = ROLE_LABELS[invite.role] + (invite.clientName ? ` (for ${invite.clientName})` : '');
  return {
    to: invite.to,
    subject: `${invite.inviterName} invited you to ${invite.consultancyName} on Service Programme`,
    text: [
      `${invite.inviterName} invited you to join ${invite.consultancyName} on Service Programme, with the role ${role}.`,
      '',
      `To accept, open this link before ${invite.expiresAt.toISOString().slice(0, 10)}, then choose your name and a password:`,
      `${invite.publicUrl}/accept-invitation#token=${invite.token}`,
      '',
      'If you did not expect this invitation, ignore this email: nothing happens without the link.',
    ].join('\n'),
  };
}

/** The token of an invitation link in a mail's text, for the demo seed and tests that follow it. */
export function invitationTokenIn(text: string): string | null {
  return /\/accept-invitation#token=(\S+)/.exec(text)?.[1] ?? null;
}
