import {
  SAML,
  ValidateInResponseTo,
  generateServiceProviderMetadata,
  type SamlConfig,
} from '@node-saml/node-saml';
import type { ApiRoute, RouteAnswer, RouteRequest } from '../../core/api-module.js';
import type { RequestContext } from '../../core/context.js';
import { isUuid } from '../../core/user-errors.js';
import type { SsoConnectionRow } from './entities.js';
import { callbackUrls, enterConnection } from './provider-sign-in.js';
import { withRedirectLogout } from './saml-metadata.js';

/**
 * Our side of a SAML connection (the service provider), with @node-saml/node-saml. Each connection is its own
 * service provider: its entity id, ACS and logout URLs name the tenant and the connection (`callbackUrls`).
 *
 * We do not sign AuthnRequests or logout messages: there is no SP private key to keep, rotate and publish, and what
 * a signed request would prove (that we sent it) the state token and InResponseTo check already bind on our side.
 */
export const serviceProviderRoutes: readonly ApiRoute[] = [
  { method: 'GET', path: '/sso/saml/:tenantId/:connectionId/metadata', allow: 'public', handle: metadata },
];

/** Assertions a little early or late by the provider's clock are still taken: clocks drift. */
export const CLOCK_SKEW_MS = 2 * 60_000;

export const EMAIL_NAME_ID = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
export const UNSPECIFIED_NAME_ID = 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified';

/**
 * node-saml for one connection. Assertions must be signed by one of the connection's certificates (any of them,
 * for a rollover); the whole response may be signed too, not instead. InResponseTo is not checked unless the caller
 * says so (the ACS does, against its attempt). node-saml keeps request ids in memory by default, useless behind a
 * load balancer: every caller gives its own `cacheProvider` or none is consulted.
 */
export function samlOf(
  context: RequestContext,
  connection: SsoConnectionRow,
  overrides: Partial<SamlConfig> = {},
): SAML {
  const urls = callbackUrls(context, connection);
  return new SAML({
    issuer: urls.entityId,
    audience: urls.entityId,
    callbackUrl: urls.acsUrl,
    logoutCallbackUrl: urls.sloUrl,
    entryPoint: connection.samlSsoUrl ?? undefined,
    logoutUrl: connection.samlLogoutUrl ?? undefined,
    idpIssuer: connection.samlIdpEntityId ?? undefined,
    idpCert: connection.samlCertificates,
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: false,
    acceptedClockSkewMs: CLOCK_SKEW_MS,
    // Whatever NameID the provider is set up to send: the email is also read from the attributes.
    identifierFormat: null,
    // Asking for a password (node-saml's default) makes Entra ID and AD FS refuse people who signed in otherwise
    // (Windows sign-in, passkeys); how the person proved themselves is the provider's policy.
    disableRequestedAuthnContext: true,
    validateInResponseTo: ValidateInResponseTo.never,
    ...overrides,
  });
}

/** The connection a SAML path names (`/sso/saml/:tenantId/:connectionId/…`), its tenant entered; null if none. */
export async function samlConnectionOf(
  context: RequestContext,
  request: RouteRequest,
): Promise<SsoConnectionRow | null> {
  const { tenantId, connectionId } = request.params;
  if (!isUuid(tenantId) || !isUuid(connectionId)) return null;
  const connection = await enterConnection(context, tenantId, connectionId);
  return connection?.protocol === 'SAML' ? connection : null;
}

/** What the admin uploads at the provider: our entity id, ACS (HTTP-POST) and logout URLs, signed assertions wanted. */
async function metadata(context: RequestContext, request: RouteRequest): Promise<RouteAnswer> {
  const connection = await samlConnectionOf(context, request);
  if (!connection)
    return { kind: 'html', status: 404, body: '<p>There is no such single sign-on connection.</p>' };
  const urls = callbackUrls(context, connection);
  const xml = generateServiceProviderMetadata({
    issuer: urls.entityId,
    callbackUrl: urls.acsUrl,
    logoutCallbackUrl: urls.sloUrl,
    // A preference for providers that read it; sign-in takes any NameID (samlOf).
    identifierFormat: EMAIL_NAME_ID,
    wantAssertionsSigned: true,
  });
  return { kind: 'xml', body: withRedirectLogout(xml, urls.sloUrl) };
}
