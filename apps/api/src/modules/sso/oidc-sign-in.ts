import { createHash } from 'node:crypto';
import * as oidc from 'openid-client';
import { groupsOfClaim, type SsoRefusal } from '@csp/domain';
import type { ApiRoute, RouteAnswer, RouteRequest } from '../../core/api-module.js';
import type { RequestContext } from '../../core/context.js';
import { fetchOutside } from '../../core/http/address-guard.js';
import type { SsoConnectionRow } from './entities.js';
import {
  callbackUrls,
  enterConnection,
  openAttempt,
  refuseSignIn,
  signInFromProvider,
  useAttempt,
} from './provider-sign-in.js';

/**
 * OpenID Connect sign-in with openid-client: authorization code with PKCE (S256), a state and a nonce per attempt
 * (sso_sign_in_attempts, used once). openid-client checks the ID token's signature against the provider's keys,
 * its issuer, audience, expiry, issue time and nonce; we check the email's domain and who the person is.
 */
export const oidcRoutes: readonly ApiRoute[] = [
  { method: 'GET', path: '/sso/oidc/callback', allow: 'public', handle: finishOidcSignIn },
];

/** Discovery is one fetch per provider, not per sign-in: kept for ten minutes per connection and its settings. */
const DISCOVERY_MINUTES = 10;
const discovered = new Map<string, { config: Promise<oidc.Configuration>; at: number }>();

export function oidcConfiguration(
  context: RequestContext,
  connection: SsoConnectionRow,
): Promise<oidc.Configuration> {
  const issuer = connection.oidcIssuer ?? '';
  const clientId = connection.oidcClientId ?? '';
  const secret = connection.oidcClientSecret;
  const key = createHash('sha256')
    .update(JSON.stringify([connection.tenantId, connection.id, issuer, clientId, secret]))
    .digest('base64url');
  const kept = discovered.get(key);
  if (kept && Date.now() - kept.at < DISCOVERY_MINUTES * 60_000) return kept.config;
  const config = discoverProvider(context, issuer, clientId, secret);
  discovered.set(key, { config, at: Date.now() });
  // A failed discovery is not kept: the next sign-in asks again.
  config.catch(() => discovered.delete(key));
  return config;
}

/**
 * Asks the issuer for its configuration; plain http only for a provider on this machine (sso-input.ts). Every
 * request openid-client makes for this provider (discovery, keys, tokens, userinfo) goes through `fetchOutside`:
 * an issuer, or endpoints it names, inside our own network are refused unless SSO_ALLOW_PRIVATE_ADDRESSES is on.
 */
export async function discoverProvider(
  context: RequestContext,
  issuer: string,
  clientId: string,
  secret: string | null,
): Promise<oidc.Configuration> {
  const local = issuer.startsWith('http://');
  const guarded = fetchOutside(context.settings.sso.allowPrivateAddresses);
  const config = await oidc.discovery(
    new URL(issuer),
    clientId,
    secret ?? undefined,
    secret ? oidc.ClientSecretPost(secret) : oidc.None(),
    {
      [oidc.customFetch]: (url, options) => guarded(url, options as RequestInit),
      ...(local ? { execute: [oidc.allowInsecureRequests] } : {}),
    },
  );
  // openid-client trusts an ID token from the token endpoint for its TLS alone, as OIDC allows; we check its
  // signature against the provider's published keys too, so a token that was not signed by the provider is refused
  // whatever carried it.
  oidc.enableNonRepudiationChecks(config);
  return config;
}

export async function startOidcSignIn(
  context: RequestContext,
  connection: SsoConnectionRow,
  returnTo: string,
  email: string,
): Promise<RouteAnswer> {
  let config: oidc.Configuration;
  try {
    config = await oidcConfiguration(context, connection);
  } catch (error) {
    return refuseSignIn(context, connection, 'PROVIDER_ERROR', providerErrorMessage(error));
  }
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const nonce = oidc.randomNonce();
  const state = await context.db.write((db) =>
    openAttempt(db, connection, { nonce, codeVerifier, returnTo }),
  );
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: callbackUrls(context, connection).redirectUri,
    scope: 'openid email profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    login_hint: email,
  });
  return { kind: 'redirect', location: url.href };
}

async function finishOidcSignIn(context: RequestContext, request: RouteRequest): Promise<RouteAnswer> {
  const state = typeof request.query.state === 'string' ? request.query.state : '';
  const used = await useAttempt(context, state);
  if ('refusal' in used) return refuseSignIn(context, null, used.refusal);
  const { attempt } = used;
  const connection = await enterConnection(context, attempt.tenantId, attempt.connectionId);
  if (!connection || connection.protocol !== 'OIDC') return refuseSignIn(context, null, 'UNKNOWN_CONNECTION');
  if (typeof request.query.error === 'string')
    return refuseSignIn(context, connection, 'PROVIDER_ERROR', request.query.error.slice(0, 200));
  const { redirectUri } = callbackUrls(context, connection);
  const currentUrl = new URL(redirectUri);
  for (const [name, value] of Object.entries(request.query))
    if (typeof value === 'string') currentUrl.searchParams.set(name, value);
  let identity;
  let idToken: string | undefined;
  try {
    const config = await oidcConfiguration(context, connection);
    const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: attempt.codeVerifier ?? '',
      expectedState: state,
      expectedNonce: attempt.nonce ?? '',
      idTokenExpected: true,
    });
    idToken = tokens.id_token;
    let claims: Record<string, unknown> = tokens.claims() ?? {};
    // Some providers keep the email and name for the userinfo endpoint.
    if (typeof claims.email !== 'string' && tokens.access_token)
      claims = { ...(await oidc.fetchUserInfo(config, tokens.access_token, String(claims.sub))), ...claims };
    identity = identityOf(claims, connection.groupsClaim);
  } catch (error) {
    return refuseSignIn(context, connection, oidcRefusalOf(error), providerErrorMessage(error));
  }
  if (!identity) return refuseSignIn(context, connection, 'INVALID_RESPONSE', 'no email in the ID token');
  return signInFromProvider(context, connection, identity, { idToken }, attempt.returnTo);
}

/** Email from `email` (Entra ID may give only `preferred_username`, an email there), name, groups. */
function identityOf(claims: Record<string, unknown>, groupsClaim: string) {
  const email =
    typeof claims.email === 'string'
      ? claims.email
      : typeof claims.preferred_username === 'string' && claims.preferred_username.includes('@')
        ? claims.preferred_username
        : null;
  if (!email) return null;
  const name = typeof claims.name === 'string' ? claims.name : email;
  const verified = claims.email_verified;
  return {
    email,
    name,
    groups: groupsOfClaim(claims[groupsClaim]),
    emailVerified: typeof verified === 'boolean' ? verified : undefined,
  };
}

/**
 * Which check of the answer failed, from openid-client's (oauth4webapi's) error codes and the claim they name, so
 * the trail and the person both see the reason.
 */
export function oidcRefusalOf(error: unknown): SsoRefusal {
  const code = (error as { code?: unknown }).code;
  const detail = innerError(error);
  const named = (detail as { cause?: { claim?: unknown } }).cause?.claim;
  const claim = typeof named === 'string' ? named : undefined;
  if (code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED') {
    if (claim === 'aud' || claim === 'azp') return 'WRONG_AUDIENCE';
    if (claim === 'iss') return 'WRONG_ISSUER';
    if (claim === 'nonce') return 'REPLAYED';
  }
  // `exp` past, or `iat` more than an hour old: expired; `nbf` still ahead: not yet valid.
  if (code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED') return claim === 'nbf' ? 'NOT_YET_VALID' : 'EXPIRED';
  // A key the provider never published, or a signature its key does not verify.
  if (code === 'OAUTH_KEY_SELECTION_FAILED') return 'BAD_SIGNATURE';
  if (detail instanceof Error && /signature verification failed/i.test(detail.message))
    return 'BAD_SIGNATURE';
  if (error instanceof oidc.ResponseBodyError || error instanceof oidc.AuthorizationResponseError)
    return 'PROVIDER_ERROR';
  return 'INVALID_RESPONSE';
}

/** openid-client's error says which check failed; oauth4webapi's, its `cause`, says how (and names the claim). */
function innerError(error: unknown): unknown {
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause instanceof Error ? cause : error;
}

/** What went wrong, in openid-client's inner error's words (its own are generic: "something went wrong"). */
export function providerErrorMessage(error: unknown): string {
  const detail = innerError(error);
  return (detail instanceof Error ? detail.message : String(error)).slice(0, 300);
}
