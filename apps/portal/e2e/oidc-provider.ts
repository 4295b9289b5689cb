/// <reference types="node" />
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** A person at the identity provider: their login there, and what it says about them. */
export interface ProviderPerson {
  login: string;
  email: string;
  name: string;
  groups: string[];
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

/**
 * An OpenID Connect provider on 127.0.0.1, as an organisation's Okta or Entra ID would be for the portal: one client
 * (the portal, authenticating with client_secret_post, PKCE required), the email, name and groups of each person in
 * the ID token, and oidc-provider's own development login and consent pages, where any password is accepted.
 */
export async function startOidcProvider(
  portalUrl: string,
  people: readonly ProviderPerson[],
): Promise<TestOidcProvider> {
  const clientId = 'service-programme';
  const clientSecret = `secret-${Math.random().toString(36).slice(2)}`;
  // The issuer names its port, which is only known once listening: take one, then build the provider on it.
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${portalUrl}/sso/oidc/callback`],
        post_logout_redirect_uris: [`${portalUrl}/sign-in?signedOut=1`],
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    // Claims in the ID token itself, as Entra ID and Okta can be set to do, rather than only at userinfo.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: [clientSecret] },
    findAccount: (_ctx, sub) => {
      const person = people.find((candidate) => candidate.login === sub);
      if (!person) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          email: person.email,
          email_verified: true,
          name: person.name,
          groups: person.groups,
        }),
      };
    },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
