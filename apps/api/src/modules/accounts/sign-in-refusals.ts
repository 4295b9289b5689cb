import { fieldError, type FieldError } from '@csp/domain';

/** One answer for an unknown email and a wrong password: which of the two it was would tell who has an account. */
export const WRONG_CREDENTIALS = fieldError('password', 'INVALID', 'The email or password is not right.');

function inWords(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 90) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}

const clock = (at: Date) => `${at.toISOString().slice(11, 16)} UTC`;

/**
 * The answer while sign-in must wait. It depends only on the time to wait, so an email without an account (whose
 * failures follow the same rule) is answered in the same words as one with an account.
 */
export function mustWait(subject: 'email' | 'address', until: Date, now = new Date()): FieldError {
  const waitMs = until.getTime() - now.getTime();
  if (subject === 'address') {
    return fieldError(
      'email',
      'LOCKED',
      `Too many failed sign-ins from your network. Try again in ${inWords(waitMs)} (at ${clock(until)}).`,
    );
  }
  if (waitMs <= 60_000) {
    return fieldError(
      'email',
      'LOCKED',
      `Too many wrong passwords for this email. Wait ${inWords(waitMs)}, then try again.`,
    );
  }
  return fieldError(
    'email',
    'LOCKED',
    `Sign-in for this email is locked after too many wrong passwords. Try again after ${clock(until)} ` +
      `(in ${inWords(waitMs)}), or ask an admin of your consultancy to unlock it.`,
  );
}
