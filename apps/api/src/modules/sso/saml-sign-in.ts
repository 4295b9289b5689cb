import { randomBytes } from 'node:crypto';
import { SSO_ATTEMPT_MINUTES, type SsoRefusal } from '@csp/domain';
import {
  SamlStatusError,
  ValidateInResponseTo,
  type CacheProvider,
  type Profile,
} from '@node-saml/node-saml';
import type { ApiRoute, RouteAnswer, RouteRequest } from '../../core/api-module.js';
import { readToken } from '../../core/auth/tokens.js';
import type { RequestContext } from '../../core/context.js';
import type { SsoConnectionRow, SsoSignInAttemptRow } from './entities.js';
import {
  callbackUrls,
  claimAttempt,
  findAttempt,
  openAttempt,
  refuseSignIn,
  safeReturnTo,
  signInFromProvider,
} from './provider-sign-in.js';
import { assertionFacts, identityOf } from './saml-assertion.js';
import { CLOCK_SKEW_MS, samlConnectionOf, samlOf } from './saml-service-provider.js';

/**
 * SAML 2.0 sign-in, SP- and IdP-initiated, with @node-saml/node-saml: it checks the XML signature against the
 * connection's certificates, the audience, the validity window and InResponseTo; we check the issuer, that the
 * assertion is used once, and who the person is (signInFromProvider).
 */
export const samlRoutes: readonly ApiRoute[] = [
  {
    method: 'POST',
    path: '/sso/saml/:tenantId/:connectionId/acs',
    allow: 'public',
    signedLink: true,
    formLimit: '256kb',
    handle: finishSamlSignIn,
  },
];

/** Sends the person to the provider with an AuthnRequest (HTTP-Redirect binding), the state as its RelayState. */
export async function startSamlSignIn(
  context: RequestContext,
  connection: SsoConnectionRow,
  returnTo: string,
): Promise<RouteAnswer> {
  // node-saml's own id format: a letter first, as xs:ID wants.
  const requestId = `_${randomBytes(20).toString('hex')}`;
  const state = await context.db.write((db) => openAttempt(db, connection, { requestId, returnTo }));
  try {
    const saml = samlOf(context, connection, { generateUniqueId: () => requestId });
    return { kind: 'redirect', location: await saml.getAuthorizeUrlAsync(state, undefined, {}) };
  } catch (error) {
    return refuseSignIn(context, connection, 'PROVIDER_ERROR', messageOf(error));
  }
}

/**
 * The assertion consumer service: the provider's signed answer, posted by the browser. A RelayState that is one of
 * our states names the attempt the answer must be in response to; any other RelayState (or none) makes it an
 * IdP-initiated sign-in, which must then not claim to answer a request of ours.
 */
async function finishSamlSignIn(context: RequestContext, request: RouteRequest): Promise<RouteAnswer> {
  const connection = await samlConnectionOf(context, request);
  if (!connection) return refuseSignIn(context, null, 'UNKNOWN_CONNECTION');
  const form = (request.body ?? {}) as Record<string, unknown>;
  const samlResponse = typeof form.SAMLResponse === 'string' ? form.SAMLResponse : '';
  const relayState = typeof form.RelayState === 'string' ? form.RelayState : '';
  if (!samlResponse) return refuseSignIn(context, connection, 'INVALID_RESPONSE', 'no SAMLResponse posted');

  const attempt = await attemptOf(context, connection, relayState);
  if (attempt && 'refusal' in attempt) return refuseSignIn(context, connection, attempt.refusal);

  let profile: Profile;
  try {
    profile = await validatedProfile(context, connection, samlResponse, attempt);
  } catch (error) {
    return refuseSignIn(context, connection, samlRefusalOf(error), messageOf(error));
  }
  const unusable = await consume(context, connection, profile);
  if (unusable) return refuseSignIn(context, connection, unusable.refusal, unusable.detail);
  if (attempt && !(await claimAttempt(context, attempt)))
    return refuseSignIn(context, connection, 'STATE_REUSED');

  const identity = identityOf(profile, connection.groupsClaim);
  if (!identity)
    return refuseSignIn(context, connection, 'INVALID_RESPONSE', 'no email in the NameID or the attributes');
  const session = {
    nameId: profile.nameID ?? null,
    nameIdFormat: profile.nameIDFormat ?? null,
    sessionIndex: profile.sessionIndex ?? null,
  };
  const returnTo = attempt?.returnTo ?? safeReturnTo(relayState);
  return signInFromProvider(context, connection, identity, session, returnTo);
}

/**
 * The attempt a RelayState names, used or not (a used one may be a replay, refused as such once the response is
 * read); null when the RelayState is none of our states: an IdP-initiated sign-in.
 */
async function attemptOf(
  context: RequestContext,
  connection: SsoConnectionRow,
  relayState: string,
): Promise<SsoSignInAttemptRow | { refusal: SsoRefusal } | null> {
  const state = readToken('ssoState', relayState);
  if (!state) return null;
  // A state of another consultancy or connection is no state of this one.
  if (state.tenantId !== connection.tenantId) return { refusal: 'STATE_UNKNOWN' };
  const found = await findAttempt(context, relayState);
  if ('refusal' in found) return { refusal: found.refusal };
  return found.attempt.connectionId === connection.id ? found.attempt : { refusal: 'STATE_UNKNOWN' };
}

/**
 * Uses the assertion up, unless it was used before, or is not ours to use: its bearer confirmation names another
 * recipient (saml-profiles §4.1.4.3), or it says neither its ID nor until when it is valid. Null once consumed.
 */
async function consume(
  context: RequestContext,
  connection: SsoConnectionRow,
  profile: Profile,
): Promise<{ refusal: SsoRefusal; detail: string } | null> {
  const facts = assertionFacts(profile);
  if (!facts.id || !facts.notOnOrAfter)
    return { refusal: 'INVALID_RESPONSE', detail: 'the assertion has no ID or NotOnOrAfter' };
  if (facts.recipients.length && !facts.recipients.includes(callbackUrls(context, connection).acsUrl))
    return { refusal: 'WRONG_AUDIENCE', detail: `Recipient ${facts.recipients.join(', ').slice(0, 200)}` };
  const expiresAt = new Date(facts.notOnOrAfter.getTime() + CLOCK_SKEW_MS);
  if (!(await firstUseOf(context, connection, facts.id, expiresAt)))
    return { refusal: 'REPLAYED', detail: `assertion ${facts.id.slice(0, 100)}` };
  return null;
}

class WrongIssuer extends Error {}

/** node-saml's checks, with InResponseTo held to the attempt's request (or, without one, to nothing of ours). */
async function validatedProfile(
  context: RequestContext,
  connection: SsoConnectionRow,
  samlResponse: string,
  attempt: SsoSignInAttemptRow | null,
): Promise<Profile> {
  const saml = samlOf(context, connection, {
    validateInResponseTo: attempt ? ValidateInResponseTo.always : ValidateInResponseTo.ifPresent,
    requestIdExpirationPeriodMs: SSO_ATTEMPT_MINUTES * 60_000,
    cacheProvider: onlyRequestOf(attempt),
  });
  const { profile } = await saml.validatePostResponseAsync({ SAMLResponse: samlResponse });
  if (!profile) throw new Error('The response holds no assertion.');
  // node-saml checks the issuer of logout messages only; this one is read from the signed assertion.
  if (profile.issuer !== connection.samlIdpEntityId)
    throw new WrongIssuer(`Issuer ${String(profile.issuer).slice(0, 200)}`);
  return profile;
}

/** The one request id an answer may be in response to: the attempt's (created when it was). */
function onlyRequestOf(attempt: SsoSignInAttemptRow | null): CacheProvider {
  return {
    saveAsync: () => Promise.resolve(null),
    getAsync: (key) =>
      Promise.resolve(attempt && key === attempt.requestId ? attempt.createdAt.toISOString() : null),
    removeAsync: () => Promise.resolve(null),
  };
}

/**
 * Records the assertion as consumed with one INSERT, so two posts racing with one assertion cannot both pass;
 * false when it was consumed before. Records past their expiry are dropped first: by then node-saml refuses the
 * assertion itself.
 */
async function firstUseOf(
  context: RequestContext,
  connection: SsoConnectionRow,
  assertionId: string,
  expiresAt: Date,
): Promise<boolean> {
  return context.db.read(async (db) => {
    await db.query(
      'DELETE FROM sso_used_assertions WHERE tenant_id = $1 AND connection_id = $2 AND expires_at < now()',
      [db.tenantId, connection.id],
    );
    const recorded: unknown[] = await db.query(
      `INSERT INTO sso_used_assertions (tenant_id, connection_id, assertion_id, expires_at)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING
       RETURNING assertion_id`,
      [db.tenantId, connection.id, assertionId, expiresAt],
    );
    return recorded.length === 1;
  });
}

/** Which check failed, from node-saml's messages (it throws plain Errors), for the trail and the person. */
function samlRefusalOf(error: unknown): SsoRefusal {
  if (error instanceof WrongIssuer) return 'WRONG_ISSUER';
  if (error instanceof SamlStatusError) return 'PROVIDER_ERROR';
  const message = error instanceof Error ? error.message : '';
  if (/audience/i.test(message)) return 'WRONG_AUDIENCE';
  if (/not yet valid/i.test(message)) return 'NOT_YET_VALID';
  // A bearer confirmation has no NotBefore (saml-profiles §4.1.4.2): none valid means all expired.
  if (/expired|no valid subject confirmation/i.test(message)) return 'EXPIRED';
  if (/signature/i.test(message)) return 'BAD_SIGNATURE';
  if (/InResponseTo/i.test(message)) return 'STATE_UNKNOWN';
  return 'INVALID_RESPONSE';
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 300);
}
