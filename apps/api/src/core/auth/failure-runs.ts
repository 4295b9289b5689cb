/**
 * How wrong passwords slow sign-in down. One rule for every kind of counter (an account in the database, an email
 * without an account in memory, an address in memory), so an email without an account is answered exactly like
 * one with: nobody learns who has an account from when they are told to wait.
 */
export interface FailureRun {
  /** Wrong passwords in a row (not reset by time until `forgetAfterMinutes` have passed since the last). */
  failures: number;
  lastFailedAt: Date;
}

export interface ThrottlePolicy {
  /** After this many failures in a row, each further attempt must wait... */
  delayAfter: number;
  /** ...this long after the last failure, doubled with each further failure (capped at the lock). */
  firstDelaySeconds: number;
  /** After this many, attempts wait `lockMinutes` after the last failure: each guess then costs that long. */
  lockAfter: number;
  lockMinutes: number;
  /** A run is forgotten this long after its last failure, so a typo now and then never adds up to a lock. */
  forgetAfterMinutes: number;
}

/** Per account (and per email without one): 5 free tries, then 2, 4, 8, 16, 32 s, then 15 minutes per guess. */
export const ACCOUNT_POLICY: ThrottlePolicy = {
  delayAfter: 5,
  firstDelaySeconds: 2,
  lockAfter: 10,
  lockMinutes: 15,
  forgetAfterMinutes: 24 * 60,
};

/**
 * Per address, across accounts: more room, since an office behind one address has many people who mistype, but
 * enough to stop one machine spraying a common password over many accounts.
 */
export const ADDRESS_POLICY: ThrottlePolicy = {
  delayAfter: 10,
  firstDelaySeconds: 2,
  lockAfter: 20,
  lockMinutes: 15,
  forgetAfterMinutes: 60,
};

function current(run: FailureRun | null | undefined, policy: ThrottlePolicy, now: Date): FailureRun | null {
  if (!run || run.failures <= 0) return null;
  const forgottenAt = run.lastFailedAt.getTime() + policy.forgetAfterMinutes * 60_000;
  return forgottenAt <= now.getTime() ? null : run;
}

/** When the next password may be checked; null when it may be checked now. */
export function nextAttemptAt(
  run: FailureRun | null | undefined,
  policy: ThrottlePolicy,
  now = new Date(),
): Date | null {
  const live = current(run, policy, now);
  if (!live || live.failures < policy.delayAfter) return null;
  const lockMs = policy.lockMinutes * 60_000;
  const waitMs =
    live.failures >= policy.lockAfter
      ? lockMs
      : Math.min(lockMs, policy.firstDelaySeconds * 1000 * 2 ** (live.failures - policy.delayAfter));
  const at = new Date(live.lastFailedAt.getTime() + waitMs);
  return at > now ? at : null;
}

/** Until when sign-in is locked (the long wait after `lockAfter` failures), or null: what admins are shown. */
export function lockedUntil(
  run: FailureRun | null | undefined,
  policy: ThrottlePolicy,
  now = new Date(),
): Date | null {
  const live = current(run, policy, now);
  return live && live.failures >= policy.lockAfter ? nextAttemptAt(live, policy, now) : null;
}

export function afterFailure(
  run: FailureRun | null | undefined,
  policy: ThrottlePolicy,
  now = new Date(),
): FailureRun {
  return { failures: (current(run, policy, now)?.failures ?? 0) + 1, lastFailedAt: now };
}
