import type { Profile } from '@node-saml/node-saml';
import type { ApiRoute, RouteAnswer, RouteRequest } from '../../core/api-module.js';
import type { RequestContext } from '../../core/context.js';
import { logger } from '../../core/logger.js';
import { endSession } from '../accounts/index.js';
import { SsoSessionEntity, type SsoConnectionRow, type SsoSessionRow } from './entities.js';
import { portalUrl } from './provider-sign-in.js';
import { UNSPECIFIED_NAME_ID, samlConnectionOf, samlOf } from './saml-service-provider.js';

/**
 * SAML single logout at our logout URL, over HTTP-Redirect (GET) or HTTP-POST: the provider's LogoutResponse to a
 * logout we started (`samlLogoutUrl`, from POST /sso/logout), or its own LogoutRequest when the person signed out
 * there or at another application. Served as nobody, as the ACS is: the message's signature is its authority.
 */
export const samlLogoutRoutes: readonly ApiRoute[] = [
  {
    method: 'GET',
    path: '/sso/saml/:tenantId/:connectionId/logout',
    allow: 'public',
    signedLink: true,
    handle: logout,
  },
  {
    method: 'POST',
    path: '/sso/saml/:tenantId/:connectionId/logout',
    allow: 'public',
    signedLink: true,
    formLimit: '256kb',
    handle: logout,
  },
];

/** Where to send the person to log out at the provider too; null when it has no single logout. */
export async function samlLogoutUrl(
  context: RequestContext,
  connection: SsoConnectionRow,
  session: SsoSessionRow,
): Promise<string | null> {
  if (!connection.samlLogoutUrl || !session.nameId) return null;
  const user: Profile = {
    issuer: connection.samlIdpEntityId ?? '',
    nameID: session.nameId,
    nameIDFormat: session.nameIdFormat ?? UNSPECIFIED_NAME_ID,
    ...(session.sessionIndex ? { sessionIndex: session.sessionIndex } : {}),
  };
  return samlOf(context, connection).getLogoutUrlAsync(user, '', {});
}

async function logout(context: RequestContext, request: RouteRequest): Promise<RouteAnswer> {
  const signedOut: RouteAnswer = { kind: 'redirect', location: portalUrl(context, '/sign-in?signedOut=1') };
  const connection = await samlConnectionOf(context, request);
  if (!connection) return signedOut;
  const message = ((request.method === 'GET' ? request.query : request.body) ?? {}) as Record<string, string>;
  const saml = samlOf(context, connection);
  try {
    if (typeof message.SAMLRequest === 'string') {
      // node-saml takes an unsigned LogoutRequest over HTTP-Redirect: anyone could then end anyone's sessions.
      if (request.method === 'GET' && typeof message.Signature !== 'string')
        throw new Error('The LogoutRequest is not signed.');
      const { profile } =
        request.method === 'GET'
          ? await saml.validateRedirectAsync(message, queryOf(request))
          : await saml.validatePostRequestAsync(message);
      if (!profile) throw new Error('The LogoutRequest names nobody.');
      await endSessionsOf(context, connection, profile);
      context.session.clear();
      const relayState = typeof message.RelayState === 'string' ? message.RelayState : '';
      if (!connection.samlLogoutUrl) return signedOut;
      // Unsigned, as our requests are (saml-service-provider.ts).
      return {
        kind: 'redirect',
        location: await saml.getLogoutResponseUrlAsync(profile, relayState, {}, true),
      };
    }
    // The answer to our own LogoutRequest: our session ended before we sent it, so there is nothing left to
    // end, whatever the answer says; it is checked only to log a provider that failed to log the person out.
    if (request.method === 'GET') await saml.validateRedirectAsync(message, queryOf(request));
    else await saml.validatePostResponseAsync(message);
  } catch (error) {
    logger.info(
      { requestId: context.requestId, connectionId: connection.id, err: error },
      'saml logout message refused',
    );
  }
  return signedOut;
}

/** The query string as the provider signed it (node-saml checks an HTTP-Redirect signature over these bytes). */
function queryOf(request: RouteRequest): string {
  const at = request.originalUrl.indexOf('?');
  return at < 0 ? '' : request.originalUrl.slice(at + 1);
}

/** Ends our sessions of the person the provider logged out: of that provider session when it says which. */
async function endSessionsOf(
  context: RequestContext,
  connection: SsoConnectionRow,
  profile: Profile,
): Promise<void> {
  await context.db.write(async (db) => {
    const sessions = await db.getRepository(SsoSessionEntity).findBy({
      connectionId: connection.id,
      nameId: profile.nameID,
      ...(profile.sessionIndex ? { sessionIndex: profile.sessionIndex } : {}),
    });
    for (const session of sessions) await endSession(db, session.sessionId);
  });
}
