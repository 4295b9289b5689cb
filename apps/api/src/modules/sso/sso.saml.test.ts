import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { signUpConsultancy, type SignedIn } from '../../../test/factories.js';
import { graphql } from '../../../test/generated/index.js';
import {
  signingKey,
  startTestIdp,
  type LoginAnswer,
  type PostedResponse,
  type TestIdp,
} from '../../../test/saml-idp.js';

const ADD_SAML = graphql(`
  mutation SsoSamlAddConnection($input: AddSamlConnectionInput!) {
    addSamlConnection(input: $input) {
      connection {
        id
        idpEntityId
        ssoUrl
        logoutUrl
        certificates {
          fingerprint
        }
        serviceProvider {
          entityId
          acsUrl
          sloUrl
          metadataUrl
        }
      }
      userErrors {
        field
        code
      }
    }
  }
`);

const ADD_DOMAIN = graphql(`
  mutation SsoSamlAddDomain($input: AddSsoDomainInput!) {
    addSsoDomain(input: $input) {
      domain {
        id
        verificationRecordName
        verificationRecordValue
      }
      userErrors {
        field
        message
      }
    }
  }
`);

const VERIFY_DOMAIN = graphql(`
  mutation SsoSamlVerifyDomain($input: VerifySsoDomainInput!) {
    verifySsoDomain(input: $input) {
      domain {
        verifiedAt
      }
      userErrors {
        field
        message
      }
    }
  }
`);

const UPDATE_CONNECTION = graphql(`
  mutation SsoSamlUpdateConnection($input: UpdateSsoConnectionInput!) {
    updateSsoConnection(input: $input) {
      connection {
        id
      }
      userErrors {
        field
        message
      }
    }
  }
`);

const ME = graphql(`
  query SsoSamlMe {
    me {
      email
      name
      role
    }
  }
`);

const TRAIL = graphql(`
  query SsoSamlTrail($action: String) {
    activity(action: $action, first: 50) {
      nodes {
        action
        detail
      }
    }
  }
`);

const ACCESS_REQUESTS = graphql(`
  query SsoSamlAccessRequests {
    ssoAccessRequests {
      email
      name
      groups
    }
  }
`);

/** TXT records the API's DNS finds: what an admin would publish at their domain. */
const txtRecords = new Map<string, string>();

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({
    sso: { resolveTxt: (name) => Promise.resolve(txtRecords.has(name) ? [[txtRecords.get(name)!]] : []) },
  });
});
afterAll(() => api.close());

interface World {
  admin: SignedIn;
  idp: TestIdp;
  connectionId: string;
  domain: string;
  serviceProvider: { entityId: string; acsUrl: string; sloUrl: string; metadataUrl: string };
}

/** A consultancy with a SAML connection to its own test IdP, a verified domain, and consultants mapped by group. */
async function samlWorld(idp?: TestIdp): Promise<World> {
  const admin = await signUpConsultancy(api);
  const provider = idp ?? (await startTestIdp());
  const added = await api.graphql(
    ADD_SAML,
    { input: { name: 'Corporate sign-in', metadataXml: provider.metadataXml } },
    admin,
  );
  expect(added.data.addSamlConnection.userErrors).toEqual([]);
  const connection = added.data.addSamlConnection.connection!;
  const domain = `corp-${randomUUID().slice(0, 8)}.example`;
  await verifiedDomain(admin, connection.id, domain);
  const mapped = await api.graphql(
    UPDATE_CONNECTION,
    { input: { id: connection.id, roleMappings: [{ group: 'consultants', role: 'CONSULTANT' }] } },
    admin,
  );
  expect(mapped.data.updateSsoConnection.userErrors).toEqual([]);
  const serviceProvider = connection.serviceProvider as World['serviceProvider'];
  provider.trust(await (await fetch(serviceProvider.metadataUrl)).text());
  return { admin, idp: provider, connectionId: connection.id, domain, serviceProvider };
}

async function addDomain(admin: SignedIn, connectionId: string, domain: string) {
  const added = await api.graphql(ADD_DOMAIN, { input: { connectionId, domain } }, admin);
  expect(added.data.addSsoDomain.userErrors).toEqual([]);
  return added.data.addSsoDomain.domain!;
}

async function verifiedDomain(admin: SignedIn, connectionId: string, domain: string) {
  const record = await addDomain(admin, connectionId, domain);
  txtRecords.set(record.verificationRecordName, record.verificationRecordValue);
  const verified = await api.graphql(VERIFY_DOMAIN, { input: { id: record.id } }, admin);
  expect(verified.data.verifySsoDomain.userErrors).toEqual([]);
}

/** The sign-in page's "continue with single sign-on": the redirect to the provider, with its AuthnRequest. */
async function startSignIn(email: string, returnTo?: string): Promise<string> {
  const query = new URLSearchParams({ email, ...(returnTo ? { returnTo } : {}) });
  const response = await fetch(`${api.url}/sso/start?${query}`, { redirect: 'manual' });
  expect(response.status).toBe(303);
  return response.headers.get('location')!;
}

/** The browser posting the provider's form to our ACS. */
function postToAcs(world: World, form: PostedResponse): Promise<Response> {
  return fetch(world.serviceProvider.acsUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...form }),
    redirect: 'manual',
  });
}

/** SP-initiated, start to finish: answers what the provider would, posts it, and returns our answer. */
async function signIn(world: World, login: LoginAnswer, returnTo?: string): Promise<Response> {
  const signInUrl = await startSignIn(
    login.nameId.includes('@') ? login.nameId : `someone@${world.domain}`,
    returnTo,
  );
  return postToAcs(world, await world.idp.answer(signInUrl, login));
}

function sessionCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith('csp_session='));
  expect(cookie, 'a session cookie').toBeTruthy();
  return cookie!.split(';')[0]!;
}

async function me(cookie: string) {
  return (await api.graphql(ME, {}, { cookie })).data.me;
}

/** Refused: back to the sign-in page with the reason, and the reason in the consultancy's trail. */
async function expectRefused(world: World, response: Response, code: string) {
  expect(response.status).toBe(303);
  expect(response.headers.get('location')).toBe(`${api.url}/sign-in?sso=${code}`);
  expect(response.headers.getSetCookie().some((value) => value.startsWith('csp_session=css_'))).toBe(false);
  const action = code === 'PENDING_APPROVAL' ? 'ssoAccessRequested' : 'ssoSignInRefused';
  const trail = await api.graphql(TRAIL, { action }, world.admin);
  expect(trail.data.activity.nodes[0]?.detail?.split(':')[0]).toBe(code);
}

const consultant = (world: World, local = `grace-${randomUUID().slice(0, 6)}`): LoginAnswer => ({
  nameId: `${local}@${world.domain}`,
  attributes: { displayName: 'Grace Hopper', groups: ['consultants', 'everyone'] },
});

describe('SAML sign-in, SP-initiated', () => {
  it('signs a new person in with the role their group maps to, and back where they were going', async () => {
    const world = await samlWorld();
    const login = consultant(world);
    const signInUrl = await startSignIn(login.nameId, '/clients');
    expect(signInUrl.startsWith(`${world.idp.ssoUrl}?`)).toBe(true);
    expect(new URL(signInUrl).searchParams.get('SAMLRequest')).toBeTruthy();
    expect(new URL(signInUrl).searchParams.get('RelayState')).toMatch(/^csx_/);
    const requestId = await world.idp.requestIdOf(signInUrl);
    const [attempt] = await api.ownerQuery<{ request_id: string }>(
      'SELECT request_id FROM sso_sign_in_attempts WHERE tenant_id = $1 ORDER BY created_at DESC LIMIT 1',
      [world.admin.tenantId],
    );
    expect(attempt?.request_id).toBe(requestId);

    const response = await postToAcs(world, await world.idp.answer(signInUrl, login));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${api.url}/clients`);
    expect(await me(sessionCookie(response))).toEqual({
      email: login.nameId,
      name: 'Grace Hopper',
      role: 'CONSULTANT',
    });
    const [session] = await api.ownerQuery<{ name_id: string; session_index: string | null }>(
      'SELECT name_id, session_index FROM sso_sessions WHERE tenant_id = $1',
      [world.admin.tenantId],
    );
    expect(session?.name_id).toBe(login.nameId);
    expect(session?.session_index).toBeTruthy();
    const trail = await api.graphql(TRAIL, { action: 'ssoSignIn' }, world.admin);
    expect(trail.data.activity.nodes.map((entry) => entry.detail)).toEqual([login.nameId]);
  });

  it('reads the email and name from attributes when the NameID is no email, and Entra ID’s groups claim', async () => {
    const world = await samlWorld();
    const email = `ada-${randomUUID().slice(0, 6)}@${world.domain}`;
    const response = await signIn(world, {
      nameId: 'a1b2c3-persistent',
      nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
      attributes: {
        'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress': email,
        'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname': 'Ada',
        'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname': 'Lovelace',
        'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups': 'consultants',
      },
    });
    expect(response.status).toBe(303);
    expect(await me(sessionCookie(response))).toEqual({ email, name: 'Ada Lovelace', role: 'CONSULTANT' });
  });

  it('holds a person whose groups map to no role for an admin’s approval', async () => {
    const world = await samlWorld();
    const login: LoginAnswer = {
      nameId: `newcomer-${randomUUID().slice(0, 6)}@${world.domain}`,
      attributes: { name: 'New Comer', groups: 'visitors' },
    };
    await expectRefused(world, await signIn(world, login), 'PENDING_APPROVAL');
    const requests = await api.graphql(ACCESS_REQUESTS, {}, world.admin);
    expect(requests.data.ssoAccessRequests).toEqual([
      { email: login.nameId, name: 'New Comer', groups: ['visitors'] },
    ]);
  });

  it('trusts every certificate of the connection, so a provider can roll its key over', async () => {
    const world = await samlWorld();
    const next = await signingKey('Next key');
    const rolled = await api.graphql(
      UPDATE_CONNECTION,
      { input: { id: world.connectionId, certificates: [world.idp.key.certificate, next.certificate] } },
      world.admin,
    );
    expect(rolled.data.updateSsoConnection.userErrors).toEqual([]);
    const newKey = await startTestIdp({ entityId: world.idp.entityId, key: next });
    newKey.trust(await (await fetch(world.serviceProvider.metadataUrl)).text());
    const response = await signIn({ ...world, idp: newKey }, consultant(world));
    expect(await me(sessionCookie(response))).toMatchObject({ role: 'CONSULTANT' });
  });
});

describe('SAML sign-in refusals', () => {
  let world: World;
  beforeAll(async () => {
    world = await samlWorld();
  });

  it('refuses an assertion for another service provider', async () => {
    const login = { ...consultant(world), audience: 'https://another-app.example.com/saml' };
    await expectRefused(world, await signIn(world, login), 'WRONG_AUDIENCE');
  });

  it('refuses an assertion from another issuer, even signed with the trusted key', async () => {
    const login = { ...consultant(world), issuer: 'https://impostor.example.com/saml' };
    await expectRefused(world, await signIn(world, login), 'WRONG_ISSUER');
  });

  it('refuses an expired assertion', async () => {
    const login = { ...consultant(world), notOnOrAfter: new Date(Date.now() - 10 * 60_000) };
    await expectRefused(world, await signIn(world, login), 'EXPIRED');
    await expectRefused(world, await postToAcs(world, await world.idp.unsolicited(login)), 'EXPIRED');
  });

  it('refuses an assertion not valid yet', async () => {
    const login = { ...consultant(world), notBefore: new Date(Date.now() + 30 * 60_000) };
    await expectRefused(world, await signIn(world, login), 'NOT_YET_VALID');
  });

  it('refuses an assertion signed by a key the connection does not trust', async () => {
    const forger = await startTestIdp({ entityId: world.idp.entityId });
    forger.trust(await (await fetch(world.serviceProvider.metadataUrl)).text());
    await expectRefused(world, await signIn({ ...world, idp: forger }, consultant(world)), 'BAD_SIGNATURE');
  });

  it('takes a response signed as a whole as well, but not instead of its assertion', async () => {
    const metadata = await (await fetch(world.serviceProvider.metadataUrl)).text();
    world.idp.trust(metadata, { signResponse: true });
    expect((await signIn(world, consultant(world))).headers.get('location')).toBe(`${api.url}/`);
    // As if we had not asked for signed assertions: samlify then signs the response only.
    world.idp.trust(metadata.replace('WantAssertionsSigned="true"', 'WantAssertionsSigned="false"'));
    await expectRefused(world, await signIn(world, consultant(world)), 'BAD_SIGNATURE');
    world.idp.trust(metadata);
  });

  it('refuses an assertion altered after it was signed', async () => {
    const signInUrl = await startSignIn(`eve@${world.domain}`);
    const form = await world.idp.answer(signInUrl, consultant(world, 'eve'));
    const xml = Buffer.from(form.SAMLResponse, 'base64').toString('utf8');
    const altered = xml.replace(`eve@${world.domain}`, `admin@${world.domain}`);
    expect(altered).not.toBe(xml);
    const response = await postToAcs(world, {
      ...form,
      SAMLResponse: Buffer.from(altered).toString('base64'),
    });
    await expectRefused(world, response, 'BAD_SIGNATURE');
  });

  it('refuses the same response posted twice', async () => {
    const signInUrl = await startSignIn(`twice@${world.domain}`);
    const form = await world.idp.answer(signInUrl, consultant(world, 'twice'));
    const first = await postToAcs(world, form);
    expect(first.headers.get('location')).toBe(`${api.url}/`);
    await expectRefused(world, await postToAcs(world, form), 'REPLAYED');
  });

  it('refuses a second answer to one sign-in, and an answer to another request', async () => {
    const signInUrl = await startSignIn(`again@${world.domain}`);
    expect((await postToAcs(world, await world.idp.answer(signInUrl, consultant(world)))).status).toBe(303);
    await expectRefused(
      world,
      await postToAcs(world, await world.idp.answer(signInUrl, consultant(world))),
      'STATE_REUSED',
    );
    const other = await startSignIn(`other@${world.domain}`);
    const answer = await world.idp.answer(other, { ...consultant(world), inResponseTo: '_not-our-request' });
    await expectRefused(world, await postToAcs(world, answer), 'STATE_UNKNOWN');
  });

  it('refuses an email whose domain the connection does not own, or has not verified', async () => {
    await expectRefused(
      world,
      await postToAcs(world, await world.idp.unsolicited({ nameId: 'someone@elsewhere.example' })),
      'DOMAIN_NOT_OWNED',
    );
    const unverified = `pending-${randomUUID().slice(0, 8)}.example`;
    await addDomain(world.admin, world.connectionId, unverified);
    await expectRefused(
      world,
      await postToAcs(world, await world.idp.unsolicited({ nameId: `someone@${unverified}` })),
      'DOMAIN_NOT_VERIFIED',
    );
    const start = await fetch(`${api.url}/sso/start?email=someone@${unverified}`, { redirect: 'manual' });
    expect(start.headers.get('location')).toBe(`${api.url}/sign-in?sso=DOMAIN_NOT_VERIFIED`);
  });

  it('refuses what is no SAML response, and a connection that does not exist', async () => {
    await expectRefused(world, await postToAcs(world, { SAMLResponse: 'bm90IFhNTA==' }), 'INVALID_RESPONSE');
    const unknown = await fetch(`${api.url}/sso/saml/${world.admin.tenantId}/${randomUUID()}/acs`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'SAMLResponse=x',
      redirect: 'manual',
    });
    expect(unknown.headers.get('location')).toBe(`${api.url}/sign-in?sso=UNKNOWN_CONNECTION`);
    const malformed = await fetch(`${api.url}/sso/saml/not-a-tenant/nor-a-connection/acs`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'SAMLResponse=x',
      redirect: 'manual',
    });
    expect(malformed.headers.get('location')).toBe(`${api.url}/sign-in?sso=UNKNOWN_CONNECTION`);
  });
});

describe('SAML sign-in, IdP-initiated', () => {
  it('signs in from the provider’s portal, once, to a portal path its RelayState names', async () => {
    const world = await samlWorld();
    const form = await world.idp.unsolicited(consultant(world), '/actions');
    const response = await postToAcs(world, form);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${api.url}/actions`);
    expect(await me(sessionCookie(response))).toMatchObject({ role: 'CONSULTANT' });
    await expectRefused(world, await postToAcs(world, form), 'REPLAYED');

    const elsewhere = await postToAcs(
      world,
      await world.idp.unsolicited(consultant(world), 'https://evil.example'),
    );
    expect(elsewhere.headers.get('location')).toBe(`${api.url}/`);
  });

  it('refuses an unsolicited response that claims to answer a request', async () => {
    const world = await samlWorld();
    const form = await world.idp.unsolicited({ ...consultant(world), inResponseTo: '_never-sent' });
    await expectRefused(world, await postToAcs(world, form), 'STATE_UNKNOWN');
  });
});

describe('SAML connection set-up', () => {
  it('reads the provider’s metadata and serves ours as XML', async () => {
    const world = await samlWorld();
    const added = await api.graphql(
      ADD_SAML,
      { input: { name: 'Again', metadataXml: world.idp.metadataXml } },
      world.admin,
    );
    const connection = added.data.addSamlConnection.connection;
    expect(connection).toMatchObject({
      idpEntityId: world.idp.entityId,
      ssoUrl: world.idp.ssoUrl,
      logoutUrl: world.idp.sloUrl,
      certificates: [{ fingerprint: expect.stringMatching(/^[0-9A-F:]+$/) }],
    });
    const metadata = await fetch(world.serviceProvider.metadataUrl);
    expect(metadata.headers.get('content-type')).toMatch(/^application\/xml/);
    const xml = await metadata.text();
    expect(xml).toContain(`entityID="${world.serviceProvider.entityId}"`);
    expect(xml).toContain(`Location="${world.serviceProvider.acsUrl}"`);
    expect(xml).toContain('WantAssertionsSigned="true"');
    expect(xml).toContain('urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect');
  });

  it('refuses metadata that is no identity provider’s', async () => {
    const admin = await signUpConsultancy(api);
    for (const metadataXml of [
      'not xml at all',
      '<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata"/>',
    ]) {
      const added = await api.graphql(ADD_SAML, { input: { name: 'Broken', metadataXml } }, admin);
      expect(added.data.addSamlConnection.userErrors).toEqual([{ field: 'metadataXml', code: 'INVALID' }]);
    }
  });
});

describe('SAML single logout', () => {
  async function signedIn(world: World, login: LoginAnswer): Promise<string> {
    return sessionCookie(await signIn(world, login));
  }

  it('logs out at the provider too, and comes back to the signed-out page', async () => {
    const world = await samlWorld();
    const login = { ...consultant(world), sessionIndex: '_session-1' };
    const cookie = await signedIn(world, login);
    const out = await fetch(`${api.url}/sso/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: '{}',
    });
    const { redirectTo } = (await out.json()) as { redirectTo: string };
    expect(redirectTo.startsWith(`${world.idp.sloUrl}?`)).toBe(true);
    expect(new URL(redirectTo).searchParams.get('SAMLRequest')).toBeTruthy();
    expect(await me(cookie)).toBeNull();

    const back = await fetch(await world.idp.logoutResponse(redirectTo), { redirect: 'manual' });
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe(`${api.url}/sign-in?signedOut=1`);
  });

  it('ends our sessions when the provider logs the person out, only if it signed the request', async () => {
    const world = await samlWorld();
    const login = { ...consultant(world), sessionIndex: '_session-2' };
    const cookie = await signedIn(world, login);
    const other = await signedIn(world, { ...consultant(world), sessionIndex: '_session-3' });

    const signed = new URL(world.idp.logoutRequest(login.nameId, '_session-2'));
    const unsigned = new URL(signed);
    unsigned.searchParams.delete('Signature');
    unsigned.searchParams.delete('SigAlg');
    const ignored = await fetch(unsigned, { redirect: 'manual' });
    expect(ignored.headers.get('location')).toBe(`${api.url}/sign-in?signedOut=1`);
    expect(await me(cookie)).not.toBeNull();

    const answered = await fetch(signed, { redirect: 'manual' });
    expect(answered.status).toBe(303);
    const location = new URL(answered.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(world.idp.sloUrl);
    expect(location.searchParams.get('SAMLResponse')).toBeTruthy();
    expect(await me(cookie)).toBeNull();
    expect(await me(other)).not.toBeNull();
  });

  it('takes the provider’s logout request over HTTP-POST too', async () => {
    const world = await samlWorld();
    const login = { ...consultant(world), sessionIndex: '_session-4' };
    const cookie = await signedIn(world, login);
    const answered = await fetch(world.serviceProvider.sloUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(world.idp.postedLogoutRequest(login.nameId, '_session-4')),
      redirect: 'manual',
    });
    expect(answered.headers.get('location')?.startsWith(`${world.idp.sloUrl}?SAMLResponse=`)).toBe(true);
    expect(await me(cookie)).toBeNull();
  });
});
