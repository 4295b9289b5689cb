/**
 * When mail that could not be sent is tried again. Receiving servers greylist and restart within minutes, so the
 * first waits are short; the schedule then spans about a day, after which a sign-in or invitation link is stale
 * anyway and the admin is better told (the mail shows as FAILED on the "Sent mail" page) than the mail sent late.
 */
export const MAIL_RETRY_WAITS_SECONDS = [
  30,
  2 * 60,
  10 * 60,
  30 * 60,
  60 * 60,
  3 * 60 * 60,
  6 * 60 * 60,
  12 * 60 * 60,
] as const;

/** Every wait is stretched or shrunk by up to this fraction, so mail that failed together is not retried together. */
export const MAIL_RETRY_JITTER = 0.2;

/** The first try plus one per wait. */
export const MAX_MAIL_ATTEMPTS = MAIL_RETRY_WAITS_SECONDS.length + 1;

/**
 * SMTP replies that say the address itself does not take mail (RFC 5321: 550 mailbox unavailable, 551 user not
 * local, 553 mailbox name not allowed). Sending there again harms the sender's reputation, so the address is
 * suppressed. Other 5xx replies (554 transaction failed, 552 storage exceeded, 535 authentication failed) end this
 * mail only: they say nothing lasting about the address.
 */
export const SUPPRESSING_REPLY_CODES: readonly number[] = [550, 551, 553];

/** How one attempt ended: the server accepted the mail, or answered a reply code, or no answer came (null). */
export type MailAttempt = { accepted: true } | { accepted: false; replyCode: number | null };

export type MailOutcome =
  | { kind: 'SENT' }
  | { kind: 'RETRY'; delayMs: number }
  /** Permanently refused, with the address suppressed when `suppress`. */
  | { kind: 'REFUSED'; suppress: boolean }
  | { kind: 'GAVE_UP' };

/** The wait after the `attemptsMade`-th failed attempt in milliseconds, or null when that was the last one. */
export function nextMailRetryDelayMs(attemptsMade: number, random: number): number | null {
  const base = MAIL_RETRY_WAITS_SECONDS[attemptsMade - 1];
  if (base === undefined || attemptsMade < 1) return null;
  const factor = 1 - MAIL_RETRY_JITTER + 2 * MAIL_RETRY_JITTER * Math.min(Math.max(random, 0), 1);
  return Math.round(base * 1000 * factor);
}

/**
 * What an attempt means. A 5xx reply is permanent (RFC 5321 §4.2.1): the mail is not tried again. A 4xx reply
 * (greylisting, a full queue) and no answer at all (refused connection, timeout) are temporary: tried again on the
 * schedule until it runs out. `random` is in [0, 1), from Math.random in the product and fixed in tests.
 */
export function mailOutcome(attempt: MailAttempt, attemptsMade: number, random: number): MailOutcome {
  if (attempt.accepted) return { kind: 'SENT' };
  const code = attempt.replyCode;
  if (code !== null && code >= 500 && code < 600) {
    return { kind: 'REFUSED', suppress: SUPPRESSING_REPLY_CODES.includes(code) };
  }
  const delayMs = nextMailRetryDelayMs(attemptsMade, random);
  return delayMs === null ? { kind: 'GAVE_UP' } : { kind: 'RETRY', delayMs };
}

/** Addresses are compared and suppressed lower-cased: mail systems treat them so in practice. */
export function mailAddressKey(address: string): string {
  return address.trim().toLowerCase();
}
