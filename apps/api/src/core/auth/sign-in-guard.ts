import { LRUCache } from 'lru-cache';
import pLimit from 'p-limit';
import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  afterFailure,
  nextAttemptAt,
  type FailureRun,
  type ThrottlePolicy,
} from './failure-runs.js';

export interface SignInThrottleOptions {
  account?: Partial<ThrottlePolicy>;
  address?: Partial<ThrottlePolicy>;
}

/**
 * The parts of sign-in throttling that live in the API process: failures per address, failures of emails that
 * have no account (members' failures are in the database, sign_in_failures), and one attempt at a time per email.
 * In memory, like the request rate limit: with several API processes each keeps its own count, so an attacker
 * spread over N processes gets up to N times the address allowance (an account's count is shared, in the database).
 */
export interface SignInGuard {
  readonly accountPolicy: ThrottlePolicy;
  readonly addressPolicy: ThrottlePolicy;
  /**
   * Runs the attempts for one email one after the other in this process, so that each sees the failures of the one
   * before (which is also why the database lookup takes an advisory lock on the email, across processes).
   */
  oneAtATime<T>(email: string, attempt: () => Promise<T>): Promise<T>;
  /** When an address may try again; null: now. */
  addressWaitsUntil(address: string | undefined): Date | null;
  /**
   * Counts an attempt from the address as failed before its password is checked, so attempts sent side by side see
   * each other; the returned function takes it back once the password turns out right.
   */
  chargeAddress(address: string | undefined): () => void;
  unknownEmailRun(email: string): FailureRun | null;
  recordUnknownEmailFailure(email: string): void;
}

/**
 * Enough entries for any real traffic; beyond it the oldest runs are forgotten first. An attacker who floods the
 * cache with made-up emails or addresses to evict one run has already spent more requests than that run allowed.
 */
const MAX_TRACKED = 100_000;

export function createSignInGuard(options: SignInThrottleOptions = {}): SignInGuard {
  const accountPolicy = { ...ACCOUNT_POLICY, ...options.account };
  const addressPolicy = { ...ADDRESS_POLICY, ...options.address };
  const unknownEmails = new LRUCache<string, FailureRun>({
    max: MAX_TRACKED,
    ttl: accountPolicy.forgetAfterMinutes * 60_000,
  });
  const addresses = new LRUCache<string, FailureRun>({
    max: MAX_TRACKED,
    ttl: addressPolicy.forgetAfterMinutes * 60_000,
  });
  const queues = new Map<string, pLimit.Limit>();

  return {
    accountPolicy,
    addressPolicy,
    async oneAtATime(email, attempt) {
      let queue = queues.get(email);
      if (!queue) {
        queue = pLimit(1);
        queues.set(email, queue);
      }
      try {
        return await queue(attempt);
      } finally {
        if (queue.activeCount === 0 && queue.pendingCount === 0) queues.delete(email);
      }
    },
    addressWaitsUntil(address) {
      return address ? nextAttemptAt(addresses.get(address), addressPolicy) : null;
    },
    chargeAddress(address) {
      if (!address) return () => undefined;
      const before = addresses.get(address);
      const charged = afterFailure(before, addressPolicy);
      addresses.set(address, charged);
      return () => {
        const now = addresses.get(address);
        if (now === charged) {
          if (before) addresses.set(address, before);
          else addresses.delete(address);
        } else if (now && now.failures > 1) {
          addresses.set(address, { failures: now.failures - 1, lastFailedAt: now.lastFailedAt });
        }
      };
    },
    unknownEmailRun(email) {
      return unknownEmails.get(email) ?? null;
    },
    recordUnknownEmailFailure(email) {
      unknownEmails.set(email, afterFailure(unknownEmails.get(email), accountPolicy));
    },
  };
}
