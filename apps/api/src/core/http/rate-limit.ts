import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Viewer } from '../auth/viewer.js';
import { coded } from '../errors.js';

/** The defaults and their variables (RATE_LIMIT_REQUESTS, RATE_LIMIT_WINDOW_SECONDS) are in core/config.ts. */
export interface RateLimitOptions {
  /** Requests allowed per window for one member, key or (when anonymous) address. */
  points: number;
  windowSeconds: number;
}

/** One caller: a member or an API key wherever it calls from; when anonymous, its address. */
export function callerKey(viewer: Viewer, address: string | undefined): string {
  return viewer.kind === 'member'
    ? `member:${viewer.memberId}`
    : viewer.kind === 'apiKey'
      ? `key:${viewer.apiKeyId}`
      : `address:${address ?? 'unknown'}`;
}

/**
 * Per caller, not per connection: a signed-in member or an API key is one caller wherever it calls from, and
 * anonymous calls (sign-in attempts) count against their address. In memory: one API process per limit; behind a
 * load balancer with several replicas, each enforces its share.
 */
export function rateLimiter(options: RateLimitOptions) {
  const limiter = new RateLimiterMemory({ points: options.points, duration: options.windowSeconds });
  return async function consume(viewer: Viewer, address: string | undefined): Promise<void> {
    try {
      await limiter.consume(callerKey(viewer, address));
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw coded('RATE_LIMITED', `Too many requests. Try again in ${retryAfter} s.`, {
        extensions: { retryAfterSeconds: retryAfter },
        http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) },
      });
    }
  };
}
