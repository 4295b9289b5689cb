import * as oidc from 'openid-client';
import type { ApiRoute, RouteAnswer } from '../../core/api-module.js';
import type { RequestContext } from '../../core/context.js';
import { logOut } from '../accounts/index.js';
import { SsoConnectionEntity, SsoSessionEntity } from './entities.js';
import { oidcConfiguration } from './oidc-sign-in.js';
import { callbackUrls, portalUrl } from './provider-sign-in.js';
import { samlLogoutUrl } from './saml-logout.js';

/**
 * `POST /sso/logout` (JSON, from the portal's sign-out): ends the session here, as `signOut` does, and answers where
 * to go next: the provider's logout when the session came through one that supports it (single logout), else the
 * sign-in page.
 */
export const providerLogoutRoutes: readonly ApiRoute[] = [
  { method: 'POST', path: '/sso/logout', allow: 'public', handle: logOutEverywhere },
];

async function logOutEverywhere(context: RequestContext): Promise<RouteAnswer> {
  const viewer = context.viewer;
  const signedOut = portalUrl(context, '/sign-in?signedOut=1');
  if (viewer.kind !== 'member') {
    await logOut(context);
    return { kind: 'json', body: { redirectTo: signedOut } };
  }
  const found = await context.db.read(async (db) => {
    const session = await db.getRepository(SsoSessionEntity).findOneBy({ sessionId: viewer.sessionId });
    const connection = session
      ? await db.getRepository(SsoConnectionEntity).findOneBy({ id: session.connectionId })
      : null;
    return session && connection ? { session, connection } : null;
  });
  await logOut(context);
  if (!found) return { kind: 'json', body: { redirectTo: signedOut } };
  const { session, connection } = found;
  let redirectTo: string | null = null;
  try {
    if (connection.protocol === 'OIDC') {
      const config = await oidcConfiguration(context, connection);
      if (config.serverMetadata().end_session_endpoint) {
        redirectTo = oidc.buildEndSessionUrl(config, {
          post_logout_redirect_uri: callbackUrls(context, connection).postLogoutRedirectUri,
          ...(session.idToken ? { id_token_hint: session.idToken } : {}),
        }).href;
      }
    } else {
      redirectTo = await samlLogoutUrl(context, connection, session);
    }
  } catch {
    // The provider is out of reach: the session here has ended all the same.
    redirectTo = null;
  }
  return { kind: 'json', body: { redirectTo: redirectTo ?? signedOut } };
}
