import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PASSWORD,
  createClient,
  invitationTokenFor,
  signUpConsultancy,
  type SignedIn,
} from '../../../test/factories.js';
import { graphql } from '../../../test/generated/index.js';
import { startOidcProvider, type TestOidcProvider } from '../../../test/oidc-provider.js';
import {
  TestBrowser,
  addDomain,
  addOidcConnection,
  signInThroughProvider,
  testDns,
  trailOf,
  uniqueDomain,
  updateConnection,
} from '../../../test/sso-factories.js';
import { startTestApi, type TestApi } from '../../../test/test-api.js';

const ME = graphql(`
  query SsoOidcMe {
    me {
      id
      email
      name
      role
      client {
        id
      }
    }
  }
`);

const ACCESS_REQUESTS = graphql(`
  query SsoOidcAccessRequests {
    ssoAccessRequests {
      id
      email
      groups
    }
  }
`);

const APPROVE = graphql(`
  mutation SsoOidcApprove($input: ApproveSsoAccessRequestInput!) {
    approveSsoAccessRequest(input: $input) {
      member {
        role
      }
      userErrors {
        field
        message
      }
    }
  }
`);

const dns = testDns();
let api: TestApi;
let provider: TestOidcProvider;
let admin: SignedIn;
let connectionId: string;
let domain: string;

beforeAll(async () => {
  api = await startTestApi({ sso: dns.settings });
  provider = await startOidcProvider(api.url);
  admin = await signUpConsultancy(api);
  connectionId = await addOidcConnection(api, admin, provider);
  domain = uniqueDomain();
  await addDomain(api, admin, dns, connectionId, domain);
  const mapped = await updateConnection(api, admin, {
    id: connectionId,
    roleMappings: [{ group: 'service-consultants', role: 'CONSULTANT' }],
  });
  expect(mapped.userErrors).toEqual([]);
});

afterAll(async () => {
  await provider?.close();
  await api?.close();
});

const meOf = async (browser: TestBrowser) => (await api.graphql(ME, {}, { cookie: browser.session })).data.me;

describe('signing in through an OpenID Connect provider', () => {
  it('gives a person of a verified domain an account on first sign-in, with the role their group maps to', async () => {
    const email = `ines@${domain}`;
    provider.people.set(email, { email, name: 'Inès Moreau', groups: ['service-consultants'] });
    const { landed, browser, refusal } = await signInThroughProvider(api, email);
    expect(refusal).toBeNull();
    expect(landed.pathname).toBe('/clients');
    expect(await meOf(browser)).toMatchObject({ email, name: 'Inès Moreau', role: 'CONSULTANT' });

    // The second time, the same account: no second member.
    const again = await signInThroughProvider(api, email);
    expect((await meOf(again.browser))?.id).toBe((await meOf(browser))?.id);
    const signIns = await trailOf(api, admin, 'ssoSignIn');
    expect(signIns.filter((entry) => entry.detail === email)).toHaveLength(2);
  });

  it('maps a group to client leaders of one client', async () => {
    const clientId = await createClient(api, admin, { name: 'Harbour Bank' });
    const mapped = await updateConnection(api, admin, {
      id: connectionId,
      roleMappings: [
        { group: 'service-consultants', role: 'CONSULTANT' },
        { group: 'harbour-leaders', role: 'CLIENT_LEADER', clientId },
      ],
    });
    expect(mapped.userErrors).toEqual([]);
    const email = `leader@${domain}`;
    provider.people.set(email, { email, groups: ['harbour-leaders'] });
    const { browser, refusal } = await signInThroughProvider(api, email);
    expect(refusal).toBeNull();
    expect(await meOf(browser)).toMatchObject({ role: 'CLIENT_LEADER', client: { id: clientId } });
  });

  it('holds a person whose groups map to no role until an admin approves them', async () => {
    const email = `newcomer@${domain}`;
    provider.people.set(email, { email, groups: ['somewhere-else'] });
    const first = await signInThroughProvider(api, email);
    expect(first.refusal).toBe('PENDING_APPROVAL');
    expect(await meOf(first.browser)).toBeNull();

    const requests = await api.graphql(ACCESS_REQUESTS, {}, { token: admin.token });
    const request = requests.data.ssoAccessRequests.find((entry) => entry.email === email);
    expect(request).toMatchObject({ groups: ['somewhere-else'] });
    const approved = await api.graphql(
      APPROVE,
      { input: { id: request!.id, role: 'CONSULTANT' } },
      { token: admin.token },
    );
    expect(approved.data.approveSsoAccessRequest).toEqual({ member: { role: 'CONSULTANT' }, userErrors: [] });

    const second = await signInThroughProvider(api, email);
    expect(second.refusal).toBeNull();
    expect(await meOf(second.browser)).toMatchObject({ email, role: 'CONSULTANT' });
    expect((await trailOf(api, admin, 'ssoAccessRequested')).map((entry) => entry.detail)).toContain(
      `PENDING_APPROVAL: ${email}`,
    );
  });

  it('logs out here and at the provider', async () => {
    const email = `leaving@${domain}`;
    provider.people.set(email, { email, groups: ['service-consultants'] });
    const { browser } = await signInThroughProvider(api, email);
    expect(await meOf(browser)).not.toBeNull();
    const response = await fetch(`${api.url}/sso/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: browser.session },
      body: '{}',
    });
    const { redirectTo } = (await response.json()) as { redirectTo: string };
    const endSession = new URL(redirectTo);
    expect(endSession.origin).toBe(provider.issuer);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${api.url}/sign-in?signedOut=1`);
    expect(endSession.searchParams.get('id_token_hint')).toBeTruthy();
    expect(await meOf(browser)).toBeNull();
  });
});

describe('what a sign-in through a provider refuses', () => {
  /** Signs in once with the ID token rewritten; answers the refusal and its trail entry. */
  async function refusedWith(
    change: Parameters<TestOidcProvider['tamperNextIdToken']>[0],
    options?: Parameters<TestOidcProvider['tamperNextIdToken']>[1],
  ) {
    const email = `person-${Math.random().toString(36).slice(2, 8)}@${domain}`;
    provider.people.set(email, { email, groups: ['service-consultants'] });
    provider.tamperNextIdToken(change, options);
    const { refusal, browser } = await signInThroughProvider(api, email);
    expect(await meOf(browser)).toBeNull();
    const trail = await trailOf(api, admin, 'ssoSignInRefused');
    return { refusal, recorded: trail.some((entry) => entry.detail?.startsWith(`${refusal}:`)) };
  }

  const now = () => Math.floor(Date.now() / 1000);

  it.each([
    ['WRONG_AUDIENCE', (claims: Record<string, unknown>) => ({ ...claims, aud: 'another-application' })],
    ['WRONG_ISSUER', (claims: Record<string, unknown>) => ({ ...claims, iss: 'https://impostor.example' })],
    ['EXPIRED', (claims: Record<string, unknown>) => ({ ...claims, iat: now() - 7200, exp: now() - 3600 })],
    ['NOT_YET_VALID', (claims: Record<string, unknown>) => ({ ...claims, nbf: now() + 3600 })],
    ['REPLAYED', (claims: Record<string, unknown>) => ({ ...claims, nonce: 'a nonce of another sign-in' })],
  ])('refuses an ID token with %s, and records why', async (code, change) => {
    expect(await refusedWith(change)).toEqual({ refusal: code, recorded: true });
  });

  it('refuses an ID token signed by a key the provider never published', async () => {
    expect(await refusedWith((claims) => claims, { signWith: 'foreignKey' })).toEqual({
      refusal: 'BAD_SIGNATURE',
      recorded: true,
    });
  });

  it('refuses a state used once already', async () => {
    const email = `twice@${domain}`;
    provider.people.set(email, { email, groups: ['service-consultants'] });
    const browser = new TestBrowser(api);
    // Walk the flow by hand to keep the callback's address.
    let next = new URL(`${api.url}/sso/start?email=${encodeURIComponent(email)}`);
    for (let hop = 0; hop < 10 && !next.pathname.startsWith('/sso/oidc/callback'); hop++) {
      const response = await fetch(next, { redirect: 'manual', headers: { cookie: browser.cookieHeader() } });
      browser.keep(response);
      next = new URL(response.headers.get('location')!, next);
    }
    expect(next.pathname).toBe('/sso/oidc/callback');
    expect((await browser.visit(next.href)).pathname).toBe('/');
    const again = await new TestBrowser(api).visit(next.href);
    expect(again.searchParams.get('sso')).toBe('STATE_REUSED');
    const forged = await new TestBrowser(api).visit(`/sso/oidc/callback?state=csx_forged&code=x`);
    expect(forged.searchParams.get('sso')).toBe('STATE_UNKNOWN');
  });

  it('refuses an email the provider did not verify', async () => {
    const email = `unverified@${domain}`;
    provider.people.set(email, { email, emailVerified: false, groups: ['service-consultants'] });
    expect((await signInThroughProvider(api, email)).refusal).toBe('EMAIL_NOT_VERIFIED');
  });

  it('refuses an email whose domain the connection does not own, whatever the provider lets people choose', async () => {
    const victim = await signUpConsultancy(api);
    provider.nextPerson = { email: victim.email, groups: ['service-consultants'] };
    const { refusal, browser } = await signInThroughProvider(api, `someone@${domain}`);
    expect(refusal).toBe('DOMAIN_NOT_OWNED');
    expect(await meOf(browser)).toBeNull();
    const trail = await trailOf(api, admin, 'ssoSignInRefused');
    expect(trail.map((entry) => entry.detail)).toContain(`DOMAIN_NOT_OWNED: ${victim.email}`);
  });

  it('refuses a domain bound but not verified, and one bound to no connection', async () => {
    const pending = uniqueDomain();
    await addDomain(api, admin, dns, connectionId, pending, { verify: false });
    expect((await signInThroughProvider(api, `a@${pending}`)).refusal).toBe('DOMAIN_NOT_VERIFIED');
    expect((await signInThroughProvider(api, 'a@nowhere.test')).refusal).toBe('DOMAIN_NOT_VERIFIED');
  });

  it('refuses a person signed in to another consultancy arriving through this one', async () => {
    const other = await signUpConsultancy(api);
    const email = `visitor@${domain}`;
    provider.people.set(email, { email, groups: ['service-consultants'] });
    const browser = new TestBrowser(api);
    browser.cookies.set('csp_session', other.token);
    const { refusal } = await signInThroughProvider(api, email, browser);
    expect(refusal).toBe('OTHER_CONSULTANCY');
    expect((await api.graphql(ME, {}, { cookie: browser.session })).data.me?.id).toBe(other.memberId);
  });

  it('refuses an email that signs in to another consultancy already', async () => {
    const other = await signUpConsultancy(api);
    const ownDomain = uniqueDomain();
    await addDomain(api, admin, dns, connectionId, ownDomain);
    // A member of theirs whose address is in a domain of ours (the check before would refuse any other address).
    const invited = await api.graphql(
      `mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { userErrors { message } } }`,
      { input: { email: `taken@${ownDomain}`, role: 'CONSULTANT' } },
      { token: other.token },
    );
    expect(invited.errors).toBeUndefined();
    const accepted = await api.graphql<{ acceptInvitation: { userErrors: unknown[] } }>(
      `mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { userErrors { message } } }`,
      {
        input: {
          token: await invitationTokenFor(api, `taken@${ownDomain}`),
          name: 'Taken',
          password: PASSWORD,
        },
      },
    );
    expect(accepted.data.acceptInvitation.userErrors).toEqual([]);
    provider.people.set(`taken@${ownDomain}`, {
      email: `taken@${ownDomain}`,
      groups: ['service-consultants'],
    });
    expect((await signInThroughProvider(api, `taken@${ownDomain}`)).refusal).toBe('OTHER_CONSULTANCY');
  });
});

describe('addresses an admin gives', () => {
  it('refuses an issuer or metadata inside our own network unless SSO_ALLOW_PRIVATE_ADDRESSES is on', async () => {
    const guarded = await startTestApi({ sso: { allowPrivateAddresses: false } });
    try {
      const owner = await signUpConsultancy(guarded);
      const oidcAnswer = await guarded.graphql(
        `mutation ($input: AddOidcConnectionInput!) {
           addOidcConnection(input: $input) { connection { id } userErrors { field message } }
         }`,
        { input: { name: 'Inside', issuer: provider.issuer, clientId: provider.clientId } },
        { token: owner.token },
      );
      expect(oidcAnswer.data).toEqual({
        addOidcConnection: {
          connection: null,
          userErrors: [
            { field: 'issuer', message: expect.stringMatching(/127\.0\.0\.1.*private, loopback/) },
          ],
        },
      });
      const samlAnswer = await guarded.graphql(
        `mutation ($input: AddSamlConnectionInput!) {
           addSamlConnection(input: $input) { connection { id } userErrors { field message } }
         }`,
        { input: { name: 'Inside', metadataUrl: 'https://169.254.169.254/latest/meta-data' } },
        { token: owner.token },
      );
      expect(samlAnswer.data).toEqual({
        addSamlConnection: {
          connection: null,
          userErrors: [{ field: 'metadataUrl', message: expect.stringMatching(/169\.254\.169\.254/) }],
        },
      });
    } finally {
      await guarded.close();
    }
  });
});
