import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createChallenge, extractParams, verifySolution } from 'altcha-lib/v1';
import type { FeedbackSettings } from '../../core/config.js';
import { coded } from '../../core/errors.js';

/**
 * What keeps scripts off the public form (docs/feedback.md, "Abuse protection"):
 *
 * 1. A proof-of-work challenge (ALTCHA v1, SHA-256, self-hosted: no third-party call) that the page solves before
 *    sending. Each is signed with the feedback secret, names its link, expires after CHALLENGE_MINUTES, and solves
 *    once: its digest is unique per consultancy in `feedback_responses`, so a replayed solution is refused by the
 *    database itself.
 * 2. Limits per link (`perLinkPerMinute`) and per network address (`perAddressPerHour`). The address is never
 *    stored: it is hashed with a random salt that lives in this process's memory only and is replaced every
 *    24 hours, and the counters keyed by those hashes live in memory too, dropped when their hour is over and all at
 *    once when the salt is replaced. Memory rather than a table: a table would put the hashes in the WAL, in
 *    replicas and in backups, where "at most 24 hours" could not be kept; the cost is that each API process counts
 *    on its own (with N processes behind a balancer a sender gets up to N times the rate).
 * 3. Invitations: an HMAC-signed token per contact, used once (`feedback_invitations.used_at`).
 */

export const CHALLENGE_MINUTES = 5;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
export const SALT_LIFETIME_MS = 24 * HOUR_MS;

interface Window {
  count: number;
  endsAt: number;
}

/** Fixed windows per key; a key is gone once its window has ended. */
class Counters {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly windowMs: number,
    private readonly limit: number,
  ) {}

  /** Counts one more for the key; the milliseconds to wait when the limit is already reached. */
  take(key: string, now: number): number | null {
    if (this.windows.size > 10_000) this.sweep(now);
    const window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      this.windows.set(key, { count: 1, endsAt: now + this.windowMs });
      return null;
    }
    if (window.count >= this.limit) return window.endsAt - now;
    window.count += 1;
    return null;
  }

  sweep(now: number) {
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
  }

  clear() {
    this.windows.clear();
  }
}

export class AbuseLimits {
  private salt = randomBytes(32);
  private saltSince = Date.now();
  private readonly perAddress: Counters;
  private readonly perLink: Counters;

  constructor(readonly settings: FeedbackSettings) {
    this.perAddress = new Counters(HOUR_MS, settings.perAddressPerHour);
    this.perLink = new Counters(MINUTE_MS, settings.perLinkPerMinute);
  }

  /** The address's salted hash; the salt (and every counter keyed by the old one) is replaced after 24 hours. */
  addressHash(address: string | undefined, now = Date.now()): string {
    if (now - this.saltSince >= SALT_LIFETIME_MS) {
      this.salt = randomBytes(32);
      this.saltSince = now;
      this.perAddress.clear();
    }
    return createHmac('sha256', this.salt)
      .update(address ?? 'unknown')
      .digest('base64url');
  }

  /** Throws RATE_LIMITED when the link or the address has had its share; counts the answer otherwise. */
  charge(linkId: string, address: string | undefined, now = Date.now()) {
    const waitAddress = this.perAddress.take(this.addressHash(address, now), now);
    const waitLink = waitAddress === null ? this.perLink.take(linkId, now) : null;
    const wait = waitAddress ?? waitLink;
    if (wait === null) return;
    const retryAfter = Math.max(1, Math.ceil(wait / 1000));
    throw coded('RATE_LIMITED', `Too many answers. Try again in ${retryAfter} s.`, {
      extensions: { retryAfterSeconds: retryAfter },
      http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) },
    });
  }
}

const perApi = new WeakMap<FeedbackSettings, AbuseLimits>();

/** One set of counters per API (per settings object), so tests' APIs do not share theirs. */
export function abuseLimits(settings: FeedbackSettings): AbuseLimits {
  let limits = perApi.get(settings);
  if (!limits) {
    limits = new AbuseLimits(settings);
    perApi.set(settings, limits);
  }
  return limits;
}

export async function issueChallenge(settings: FeedbackSettings, linkId: string) {
  const challenge = await createChallenge({
    algorithm: 'SHA-256',
    hmacKey: settings.secret,
    maxNumber: settings.challengeMaxNumber,
    expires: new Date(Date.now() + CHALLENGE_MINUTES * MINUTE_MS),
    params: { link: linkId },
  });
  return {
    algorithm: challenge.algorithm,
    challenge: challenge.challenge,
    maxNumber: challenge.maxnumber ?? settings.challengeMaxNumber,
    salt: challenge.salt,
    signature: challenge.signature,
  };
}

/**
 * The digest to store when `solution` (base64 JSON, as the page sends it) solves an unexpired challenge of ours for
 * this link; null otherwise. Whether it was used before is the database's unique key's business.
 */
export async function verifiedChallenge(
  settings: FeedbackSettings,
  solution: string,
  linkId: string,
): Promise<string | null> {
  let payload: {
    algorithm?: unknown;
    challenge?: unknown;
    number?: unknown;
    salt?: unknown;
    signature?: unknown;
  };
  try {
    payload = JSON.parse(Buffer.from(solution, 'base64').toString('utf8')) as typeof payload;
  } catch {
    return null;
  }
  if (
    typeof payload !== 'object' ||
    payload === null ||
    payload.algorithm !== 'SHA-256' ||
    typeof payload.challenge !== 'string' ||
    typeof payload.number !== 'number' ||
    typeof payload.salt !== 'string' ||
    typeof payload.signature !== 'string'
  ) {
    return null;
  }
  const clean = {
    algorithm: 'SHA-256' as const,
    challenge: payload.challenge,
    number: payload.number,
    salt: payload.salt,
    signature: payload.signature,
  };
  // An expired challenge carries `expires` in its salt; one without it was not made here.
  const params = extractParams(clean);
  if (params.link !== linkId || !params.expires) return null;
  if (!(await verifySolution(clean, settings.secret, true))) return null;
  return createHash('sha256').update(clean.challenge).digest('hex');
}

/** `<invitation id>.<HMAC of tenant and id>`: only the API can make one, and it names its consultancy. */
export function invitationToken(settings: FeedbackSettings, tenantId: string, invitationId: string): string {
  return `${invitationId}.${invitationSignature(settings, tenantId, invitationId)}`;
}

/** The invitation's id when the token's signature is ours for this tenant; null otherwise. */
export function invitationIdOf(settings: FeedbackSettings, tenantId: string, token: string): string | null {
  const [id, signature, ...rest] = token.split('.');
  if (!id || !signature || rest.length) return null;
  const expected = Buffer.from(invitationSignature(settings, tenantId, id));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

function invitationSignature(settings: FeedbackSettings, tenantId: string, invitationId: string): string {
  return createHmac('sha256', settings.secret)
    .update(`feedback-invitation:${tenantId}:${invitationId}`)
    .digest('base64url');
}
