import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asText, startTestApi, type TestApi, unchecked } from '../../../test/test-api.js';
import {
  PASSWORD,
  addMember,
  createClient,
  createEngagement,
  invitationTokenFor,
  signUpConsultancy,
  type SignedIn,
} from '../../../test/factories.js';
import { graphql } from '../../../test/generated/index.js';

const INVITE = graphql(`
  mutation MembersInviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      invitation {
        id
        email
        role
        status
        client {
          id
        }
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const ACCEPT = graphql(`
  mutation MembersAcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      token
      member {
        name
        role
        client {
          name
        }
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

const RESEND = graphql(`
  mutation MembersResendInvitation($id: ID!) {
    resendInvitation(input: { id: $id }) {
      invitation {
        id
        status
        expiresAt
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

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
    const invited = await api.graphql(
      INVITE,
      { input: { email: 'Sam@Harbourline.example', role: 'CLIENT_LEADER', clientId } },
      admin,
    );
    expect(invited.data.inviteMember.invitation!.status).toBe('PENDING');
    const token = await invitationTokenFor(api, 'sam@harbourline.example');
    const preview = await api.graphql(
      graphql(`
        query MembersInvitation($token: String!) {
          invitation(token: $token) {
            consultancyName
            email
            role
            clientName
          }
        }
      `),
      { token },
    );
    expect(preview.data.invitation).toEqual({
      consultancyName: 'Northbridge',
      email: 'sam@harbourline.example',
      role: 'CLIENT_LEADER',
      clientName: 'Harbourline Bank',
    });
    const accepted = await api.graphql(ACCEPT, {
      input: { token, name: 'Sam Okafor', password: PASSWORD },
    });
    expect(accepted.data.acceptInvitation.member).toEqual({
      name: 'Sam Okafor',
      role: 'CLIENT_LEADER',
      client: { name: 'Harbourline Bank' },
    });
    const again = await api.graphql(ACCEPT, {
      input: { token, name: 'Sam again', password: PASSWORD },
    });
    expect(again.data.acceptInvitation.userErrors[0]?.code).toBe('INVALID');
    const login = await api.graphql(
      graphql(`
        mutation MembersLogIn($input: LogInInput!) {
          logIn(input: $input) {
            member {
              name
            }
          }
        }
      `),
      { input: { email: 'sam@harbourline.example', password: PASSWORD } },
    );
    expect(login.data.logIn.member!.name).toBe('Sam Okafor');
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
    const response = await api.graphql(INVITE, unchecked({ input }), admin);
    expect(response.data.inviteMember.userErrors).toEqual([expect.objectContaining({ field, code })]);
    expect(await api.countRows('invitations', admin.tenantId)).toBe(before);
  });

  it('refuses to invite an existing member, and revokes an invitation so it cannot be used', async () => {
    const taken = await api.graphql(INVITE, { input: { email: admin.email, role: 'CONSULTANT' } }, admin);
    expect(taken.data.inviteMember.userErrors[0]?.code).toBe('TAKEN');
    const invited = await api.graphql(
      INVITE,
      { input: { email: 'leaving@example.com', role: 'CONSULTANT' } },
      admin,
    );
    const revoked = await api.graphql(
      graphql(`
        mutation MembersRevokeInvitation($id: ID!) {
          revokeInvitation(input: { id: $id }) {
            invitation {
              status
            }
            userErrors {
              field
            }
          }
        }
      `),
      { id: invited.data.inviteMember.invitation!.id },
      admin,
    );
    expect(revoked.data.revokeInvitation.invitation!.status).toBe('REVOKED');
    const accept = await api.graphql(ACCEPT, {
      input: {
        token: await invitationTokenFor(api, 'leaving@example.com'),
        name: 'Late',
        password: PASSWORD,
      },
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
    const list = await api.graphql(
      graphql(`
        query MembersMembers {
          members {
            totalCount
          }
        }
      `),
      {},
      consultant,
    );
    expect(list.data.members.totalCount).toBeGreaterThanOrEqual(3);
    const byLeader = await api.graphql(
      graphql(`
        query MembersMembers2 {
          members {
            totalCount
          }
        }
      `),
      {},
      leader,
    );
    expect(byLeader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const invitations = await api.graphql(
      graphql(`
        query MembersInvitations {
          invitations {
            totalCount
          }
        }
      `),
      {},
      consultant,
    );
    expect(invitations.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('does not let another consultancy revoke, preview into or list this one\u2019s invitations', async () => {
    const invited = await api.graphql(
      INVITE,
      { input: { email: 'guarded@example.com', role: 'CONSULTANT' } },
      admin,
    );
    const other = await signUpConsultancy(api);
    const revoke = await api.graphql(
      graphql(`
        mutation MembersRevokeInvitation2($id: ID!) {
          revokeInvitation(input: { id: $id }) {
            userErrors {
              field
              code
              message
            }
          }
        }
      `),
      { id: invited.data.inviteMember.invitation!.id },
      other,
    );
    expect(revoke.data.revokeInvitation.userErrors).toEqual([
      { field: 'id', code: 'NOT_FOUND', message: 'No invitation has this id.' },
    ]);
    const list = await api.graphql(
      graphql(`
        query MembersInvitations2 {
          invitations {
            nodes {
              email
            }
          }
        }
      `),
      {},
      other,
    );
    expect(list.data.invitations.nodes).toEqual([]);
    const [row] = await api.ownerQuery<{ revoked_at: null }>(
      'SELECT revoked_at FROM invitations WHERE id = $1',
      [invited.data.inviteMember.invitation!.id],
    );
    expect(row?.revoked_at).toBeNull();
  });
});

describe('mailed invitations', () => {
  const mailTo = async (email: string) =>
    (await api.queuedMail()).filter((message) => message.to.toLowerCase() === email.toLowerCase());

  /** The raw answer to the admin: status, the headers that are not per-request, and the body text. */
  async function rawInvite(email: string) {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
      body: JSON.stringify({
        query: `mutation ($input: InviteMemberInput!) {
          inviteMember(input: $input) { invitation { email role status } userErrors { field message code } }
        }`,
        variables: { input: { email, role: 'CONSULTANT' } },
      }),
    });
    // The etag is a hash of the body, which repeats the email typed; the body is compared with it replaced.
    const headers = [...response.headers].filter(
      ([name]) => !['date', 'x-request-id', 'etag'].includes(name),
    );
    return { status: response.status, headers, body: (await response.text()).replaceAll(email, '<email>') };
  }

  it('answers the admin without the secret, and mails the invitee a link that works', async () => {
    const clientId = await createClient(api, admin, { name: 'Quayside Water' });
    const mailsBefore = (await api.queuedMail()).length;
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
      body: JSON.stringify({
        query: asText(INVITE),
        variables: { input: { email: 'Rui@Quayside.example', role: 'CLIENT_LEADER', clientId } },
      }),
    });
    const answer = await response.text();
    expect(JSON.parse(answer).data.inviteMember.userErrors).toEqual([]);
    const mailed = (await api.queuedMail()).slice(mailsBefore);
    expect(mailed.map((message) => message.to)).toEqual(['rui@quayside.example']);
    const [mail] = mailed;
    const token = await invitationTokenFor(api, 'rui@quayside.example');
    expect(token).toMatch(/^csi_/);
    expect(answer).not.toContain('csi_');
    expect(answer).not.toContain(token);
    // Queued in the consultancy's outbox, rendered from the INVITATION template, with no unsubscribe links.
    expect(mail).toMatchObject({ kind: 'INVITATION', tenantId: admin.tenantId, status: 'PENDING' });
    expect(mail?.subject).toBe('Ada Admin invited you to join Northbridge on Service Programme');
    expect(mail?.text).toContain('Client leader, for Quayside Water');
    expect(mail?.text).toContain(`${api.url}/accept-invitation#token=${token}`);
    expect(mail?.html).toContain(`href="${api.url}/accept-invitation#token=${token}"`);
    expect(mail?.text).not.toMatch(/unsubscribe/i);

    // The payload has no field that could carry it any more.
    const asked = await api.graphql(
      'mutation { inviteMember(input: { email: "x@example.com", role: CONSULTANT }) { token acceptUrl } }',
      {},
      admin,
    );
    expect(asked.errors?.map((e) => e.extensions?.code)).toEqual([
      'GRAPHQL_VALIDATION_FAILED',
      'GRAPHQL_VALIDATION_FAILED',
    ]);

    const accepted = await api.graphql(ACCEPT, {
      input: { token, name: 'Rui Costa', password: PASSWORD },
    });
    expect(accepted.data.acceptInvitation).toMatchObject({
      member: { name: 'Rui Costa', role: 'CLIENT_LEADER', client: { name: 'Quayside Water' } },
      userErrors: [],
    });
  });

  it('gives the admin the same answer for an email used in another consultancy as for a fresh one', async () => {
    const other = await signUpConsultancy(api);
    // Same length as the other admin's address, so even content-length cannot differ.
    const fresh = other.email.replace(/^admin-\w+@/, `admin-${'f'.repeat(8)}@`);
    expect(fresh).toHaveLength(other.email.length);
    const taken = await rawInvite(other.email);
    const first = await rawInvite(fresh);
    expect(taken).toEqual(first);
    expect(JSON.parse(first.body)).toEqual({
      data: {
        inviteMember: {
          invitation: { email: '<email>', role: 'CONSULTANT', status: 'PENDING' },
          userErrors: [],
        },
      },
    });
    // Both get their invitation; the one with an account learns it only when accepting, from their own mailbox.
    expect(await mailTo(fresh)).toHaveLength(1);
    expect((await mailTo(other.email)).at(-1)?.subject).toBe(
      'Ada Admin invited you to join Northbridge on Service Programme',
    );
    const before = await api.countRows('users', admin.tenantId);
    const accept = await api.graphql(ACCEPT, {
      input: { token: await invitationTokenFor(api, other.email), name: 'Twice', password: PASSWORD },
    });
    expect(accept.data.acceptInvitation).toEqual({
      token: null,
      member: null,
      userErrors: [
        {
          field: 'token',
          code: 'TAKEN',
          message: expect.stringMatching(
            /^This email already has a Service Programme account .*Sign in with that account/,
          ),
        },
      ],
    });
    expect(await api.countRows('users', admin.tenantId)).toBe(before);
  });

  it('still refuses, by name, an email that is already a member of this consultancy, and mails nothing', async () => {
    const mailsBefore = (await api.queuedMail()).length;
    const answer = await rawInvite(admin.email);
    expect(JSON.parse(answer.body).data.inviteMember.userErrors).toEqual([
      { field: 'email', code: 'TAKEN', message: 'Someone with this email is already a member.' },
    ]);
    expect(await api.queuedMail()).toHaveLength(mailsBefore);
  });

  it('sends an invitation again with a new link; the old link stops working', async () => {
    const email = 'again@example.com';
    const invited = await api.graphql(INVITE, { input: { email, role: 'CONSULTANT' } }, admin);
    const id = invited.data.inviteMember.invitation!.id;
    const oldToken = await invitationTokenFor(api, email);
    // Expired meanwhile: resending gives it 14 days from now.
    await api.ownerQuery(`UPDATE invitations SET expires_at = now() - interval '1 day' WHERE id = $1`, [id]);
    const resent = await api.graphql(RESEND, { id }, admin);
    expect(resent.data.resendInvitation.userErrors).toEqual([]);
    expect(resent.data.resendInvitation.invitation).toMatchObject({ id, status: 'PENDING' });
    expect(new Date(resent.data.resendInvitation.invitation!.expiresAt).getTime()).toBeGreaterThan(
      Date.now() + 13 * 86_400_000,
    );
    expect(JSON.stringify(resent.data)).not.toContain('csi_');
    const newToken = await invitationTokenFor(api, email);
    expect(newToken).not.toBe(oldToken);
    expect(await mailTo(email)).toHaveLength(2);

    const preview = (token: string) =>
      api.graphql(
        graphql(`
          query MembersInvitation2($token: String!) {
            invitation(token: $token) {
              email
            }
          }
        `),
        { token },
      );
    expect((await preview(oldToken)).data.invitation).toBeNull();
    const withOld = await api.graphql(ACCEPT, {
      input: { token: oldToken, name: 'Old Link', password: PASSWORD },
    });
    expect(withOld.data.acceptInvitation.userErrors[0]?.code).toBe('INVALID');
    expect((await preview(newToken)).data.invitation).toEqual({ email });
    const accepted = await api.graphql(ACCEPT, {
      input: { token: newToken, name: 'New Link', password: PASSWORD },
    });
    expect(accepted.data.acceptInvitation.userErrors).toEqual([]);

    // Accepted now: not sent again.
    const late = await api.graphql(RESEND, { id }, admin);
    expect(late.data.resendInvitation.userErrors).toEqual([
      { field: 'id', code: 'NOT_ALLOWED', message: 'This invitation was already accepted.' },
    ]);
    expect(await mailTo(email)).toHaveLength(2);
  });

  it('does not resend a revoked invitation, nor another consultancy\u2019s', async () => {
    const email = 'revoked-again@example.com';
    const invited = await api.graphql(INVITE, { input: { email, role: 'CONSULTANT' } }, admin);
    const id = invited.data.inviteMember.invitation!.id;
    const other = await signUpConsultancy(api);
    const theirs = await api.graphql(RESEND, { id }, other);
    expect(theirs.data.resendInvitation.userErrors).toEqual([
      { field: 'id', code: 'NOT_FOUND', message: 'No invitation has this id.' },
    ]);
    await api.graphql(
      graphql(`
        mutation MembersRevokeInvitation3($id: ID!) {
          revokeInvitation(input: { id: $id }) {
            userErrors {
              field
            }
          }
        }
      `),
      { id },
      admin,
    );
    const revoked = await api.graphql(RESEND, { id }, admin);
    expect(revoked.data.resendInvitation.userErrors[0]?.code).toBe('NOT_ALLOWED');
    expect(await mailTo(email)).toHaveLength(1);
  });

  it('mails one address at most five invitations an hour, with the same answer after the limit', async () => {
    const email = `flooded-${Date.now()}@example.com`;
    const invited = await api.graphql(INVITE, { input: { email, role: 'CONSULTANT' } }, admin);
    const id = invited.data.inviteMember.invitation!.id;
    const answers = [];
    for (let round = 0; round < 6; round++) {
      const resent = await api.graphql(RESEND, { id }, admin);
      answers.push(resent.data.resendInvitation.userErrors);
    }
    expect(answers).toEqual(Array.from({ length: 6 }, () => []));
    expect(await mailTo(email)).toHaveLength(5);
  });
});

const CHANGE_ROLE = graphql(`
  mutation MembersChangeMemberRole($input: ChangeMemberRoleInput!) {
    changeMemberRole(input: $input) {
      member {
        id
        role
        client {
          id
        }
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

const roleOf = async (memberId: string) =>
  (await api.ownerQuery<{ role: string }>('SELECT role FROM users WHERE id = $1', [memberId]))[0]?.role;

describe('changing a member\u2019s role', () => {
  it('makes a consultant a client leader of a client, and records it in the activity trail', async () => {
    const consultant = await addMember(api, admin, 'CONSULTANT');
    const clientId = await createClient(api, admin);
    const response = await api.graphql(
      CHANGE_ROLE,
      { input: { memberId: consultant.memberId, role: 'CLIENT_LEADER', clientId } },
      admin,
    );
    expect(response.data.changeMemberRole).toEqual({
      member: { id: consultant.memberId, role: 'CLIENT_LEADER', client: { id: clientId } },
      userErrors: [],
    });
    const trail = await api.ownerQuery<{ action: string; object_type: string; actor_member_id: string }>(
      `SELECT action, object_type, actor_member_id FROM activity_trail
        WHERE object_id = $1 AND action = 'changeMemberRole'`,
      [consultant.memberId],
    );
    expect(trail).toEqual([
      { action: 'changeMemberRole', object_type: 'member', actor_member_id: admin.memberId },
    ]);
  });

  it('asks for a consultant\u2019s engagements and other clients\u2019 actions to be handed over first', async () => {
    const consultant = await addMember(api, admin, 'CONSULTANT');
    const theirClient = await createClient(api, admin);
    const otherClient = await createClient(api, admin);
    const engagementId = await createEngagement(api, admin, otherClient, {
      leadConsultantId: consultant.memberId,
    });
    const action = await api.graphql(
      graphql(`
        mutation MembersCreateAction($input: CreateActionInput!) {
          createAction(input: $input) {
            action {
              id
            }
          }
        }
      `),
      {
        input: {
          clientId: otherClient,
          description: 'Rewrite the hold message',
          ownerId: consultant.memberId,
        },
      },
      admin,
    );
    const attempt = () =>
      api.graphql(
        CHANGE_ROLE,
        { input: { memberId: consultant.memberId, role: 'CLIENT_LEADER', clientId: theirClient } },
        admin,
      );
    const refused = await attempt();
    expect(refused.data.changeMemberRole.userErrors).toEqual([
      {
        field: 'role',
        code: 'NOT_ALLOWED',
        message:
          'They still lead 1 open engagement and own 1 open action of other clients. ' +
          'Hand these over to a consultant before making them a client leader.',
      },
    ]);
    expect(await roleOf(consultant.memberId)).toBe('CONSULTANT');

    // Handed over: the engagement is cancelled and the action done; closed work does not hold them back.
    await api.graphql(
      graphql(`
        mutation MembersChangeEngagementStatus($id: ID!) {
          changeEngagementStatus(input: { id: $id, status: CANCELLED }) {
            userErrors {
              field
            }
          }
        }
      `),
      { id: engagementId },
      admin,
    );
    await api.graphql(
      graphql(`
        mutation MembersUpdateAction($id: ID!) {
          updateAction(input: { id: $id, expectedRevision: 1, status: DONE }) {
            userErrors {
              field
            }
          }
        }
      `),
      { id: action.data.createAction.action!.id },
      admin,
    );
    expect((await attempt()).data.changeMemberRole.userErrors).toEqual([]);
    expect(await roleOf(consultant.memberId)).toBe('CLIENT_LEADER');
  });

  it('refuses to demote the last admin, naming the role, and changes nothing', async () => {
    const lone = await signUpConsultancy(api);
    const response = await api.graphql(
      CHANGE_ROLE,
      { input: { memberId: lone.memberId, role: 'CONSULTANT' } },
      lone,
    );
    expect(response.data.changeMemberRole.member).toBeNull();
    expect(response.data.changeMemberRole.userErrors).toEqual([
      expect.objectContaining({ field: 'role', code: 'NOT_ALLOWED' }),
    ]);
    expect(await roleOf(lone.memberId)).toBe('ADMIN');
    const trail = await api.ownerQuery(
      `SELECT 1 FROM activity_trail WHERE object_id = $1 AND action = 'changeMemberRole'`,
      [lone.memberId],
    );
    expect(trail).toEqual([]);
  });

  it('lets an admin step down once there is another admin', async () => {
    const first = await signUpConsultancy(api);
    const second = await addMember(api, first, 'ADMIN');
    const response = await api.graphql(
      CHANGE_ROLE,
      { input: { memberId: first.memberId, role: 'CONSULTANT' } },
      second,
    );
    expect(response.data.changeMemberRole.userErrors).toEqual([]);
    const last = await api.graphql(
      CHANGE_ROLE,
      { input: { memberId: second.memberId, role: 'CONSULTANT' } },
      second,
    );
    expect(last.data.changeMemberRole.userErrors[0]?.field).toBe('role');
  });

  it('keeps one admin when both admins are demoted at the same moment', async () => {
    const first = await signUpConsultancy(api);
    const second = await addMember(api, first, 'ADMIN');
    // Both requests are the first admin's, so both pass the permission check. Both admins' rows are held locked
    // meanwhile so that both requests get as far as they can before either writes: only the lock the service
    // takes on the admin rows while counting them stops each from counting two admins and leaving none.
    const answers = await api.ownerSession(async (query) => {
      await query('BEGIN');
      await query('SELECT 1 FROM users WHERE id = ANY($1) FOR NO KEY UPDATE', [
        [first.memberId, second.memberId],
      ]);
      const calls = Promise.all(
        [second, first].map((who) =>
          api.graphql(CHANGE_ROLE, { input: { memberId: who.memberId, role: 'CONSULTANT' } }, first),
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      await query('COMMIT');
      return calls;
    });
    const changed = answers.filter((a) => a.data?.changeMemberRole.userErrors.length === 0);
    expect(changed).toHaveLength(1);
    const admins = await api.ownerQuery(`SELECT 1 FROM users WHERE tenant_id = $1 AND role = 'ADMIN'`, [
      first.tenantId,
    ]);
    expect(admins).toHaveLength(1);
  });

  it('answers 20 concurrent cross-demotions of two admins without an internal error, five times over', async () => {
    const first = await signUpConsultancy(api);
    const second = await addMember(api, first, 'ADMIN');
    for (let run = 0; run < 5; run++) {
      await api.ownerQuery(`UPDATE users SET role = 'ADMIN' WHERE id = ANY($1)`, [
        [first.memberId, second.memberId],
      ]);
      // Each admin demotes the other, ten times each, all at once.
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => {
          const [by, target] = i % 2 ? [first, second] : [second, first];
          return api.graphql(CHANGE_ROLE, { input: { memberId: target.memberId, role: 'CONSULTANT' } }, by);
        }),
      );
      const codes = answers.flatMap((a) => a.errors?.map((e) => e.extensions?.code) ?? []);
      expect({ run, internal: codes.filter((code) => code === 'INTERNAL_SERVER_ERROR').length }).toEqual({
        run,
        internal: 0,
      });
      // Every answer is a change, "the last admin" or FORBIDDEN (a request read its admin role after the other's
      // demotion committed); and the consultancy keeps exactly one admin.
      for (const answer of answers) {
        const refusals = answer.data?.changeMemberRole?.userErrors.map((e) => e.field) ?? [];
        expect(refusals.every((field) => field === 'role')).toBe(true);
        expect(answer.errors?.every((e) => e.extensions?.code === 'FORBIDDEN') ?? true).toBe(true);
      }
      const admins = await api.ownerQuery(`SELECT 1 FROM users WHERE tenant_id = $1 AND role = 'ADMIN'`, [
        first.tenantId,
      ]);
      expect({ run, admins: admins.length }).toEqual({ run, admins: 1 });
    }
  }, 120_000);

  it.each([
    ['a client leader without a client', { role: 'CLIENT_LEADER' }, 'clientId', 'INVALID'],
    [
      'a consultant with a client',
      { role: 'CONSULTANT', clientId: '00000000-0000-4000-8000-000000000000' },
      'clientId',
      'INVALID',
    ],
    [
      'an unknown client',
      { role: 'CLIENT_LEADER', clientId: '00000000-0000-4000-8000-000000000000' },
      'clientId',
      'NOT_FOUND',
    ],
  ])('refuses %s, naming %s, and changes nothing', async (_, change, field, code) => {
    const consultant = await addMember(api, admin, 'CONSULTANT');
    const response = await api.graphql(
      CHANGE_ROLE,
      unchecked({ input: { memberId: consultant.memberId, ...change } }),
      admin,
    );
    expect(response.data.changeMemberRole.userErrors).toEqual([expect.objectContaining({ field, code })]);
    expect(await roleOf(consultant.memberId)).toBe('CONSULTANT');
  });

  it('answers another consultancy\u2019s member exactly like a member that does not exist', async () => {
    const other = await signUpConsultancy(api);
    const theirs = await addMember(api, other, 'CONSULTANT');
    const answers = [];
    for (const memberId of [theirs.memberId, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const response = await api.graphql(CHANGE_ROLE, { input: { memberId, role: 'ADMIN' } }, admin);
      answers.push(response.data.changeMemberRole);
    }
    const missing = {
      member: null,
      userErrors: [{ field: 'memberId', code: 'NOT_FOUND', message: 'No member has this id.' }],
    };
    expect(answers).toEqual([missing, missing, missing]);
    expect(await roleOf(theirs.memberId)).toBe('CONSULTANT');
  });

  it('refuses a consultant, who may not manage members', async () => {
    const consultant = await addMember(api, admin, 'CONSULTANT');
    const response = await api.graphql(
      CHANGE_ROLE,
      { input: { memberId: consultant.memberId, role: 'ADMIN' } },
      consultant,
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await roleOf(consultant.memberId)).toBe('CONSULTANT');
  });

  it('applies to the member\u2019s next request, on the session they already have', async () => {
    const second = await addMember(api, admin, 'ADMIN');
    const before = await api.graphql(
      graphql(`
        query MembersInvitations3 {
          invitations {
            totalCount
          }
        }
      `),
      {},
      second,
    );
    expect(before.errors).toBeUndefined();
    const demoted = await api.graphql(
      CHANGE_ROLE,
      { input: { memberId: second.memberId, role: 'CONSULTANT' } },
      admin,
    );
    expect(demoted.data.changeMemberRole.userErrors).toEqual([]);
    const after = await api.graphql(
      graphql(`
        query MembersInvitations4 {
          invitations {
            totalCount
          }
        }
      `),
      {},
      second,
    );
    expect(after.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const me = await api.graphql(
      graphql(`
        query MembersMe {
          me {
            role
          }
        }
      `),
      {},
      second,
    );
    expect(me.data.me!.role).toBe('CONSULTANT');

    const clientId = await createClient(api, admin);
    await api.graphql(
      CHANGE_ROLE,
      { input: { memberId: second.memberId, role: 'CLIENT_LEADER', clientId } },
      admin,
    );
    const clients = await api.graphql(
      graphql(`
        query MembersClients {
          clients {
            nodes {
              id
            }
          }
        }
      `),
      {},
      second,
    );
    expect(clients.data.clients.nodes).toEqual([{ id: clientId }]);
  });
});

describe('invitation mail through the outbox', () => {
  const SENT_MAIL = graphql(`
    query MembersSentMail {
      sentMail {
        nodes {
          kind
          to
          text
        }
      }
    }
  `);

  it('queues nothing when the invitation rolls back', async () => {
    const email = 'rolled-back@example.com';
    // Fails the transaction at its commit, after the invitation and its mail were both written.
    await api.ownerQuery(`
      CREATE FUNCTION refuse_test_invitation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.email = '${email}' THEN RAISE EXCEPTION 'refused by the test'; END IF;
        RETURN NULL;
      END $$;
      CREATE CONSTRAINT TRIGGER refuse_test_invitation AFTER INSERT ON invitations
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_test_invitation();
    `);
    try {
      const invited = await api.graphql(INVITE, { input: { email, role: 'CONSULTANT' } }, admin);
      expect(invited.errors).toBeDefined();
    } finally {
      await api.ownerQuery(`
        DROP TRIGGER refuse_test_invitation ON invitations;
        DROP FUNCTION refuse_test_invitation();
      `);
    }
    expect(await api.ownerQuery('SELECT 1 FROM invitations WHERE email = $1', [email])).toEqual([]);
    expect((await api.queuedMail()).filter((mail) => mail.to === email)).toEqual([]);
  });

  it("shows admins the invitation on the Sent mail list with its accept link's secret hidden", async () => {
    const email = 'masked@example.com';
    const invited = await api.graphql(INVITE, { input: { email, role: 'CONSULTANT' } }, admin);
    expect(invited.data.inviteMember.userErrors).toEqual([]);
    const token = await invitationTokenFor(api, email);
    const listed = await api.graphql(SENT_MAIL, {}, admin);
    const shown = listed.data.sentMail.nodes.find((mail) => mail.to === email);
    expect(shown?.kind).toBe('INVITATION');
    expect(shown?.text).toContain(`${api.url}/accept-invitation#token=[hidden]`);
    expect(shown?.text).not.toContain(token);
    expect(JSON.stringify(listed.data)).not.toContain('csi_');
  });
});
