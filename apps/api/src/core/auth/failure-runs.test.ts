import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  afterFailure,
  lockedUntil,
  nextAttemptAt,
  type FailureRun,
} from './failure-runs.js';

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 1, 9, 0, 0) + seconds * 1000);

function failTimes(times: number, policy = ACCOUNT_POLICY): FailureRun | null {
  let run: FailureRun | null = null;
  for (let i = 0; i < times; i++) run = afterFailure(run, policy, at(0));
  return run;
}

describe('the sign-in slow-down', () => {
  it('lets five wrong passwords through, then waits 2, 4, 8, 16, 32 seconds, then 15 minutes a guess', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 40].map((failures) => {
      const next = nextAttemptAt(failTimes(failures), ACCOUNT_POLICY, at(0));
      return next ? (next.getTime() - at(0).getTime()) / 1000 : 0;
    });
    expect(waits).toEqual([0, 0, 0, 0, 2, 4, 8, 16, 32, 900, 900, 900]);
  });

  it('locks after ten, until fifteen minutes after the last failure, and then lets one more guess through', () => {
    const run = failTimes(10);
    expect(lockedUntil(run, ACCOUNT_POLICY, at(60))).toEqual(at(900));
    expect(nextAttemptAt(run, ACCOUNT_POLICY, at(899))).toEqual(at(900));
    expect(nextAttemptAt(run, ACCOUNT_POLICY, at(900))).toBeNull();
    expect(lockedUntil(run, ACCOUNT_POLICY, at(900))).toBeNull();
    // That guess, if wrong, locks again at once.
    const again = afterFailure(run, ACCOUNT_POLICY, at(901));
    expect(again.failures).toBe(11);
    expect(lockedUntil(again, ACCOUNT_POLICY, at(902))).toEqual(at(1801));
  });

  it('is not locked by fewer than ten failures, however close together', () => {
    expect(lockedUntil(failTimes(9), ACCOUNT_POLICY, at(1))).toBeNull();
  });

  it('forgets a run a day after its last failure, so occasional typos never add up', () => {
    const run = failTimes(9);
    const dayLater = 24 * 3600;
    expect(nextAttemptAt(run, ACCOUNT_POLICY, at(dayLater))).toBeNull();
    expect(afterFailure(run, ACCOUNT_POLICY, at(dayLater)).failures).toBe(1);
    expect(afterFailure(run, ACCOUNT_POLICY, at(dayLater - 1)).failures).toBe(10);
  });

  it('gives an address more room: ten failures across emails, then waits, locked after twenty', () => {
    expect(nextAttemptAt(failTimes(9, ADDRESS_POLICY), ADDRESS_POLICY, at(0))).toBeNull();
    expect(nextAttemptAt(failTimes(10, ADDRESS_POLICY), ADDRESS_POLICY, at(0))).toEqual(at(2));
    expect(lockedUntil(failTimes(20, ADDRESS_POLICY), ADDRESS_POLICY, at(0))).toEqual(at(900));
  });
});
