import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import {
  PASSWORD,
  addMember,
  invitationTokenFor,
  signUpConsultancy,
  type SignedIn,
} from '../../../test/factories.js';
import { graphql } from '../../../test/generated/index.js';

const CHANGE = graphql(`
  mutation PasswordChangeChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      member {
        id
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);
const LOG_IN = graphql(`
  mutation PasswordChangeLogIn($input: LogInInput!) {
    logIn(input: $input) {
      token
      userErrors {
        code
      }
    }
  }
`);

let api: TestApi;
let admin: SignedIn;
beforeAll(async () => {
  // No slow-down between failures, to reach the lock quickly; every call here comes from one address.
  api = await startTestApi({
    signInThrottle: { account: { firstDelaySeconds: 0 }, address: { delayAfter: 1000, lockAfter: 1000 } },
  });
  admin = await signUpConsultancy(api, 'Harbour Partners');
});
afterAll(() => api.close());

const change = (who: { token: string }, currentPassword: string, newPassword: string) =>
  api.graphql(CHANGE, { input: { currentPassword, newPassword } }, who);

const signIn = async (email: string, password: string) =>
  (
    await api.graphql(LOG_IN, {
      input: { email, password },
    })
  ).data.logIn;

describe('weak passwords', () => {
  it('are refused when accepting an invitation, saying why, and nothing is created', async () => {
    await api.graphql(
      graphql(`
        mutation PasswordChangeInviteMember {
          inviteMember(input: { email: "weak@harbour.example", role: CONSULTANT }) {
            invitation {
              id
            }
          }
        }
      `),
      {},
      admin,
    );
    const token = await invitationTokenFor(api, 'weak@harbour.example');
    for (const password of ['1234567890', 'password123', 'qwertyuiop', 'aaaaaaaaaa', 'harbourpartners']) {
      const accepted = await api.graphql(
        graphql(`
          mutation PasswordChangeAcceptInvitation($input: AcceptInvitationInput!) {
            acceptInvitation(input: $input) {
              token
              userErrors {
                field
                code
                message
              }
            }
          }
        `),
        { input: { token, name: 'Wendy Weak', password } },
      );
      expect(accepted.data.acceptInvitation, password).toEqual({
        token: null,
        userErrors: [
          {
            field: 'password',
            code: 'TOO_WEAK',
            message: expect.stringMatching(/^This password is too easy to guess\. \S.+/),
          },
        ],
      });
    }
    expect(await api.ownerQuery(`SELECT 1 FROM users WHERE email = 'weak@harbour.example'`)).toEqual([]);
  });

  it('are refused at sign-up, saying why, and nothing is stored', async () => {
    const response = await api.graphql(
      graphql(`
        mutation PasswordChangeSignUp($input: SignUpInput!) {
          signUp(input: $input) {
            userErrors {
              field
              code
              message
            }
          }
        }
      `),
      {
        input: {
          consultancyName: 'Qwerty Consulting',
          name: 'Quinn',
          email: 'quinn@qwerty.example',
          password: 'qwertyconsulting',
        },
      },
    );
    expect(response.data.signUp.userErrors).toEqual([
      {
        field: 'password',
        code: 'TOO_WEAK',
        message: expect.stringContaining('your name, your email or your consultancy’s name'),
      },
    ]);
    expect(await api.ownerQuery(`SELECT 1 FROM consultancies WHERE name = 'Qwerty Consulting'`)).toEqual([]);
  });

  it('keep the domain’s length rule first', async () => {
    const response = await change(admin, PASSWORD, 'short');
    expect(response.data.changePassword.userErrors).toEqual([
      expect.objectContaining({ field: 'newPassword', code: 'TOO_SHORT' }),
    ]);
  });
});

describe('changing one’s password', () => {
  it('needs the current password, a new one hard to guess, and then signs in with the new one only', async () => {
    const member = await addMember(api, admin, 'CONSULTANT');
    const wrong = await change(member, 'not my password', 'a brand new passphrase here');
    expect(wrong.data.changePassword.userErrors).toEqual([
      { field: 'currentPassword', code: 'INVALID', message: 'This is not your current password.' },
    ]);
    const weak = await change(member, PASSWORD, 'password1234');
    expect(weak.data.changePassword.userErrors).toEqual([
      expect.objectContaining({ field: 'newPassword', code: 'TOO_WEAK' }),
    ]);
    const same = await change(member, PASSWORD, PASSWORD);
    expect(same.data.changePassword.userErrors[0]).toMatchObject({ field: 'newPassword', code: 'INVALID' });

    const changed = await change(member, PASSWORD, 'a brand new passphrase here');
    expect(changed.data.changePassword).toEqual({ member: { id: member.memberId }, userErrors: [] });
    expect((await signIn(member.email, PASSWORD)).token).toBeNull();
    expect((await signIn(member.email, 'a brand new passphrase here')).token).toMatch(/^css_/);
    // The session that changed it goes on; the trail names the fields, never their values.
    expect(
      (
        await api.graphql(
          graphql(`
            query PasswordChangeMe {
              me {
                id
              }
            }
          `),
          {},
          member,
        )
      ).data,
    ).toEqual({ me: { id: member.memberId } });
    const [trail] = await api.ownerQuery<{ changed_fields: string[] }>(
      `SELECT changed_fields FROM activity_trail WHERE actor_member_id = $1 AND action = 'changePassword'`,
      [member.memberId],
    );
    expect(trail?.changed_fields).toEqual(['currentPassword', 'newPassword']);
  });

  it('ends the member’s other sessions', async () => {
    const member = await addMember(api, admin, 'CONSULTANT');
    const laptop = await signIn(member.email, PASSWORD);
    await change(member, PASSWORD, 'lanterns over the quiet harbour');
    const stale = await api.graphql(
      graphql(`
        query PasswordChangeConsultancy {
          consultancy {
            name
          }
        }
      `),
      {},
      { token: laptop.token },
    );
    expect(stale.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lifts a sign-in lock someone else caused', async () => {
    const member = await addMember(api, admin, 'CONSULTANT');
    for (let i = 0; i < 10; i++) await signIn(member.email, `attacker guess ${i}`);
    expect((await signIn(member.email, PASSWORD)).userErrors[0]?.code).toBe('LOCKED');
    const changed = await change(member, PASSWORD, 'paper boats on a slow river');
    expect(changed.data.changePassword.userErrors).toEqual([]);
    expect((await signIn(member.email, 'paper boats on a slow river')).token).toMatch(/^css_/);
  });

  it('signs the session out once wrong current passwords would lock sign-in', async () => {
    const member = await addMember(api, admin, 'CONSULTANT');
    for (let i = 0; i < 9; i++) {
      const answer = await change(member, `guess ${i}`, 'a brand new passphrase here');
      expect(answer.data.changePassword.userErrors[0]?.message).toBe('This is not your current password.');
    }
    const last = await change(member, 'guess 9', 'a brand new passphrase here');
    expect(last.data.changePassword.userErrors[0]?.message).toMatch(/you have been signed out/);
    const after = await api.graphql(
      graphql(`
        query PasswordChangeConsultancy2 {
          consultancy {
            name
          }
        }
      `),
      {},
      member,
    );
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('is for signed-in members only: not for API keys, not for anonymous callers', async () => {
    const key = await api.graphql(
      graphql(`
        mutation PasswordChangeCreateApiKey {
          createApiKey(input: { name: "HR sync", scopes: [CLIENTS_READ] }) {
            secret
          }
        }
      `),
      {},
      admin,
    );
    const byKey = await change(
      { token: key.data.createApiKey.secret! },
      PASSWORD,
      'a brand new passphrase here',
    );
    expect(byKey.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await api.graphql(CHANGE, {
      input: { currentPassword: PASSWORD, newPassword: 'a brand new passphrase here' },
    });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
