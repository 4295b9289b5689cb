import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, invitationTokenFor, signUpConsultancy, type SignedIn } from '../../../test/factories.js';
import { graphql } from '../../../test/generated/index.js';
import { startOidcProvider, type TestOidcProvider } from '../../../test/oidc-provider.js';
import {
  addDomain,
  addOidcConnection,
  signInThroughProvider,
  testDns,
  trailOf,
  uniqueDomain,
  updateConnection,
} from '../../../test/sso-factories.js';
import { startTestApi, type TestApi } from '../../../test/test-api.js';

const SIGN_IN_METHOD = graphql(`
  query SsoEnforcementSignInMethod($email: String!) {
    signInMethod(email: $email) {
      kind
      ssoUrl
      providerName
      passwordAllowed
    }
  }
`);

const LOG_IN = graphql(`
  mutation SsoEnforcementLogIn($input: LogInInput!) {
    logIn(input: $input) {
      token
      userErrors {
        field
        code
        message
      }
    }
  }
`);

const INVITE = graphql(`
  mutation SsoEnforcementInvite($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      userErrors {
        message
      }
    }
  }
`);

const ACCEPT = graphql(`
  mutation SsoEnforcementAccept($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      token
      member {
        id
      }
    }
  }
`);

const CREATE_KEY = graphql(`
  mutation SsoEnforcementCreateKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      userErrors {
        message
      }
    }
  }
`);

const CLIENTS = graphql(`
  query SsoEnforcementClients {
    clients(first: 1) {
      totalCount
    }
  }
`);

const ME = graphql(`
  query SsoEnforcementMe {
    me {
      id
    }
  }
`);

const MEMBERS = graphql(`
  query SsoEnforcementMembers {
    members(first: 50) {
      nodes {
        id
      }
    }
  }
`);

const REMOVE = graphql(`
  mutation SsoEnforcementRemove($input: RemoveMemberInput!) {
    removeMember(input: $input) {
      removedId
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

/** A member with a password whose email is in the connection's domain. */
async function memberAt(email: string, role: 'ADMIN' | 'CONSULTANT'): Promise<SignedIn> {
  const invited = await api.graphql(INVITE, { input: { email, role } }, { token: admin.token });
  expect(invited.data.inviteMember.userErrors).toEqual([]);
  const accepted = await api.graphql(ACCEPT, {
    input: { token: await invitationTokenFor(api, email), name: `${role} at ${domain}`, password: PASSWORD },
  });
  const { token, member } = accepted.data.acceptInvitation;
  return { token: token!, memberId: member!.id, tenantId: admin.tenantId, email };
}

const logIn = async (email: string) =>
  (await api.graphql(LOG_IN, { input: { email, password: PASSWORD } })).data.logIn;

beforeAll(async () => {
  api = await startTestApi({ sso: dns.settings });
  provider = await startOidcProvider(api.url);
  admin = await signUpConsultancy(api);
  connectionId = await addOidcConnection(api, admin, provider);
  domain = uniqueDomain();
  await addDomain(api, admin, dns, connectionId, domain);
  await updateConnection(api, admin, {
    id: connectionId,
    roleMappings: [{ group: 'staff', role: 'CONSULTANT' }],
  });
});

afterAll(async () => {
  await provider?.close();
  await api?.close();
});

describe('SSO-only domains', () => {
  it('sends the sign-in page to the provider for a verified domain, and to a password elsewhere', async () => {
    const sso = await api.graphql(SIGN_IN_METHOD, { email: `Someone@${domain.toUpperCase()}` });
    expect(sso.data.signInMethod).toMatchObject({
      kind: 'SSO',
      providerName: 'Test identity provider',
      passwordAllowed: true,
    });
    expect(sso.data.signInMethod.ssoUrl).toBe(`/sso/start?email=someone%40${domain}`);
    const other = await api.graphql(SIGN_IN_METHOD, { email: 'someone@elsewhere.test' });
    expect(other.data.signInMethod).toEqual({
      kind: 'PASSWORD',
      ssoUrl: null,
      providerName: null,
      passwordAllowed: true,
    });
  });

  it('turns on only with a break-glass admin who has a password', async () => {
    const refused = await updateConnection(api, admin, { id: connectionId, ssoOnly: true });
    expect(refused.userErrors.map((error) => error.field)).toEqual(['ssoOnly']);
    const consultant = await memberAt(`not-an-admin@${domain}`, 'CONSULTANT');
    const notAdmin = await updateConnection(api, admin, {
      id: connectionId,
      ssoOnly: true,
      breakGlassAdminId: consultant.memberId,
    });
    expect(notAdmin.userErrors.map((error) => error.field)).toEqual(['breakGlassAdminId']);
  });

  it('refuses passwords in the domain, except the break-glass admin’s, each use on the trail; API keys work on', async () => {
    const key = await api.graphql(
      CREATE_KEY,
      { input: { name: 'Call-centre platform', scopes: ['CLIENTS_READ'] } },
      { token: admin.token },
    );
    expect(key.data.createApiKey.userErrors).toEqual([]);
    const consultant = await memberAt(`consultant@${domain}`, 'CONSULTANT');
    const breakGlass = await memberAt(`break-glass@${domain}`, 'ADMIN');
    const enforced = await updateConnection(api, admin, {
      id: connectionId,
      ssoOnly: true,
      breakGlassAdminId: breakGlass.memberId,
    });
    expect(enforced.userErrors).toEqual([]);

    const refused = await logIn(consultant.email);
    expect(refused.token).toBeNull();
    expect(refused.userErrors).toEqual([
      expect.objectContaining({
        field: 'email',
        code: 'NOT_ALLOWED',
        message: expect.stringMatching(/single sign-on/),
      }),
    ]);
    // The same answer for an address without an account: it tells nobody who has one.
    expect((await logIn(`nobody@${domain}`)).userErrors).toEqual(refused.userErrors);
    expect(
      (await api.graphql(SIGN_IN_METHOD, { email: consultant.email })).data.signInMethod.passwordAllowed,
    ).toBe(false);

    const glass = await logIn(breakGlass.email);
    expect(glass.userErrors).toEqual([]);
    const trail = await trailOf(api, admin, 'breakGlassSignIn');
    expect(trail).toEqual([
      expect.objectContaining({ objectId: connectionId, actor: { id: breakGlass.memberId } }),
    ]);

    // Passwords outside the domain (the first admin's) work as before, and so do keys.
    expect((await logIn(admin.email)).userErrors).toEqual([]);
    const withKey = await api.graphql(CLIENTS, {}, { token: key.data.createApiKey.secret! });
    expect(withKey.errors).toBeUndefined();

    // The consultant signs in through the provider instead.
    provider.people.set(consultant.email, { email: consultant.email, groups: ['staff'] });
    const { refusal, browser } = await signInThroughProvider(api, consultant.email);
    expect(refusal).toBeNull();
    expect((await api.graphql(ME, {}, { cookie: browser.session })).data.me?.id).toBe(consultant.memberId);
  });
});

describe('removing a member', () => {
  it('ends their sessions and keeps them out, by password and through the provider', async () => {
    const email = `short-stay@${domain}`;
    provider.people.set(email, { email, groups: ['staff'] });
    const { browser } = await signInThroughProvider(api, email);
    const me = (await api.graphql(ME, {}, { cookie: browser.session })).data.me;
    expect(me).not.toBeNull();

    const removed = await api.graphql(REMOVE, { input: { id: me!.id } }, { token: admin.token });
    expect(removed.data.removeMember).toEqual({ removedId: me!.id, userErrors: [] });
    expect((await api.graphql(ME, {}, { cookie: browser.session })).data.me).toBeNull();
    expect((await signInThroughProvider(api, email)).refusal).toBe('ACCOUNT_REMOVED');
    const members = await api.graphql(MEMBERS, {}, { token: admin.token });
    expect(members.data.members.nodes.map((member) => member.id)).not.toContain(me!.id);
    // Removed twice: as for an id that never was.
    const again = await api.graphql(REMOVE, { input: { id: me!.id } }, { token: admin.token });
    expect(again.data.removeMember.userErrors.map((error) => error.field)).toEqual(['id']);
  });

  it('keeps a password member out, and refuses removing oneself or the last admin', async () => {
    const other = await signUpConsultancy(api);
    const self = await api.graphql(REMOVE, { input: { id: other.memberId } }, { token: other.token });
    expect(self.data.removeMember.userErrors).toEqual([
      expect.objectContaining({ field: 'id', message: expect.stringMatching(/yourself/) }),
    ]);
    // Another consultancy's member is one that does not exist here.
    const foreign = await api.graphql(REMOVE, { input: { id: admin.memberId } }, { token: other.token });
    expect(foreign.data.removeMember.userErrors).toEqual([
      expect.objectContaining({ field: 'id', message: expect.stringMatching(/no member/i) }),
    ]);
    expect((await logIn(admin.email)).userErrors).toEqual([]);
  });
});
