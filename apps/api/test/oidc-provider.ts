import { createServer, type RequestListener } from 'node:http';
import { SignJWT, decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, type JWTPayload } from 'jose';
import type { Context } from 'koa';
import Provider from 'oidc-provider';

/** Who the provider says signs in; the test decides, as a real provider's directory would. */
export interface ProviderPerson {
  email: string;
  name?: string;
  groups?: string[];
  emailVerified?: boolean;
}

/**
 * A real OpenID Connect provider (oidc-provider) on loopback, with one client registered for the API under test.
 * Its login and consent screens are replaced by one step that signs in the person named by `login_hint` (the API
 * sends the email typed on its sign-in page) or by `nextPerson`: the protocol (authorization code, PKCE, state,
 * nonce, signed ID token, end session) is the provider's own.
 */
export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** People by email; one not listed signs in as themselves, verified, in no groups. */
  people: Map<string, ProviderPerson>;
  /** The next sign-in is as this person, whatever the login hint (a provider that lets people pick any email). */
  nextPerson: ProviderPerson | null;
  /**
   * Rewrites the next ID token the token endpoint answers: its claims changed and signed again with the
   * provider's key, or with `signWith` (a key the provider never published, under the provider's key id).
   */
  tamperNextIdToken(change: (claims: JWTPayload) => JWTPayload, options?: { signWith?: 'foreignKey' }): void;
  close(): Promise<void>;
}

export async function startOidcProvider(apiUrl: string): Promise<TestOidcProvider> {
  const keys = await generateKeyPair('RS256', { extractable: true });
  const foreign = await generateKeyPair('RS256', { extractable: true });
  const kid = 'test-signing-key';
  const signingJwk = { ...(await exportJWK(keys.privateKey)), kid, alg: 'RS256', use: 'sig' };
  const clientId = 'service-programme';
  const clientSecret = 'a secret shared with the test api only';
  const people = new Map<string, ProviderPerson>();
  let tamper: { change: (claims: JWTPayload) => JWTPayload; foreignKey: boolean } | null = null;

  // The issuer names its port, so the server listens before the provider exists; requests wait for neither.
  let app: RequestListener = (_req, res) => res.writeHead(503).end();
  const server = createServer((req, res) => app(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const issuer = `http://127.0.0.1:${port}`;

  const handle: TestOidcProvider = {
    issuer,
    clientId,
    clientSecret,
    people,
    nextPerson: null,
    tamperNextIdToken(change, options) {
      tamper = { change, foreignKey: options?.signWith === 'foreignKey' };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const personOf = (accountId: string): ProviderPerson =>
    people.get(accountId) ?? { email: accountId, groups: [], emailVerified: true };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${apiUrl}/sso/oidc/callback`],
        post_logout_redirect_uris: [`${apiUrl}/sign-in?signedOut=1`],
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [signingJwk] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    // The claims in the ID token itself, as Entra ID, Okta and Google send them.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    async findAccount(_ctx, accountId) {
      const person = personOf(accountId);
      return {
        accountId,
        claims: () => ({
          sub: accountId,
          email: person.email,
          email_verified: person.emailVerified ?? true,
          name: person.name ?? person.email.split('@')[0],
          groups: person.groups ?? [],
        }),
      };
    },
  });

  app = provider.callback();
  provider.use(async (ctx, next) => {
    if (ctx.path.startsWith('/interaction/')) return signInAtOnce(provider, ctx, handle);
    await next();
    const body = ctx.body as { id_token?: unknown } | undefined;
    if (ctx.path === '/token' && tamper && body && typeof body.id_token === 'string') {
      const { change, foreignKey } = tamper;
      tamper = null;
      const header = decodeProtectedHeader(body.id_token);
      ctx.body = {
        ...body,
        id_token: await new SignJWT(change(decodeJwt(body.id_token)))
          .setProtectedHeader({ alg: header.alg ?? 'RS256', kid: header.kid ?? kid })
          .sign(foreignKey ? foreign.privateKey : keys.privateKey),
      };
    }
  });
  return handle;
}

/** Login and consent in one step, for whoever the test chose. */
async function signInAtOnce(provider: Provider, ctx: Context, handle: TestOidcProvider) {
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  const hint =
    typeof details.params.login_hint === 'string' ? details.params.login_hint : 'nobody@example.com';
  const chosen = handle.nextPerson;
  if (chosen) handle.people.set(chosen.email, chosen);
  const accountId = details.session?.accountId ?? chosen?.email ?? hint;
  handle.nextPerson = null;
  const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
  grant.addOIDCScope(String(details.params.scope));
  const grantId = await grant.save();
  ctx.respond = false;
  await provider.interactionFinished(
    ctx.req,
    ctx.res,
    { login: { accountId }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}
