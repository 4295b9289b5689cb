import { SIGN_UP_LINK_HOURS } from '@csp/domain';
import type { PreTenantMail } from '../mail/index.js';

/**
 * Plain text, queued in the global pre-tenant outbox (modules/mail) since no consultancy exists yet.
 * Neither mail repeats what the sign-up form was given (names are the sender's free text): a stranger's sign-up
 * with someone's address must not let them write into that person's inbox.
 */
export function confirmationMail(to: string, publicUrl: string, token: string): PreTenantMail {
  return {
    kind: 'SIGN_UP_CONFIRMATION',
    to,
    subject: 'Confirm your Service Programme account',
    text: [
      'Someone, hopefully you, asked to create a Service Programme account for a consultancy with this email address.',
      '',
      `To finish, open this link within ${SIGN_UP_LINK_HOURS} hours and enter the password you chose:`,
      `${publicUrl}/sign-up/confirm#token=${token}`,
      '',
      'If it was not you, ignore this email: no account is created without the link and that password.',
    ].join('\n'),
  };
}

export function alreadyMemberMail(to: string, publicUrl: string): PreTenantMail {
  return {
    kind: 'SIGN_UP_ALREADY_MEMBER',
    to,
    subject: 'You already have a Service Programme account',
    text: [
      'Someone, hopefully you, tried to create a Service Programme account with this email address, which already has one.',
      '',
      'Sign in here instead:',
      `${publicUrl}/sign-in`,
      '',
      'If it was not you, ignore this email: nothing has changed.',
    ].join('\n'),
  };
}

/** The token of a confirmation link in a mail's text, for the demo seed and tests that follow it. */
export function signUpTokenIn(text: string): string | null {
  return /\/sign-up\/confirm#token=(\S+)/.exec(text)?.[1] ?? null;
}
