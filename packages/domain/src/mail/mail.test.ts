import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAIL_RETRY_WAITS_SECONDS,
  MAX_MAIL_ATTEMPTS,
  mailAddressKey,
  mailOutcome,
  nextMailRetryDelayMs,
} from './sending.js';

describe('the mail retry schedule', () => {
  it('waits 30 s after the first failure and 12 h after the eighth, unjittered at the midpoint', () => {
    expect(nextMailRetryDelayMs(1, 0.5)).toBe(30_000);
    expect(nextMailRetryDelayMs(8, 0.5)).toBe(12 * 3_600_000);
    expect(nextMailRetryDelayMs(MAX_MAIL_ATTEMPTS, 0.5)).toBeNull();
    expect(nextMailRetryDelayMs(0, 0.5)).toBeNull();
  });

  it('stays within the jitter of each wait, whatever the random number', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAIL_RETRY_WAITS_SECONDS.length }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, r) => {
          const delay = nextMailRetryDelayMs(n, r)!;
          const base = MAIL_RETRY_WAITS_SECONDS[n - 1]! * 1000;
          return delay >= base * 0.8 - 1 && delay <= base * 1.2 + 1;
        },
      ),
    );
  });
});

describe('what a mail attempt means', () => {
  it('sends on acceptance, retries on 4xx and on no answer, and refuses on 5xx', () => {
    expect(mailOutcome({ accepted: true }, 1, 0.5)).toEqual({ kind: 'SENT' });
    expect(mailOutcome({ accepted: false, replyCode: 421 }, 1, 0.5)).toEqual({
      kind: 'RETRY',
      delayMs: 30_000,
    });
    expect(mailOutcome({ accepted: false, replyCode: null }, 2, 0.5)).toEqual({
      kind: 'RETRY',
      delayMs: 120_000,
    });
    expect(mailOutcome({ accepted: false, replyCode: 451 }, MAX_MAIL_ATTEMPTS, 0.5)).toEqual({
      kind: 'GAVE_UP',
    });
  });

  it('suppresses the address only when the reply is about the mailbox', () => {
    for (const code of [550, 551, 553]) {
      expect(mailOutcome({ accepted: false, replyCode: code }, 1, 0.5)).toEqual({
        kind: 'REFUSED',
        suppress: true,
      });
    }
    for (const code of [535, 552, 554]) {
      expect(mailOutcome({ accepted: false, replyCode: code }, 1, 0.5)).toEqual({
        kind: 'REFUSED',
        suppress: false,
      });
    }
    // A permanent refusal is final even on the last attempt: it is not a give-up after retries.
    expect(mailOutcome({ accepted: false, replyCode: 550 }, MAX_MAIL_ATTEMPTS, 0.5)).toEqual({
      kind: 'REFUSED',
      suppress: true,
    });
  });

  it('compares addresses lower-cased', () => {
    expect(mailAddressKey(' Ava@Example.COM ')).toBe('ava@example.com');
  });
});
