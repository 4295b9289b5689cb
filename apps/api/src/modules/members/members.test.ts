import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import {
  PASSWORD,
  addMember,
  createClient,
  signUpConsultancy,
  type SignedIn,
} from '../../../test/factories.js';

const INVITE = `mutation ($input: InviteMemberInput!) {
  inviteMember(input: $input) { token acceptUrl invitation { id email role status client { id } } userErrors { field message code } }
}`;
const ACCEPT = `mutation ($input: AcceptInvitationInput!) {
  acceptInvitation(input: $input) { token member { name role client { name } } userErrors { field message code } }
}`;

let api: TestApi;
let admin: SignedIn;
beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpConsultancy(api, 'Northbridge');
});
afterAll(() => api.close());

describe('invitations', () => {
  it('invites a client leader who previews, accepts and is signed in fenced to their client', async () => {
    const clientId = await createClient(api, admin, { name: 'Harbourline Bank' });
    const invited = await api.graphql<{
      inviteMember: { token: string; acceptUrl: string; invitation: { status: string } };
    }>(INVITE, { input: { email: 'Sam@Harbourline.example', role: 'CLIENT_LEADER', clientId } }, admin);
    const { token, acceptUrl, invitation } = invited.data.inviteMember;
    expect(invitation.status).toBe('PENDING');
    expect(acceptUrl).toContain(`#token=${token}`);
    const preview = await api.graphql<{ invitation: unknown }>(
      'query ($token: String!) { invitation(token: $token) { consultancyName email role clientName } }',
      { token },
    );
    expect(preview.data.invitation).toEqual({
      consultancyName: 'Northbridge',
      email: 'sam@harbourline.example',
      role: 'CLIENT_LEADER',
      clientName: 'Harbourline Bank',
    });
    const accepted = await api.graphql<{ acceptInvitation: { token: string; member: unknown } }>(ACCEPT, {
      input: { token, name: 'Sam Okafor', password: PASSWORD },
    });
    expect(accepted.data.acceptInvitation.member).toEqual({
      name: 'Sam Okafor',
      role: 'CLIENT_LEADER',
      client: { name: 'Harbourline Bank' },
    });
    const again = await api.graphql<{ acceptInvitation: { userErrors: { code: string }[] } }>(ACCEPT, {
      input: { token, name: 'Sam again', password: PASSWORD },
    });
    expect(again.data.acceptInvitation.userErrors[0]?.code).toBe('INVALID');
    const login = await api.graphql<{ logIn: { member: { name: string } } }>(
      'mutation ($input: LogInInput!) { logIn(input: $input) { member { name } } }',
      { input: { email: 'sam@harbourline.example', password: PASSWORD } },
    );
    expect(login.data.logIn.member.name).toBe('Sam Okafor');
  });

  it.each([
    ['email', { email: 'nope', role: 'CONSULTANT' }, 'INVALID'],
    ['clientId', { email: 'lee@example.com', role: 'CLIENT_LEADER' }, 'INVALID'],
    [
      'clientId',
      { email: 'lee@example.com', role: 'CONSULTANT', clientId: '00000000-0000-4000-8000-000000000000' },
      'INVALID',
    ],
    [
      'clientId',
      { email: 'lee@example.com', role: 'CLIENT_LEADER', clientId: '00000000-0000-4000-8000-000000000000' },
      'NOT_FOUND',
    ],
  ])('names %s when an invitation is wrong (%o) and writes nothing', async (field, input, code) => {
    const before = await api.countRows('invitations', admin.tenantId);
    const response = await api.graphql<{ inviteMember: { userErrors: unknown[] } }>(INVITE, { input }, admin);
    expect(response.data.inviteMember.userErrors).toEqual([expect.objectContaining({ field, code })]);
    expect(await api.countRows('invitations', admin.tenantId)).toBe(before);
  });

  it('refuses to invite an existing member, and revokes an invitation so it cannot be used', async () => {
    const taken = await api.graphql<{ inviteMember: { userErrors: { code: string }[] } }>(
      INVITE,
      { input: { email: admin.email, role: 'CONSULTANT' } },
      admin,
    );
    expect(taken.data.inviteMember.userErrors[0]?.code).toBe('TAKEN');
    const invited = await api.graphql<{ inviteMember: { token: string; invitation: { id: string } } }>(
      INVITE,
      { input: { email: 'leaving@example.com', role: 'CONSULTANT' } },
      admin,
    );
    const revoked = await api.graphql<{ revokeInvitation: { invitation: { status: string } } }>(
      'mutation ($id: ID!) { revokeInvitation(input: { id: $id }) { invitation { status } userErrors { field } } }',
      { id: invited.data.inviteMember.invitation.id },
      admin,
    );
    expect(revoked.data.revokeInvitation.invitation.status).toBe('REVOKED');
    const accept = await api.graphql<{ acceptInvitation: { userErrors: { field: string }[] } }>(ACCEPT, {
      input: { token: invited.data.inviteMember.token, name: 'Late', password: PASSWORD },
    });
    expect(accept.data.acceptInvitation.userErrors[0]?.field).toBe('token');
  });

  it('lets only admins manage members; consultants can list them; leaders neither', async () => {
    const consultant = await addMember(api, admin, 'CONSULTANT');
    const clientId = await createClient(api, admin);
    const leader = await addMember(api, admin, 'CLIENT_LEADER', clientId);
    const byConsultant = await api.graphql(
      INVITE,
      { input: { email: 'x@example.com', role: 'ADMIN' } },
      consultant,
    );
    expect(byConsultant.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const list = await api.graphql<{ members: { totalCount: number } }>(
      '{ members { totalCount } }',
      {},
      consultant,
    );
    expect(list.data.members.totalCount).toBeGreaterThanOrEqual(3);
    const byLeader = await api.graphql('{ members { totalCount } }', {}, leader);
    expect(byLeader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const invitations = await api.graphql('{ invitations { totalCount } }', {}, consultant);
    expect(invitations.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('does not let another consultancy revoke, preview into or list this one\u2019s invitations', async () => {
    const invited = await api.graphql<{ inviteMember: { invitation: { id: string } } }>(
      INVITE,
      { input: { email: 'guarded@example.com', role: 'CONSULTANT' } },
      admin,
    );
    const other = await signUpConsultancy(api);
    const revoke = await api.graphql<{ revokeInvitation: { userErrors: unknown[] } }>(
      'mutation ($id: ID!) { revokeInvitation(input: { id: $id }) { userErrors { field code message } } }',
      { id: invited.data.inviteMember.invitation.id },
      other,
    );
    expect(revoke.data.revokeInvitation.userErrors).toEqual([
      { field: 'id', code: 'NOT_FOUND', message: 'No invitation has this id.' },
    ]);
    const list = await api.graphql<{ invitations: { nodes: { email: string }[] } }>(
      '{ invitations { nodes { email } } }',
      {},
      other,
    );
    expect(list.data.invitations.nodes).toEqual([]);
    const [row] = await api.ownerQuery<{ revoked_at: null }>(
      'SELECT revoked_at FROM invitations WHERE id = $1',
      [invited.data.inviteMember.invitation.id],
    );
    expect(row?.revoked_at).toBeNull();
  });
});
