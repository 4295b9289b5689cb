import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { signUpTokenIn } from '../src/modules/accounts/sign-up-mail.js';
import { invitationTokenIn } from '../src/modules/members/invitation-mail.js';
import { graphql } from './generated/index.js';
import type { CreateClientInput, CreateEngagementInput } from './generated/graphql.js';
import type { TestApi } from './test-api.js';

export const PASSWORD = 'a long enough password';

export interface SignedIn {
  token: string;
  memberId: string;
  tenantId: string;
  email: string;
}

const unique = () => randomUUID().slice(0, 8);

/** A new consultancy with its admin, signed in: signed up, then confirmed from the link the API mailed. */
export async function signUpConsultancy(api: TestApi, name = `Consultancy ${unique()}`): Promise<SignedIn> {
  const email = `admin-${unique()}@example.com`;
  const response = await api.graphql(
    graphql(`
      mutation FactorySignUp($input: SignUpInput!) {
        signUp(input: $input) {
          confirmationSent
          userErrors {
            field
            message
          }
        }
      }
    `),
    { input: { consultancyName: name, name: 'Ada Admin', email, password: PASSWORD } },
  );
  expect(response.data.signUp).toEqual({ confirmationSent: true, userErrors: [] });
  const confirmed = await confirmSignUp(api, await signUpTokenFor(api, email));
  expect(confirmed.userErrors).toEqual([]);
  const token = confirmed.token!;
  const me = await api.graphql(
    graphql(`
      query FactoryConsultancy {
        consultancy {
          id
        }
      }
    `),
    {},
    { token },
  );
  return { token, memberId: confirmed.member!.id, tenantId: me.data.consultancy.id, email };
}

/** The token of the latest sign-up link mailed to this address (fails the test when there is none). */
export async function signUpTokenFor(api: TestApi, email: string): Promise<string> {
  const mail = (await api.queuedMail()).filter((message) => message.to.toLowerCase() === email.toLowerCase());
  const token = signUpTokenIn(mail.at(-1)?.text ?? '');
  expect(token, `a sign-up link mailed to ${email}`).toBeTruthy();
  return token!;
}

/** The token of the latest invitation link mailed to this address (fails the test when there is none). */
export async function invitationTokenFor(api: TestApi, email: string): Promise<string> {
  const mail = (await api.queuedMail()).filter((message) => message.to.toLowerCase() === email.toLowerCase());
  const token = invitationTokenIn(mail.at(-1)?.text ?? '');
  expect(token, `an invitation link mailed to ${email}`).toBeTruthy();
  return token!;
}

export async function confirmSignUp(api: TestApi, token: string, password = PASSWORD) {
  const response = await api.graphql(
    graphql(`
      mutation FactoryConfirmSignUp($input: ConfirmSignUpInput!) {
        confirmSignUp(input: $input) {
          token
          member {
            id
          }
          userErrors {
            field
            message
            code
          }
        }
      }
    `),
    { input: { token, password } },
  );
  return { ...response.data.confirmSignUp, headers: response.headers };
}

/** Invites and accepts a member of the admin's consultancy, returning them signed in. */
export async function addMember(
  api: TestApi,
  admin: SignedIn,
  role: 'ADMIN' | 'CONSULTANT' | 'CLIENT_LEADER',
  clientId?: string,
): Promise<SignedIn> {
  const email = `${role.toLowerCase()}-${unique()}@example.com`;
  const invited = await api.graphql(
    graphql(`
      mutation FactoryInviteMember($input: InviteMemberInput!) {
        inviteMember(input: $input) {
          userErrors {
            field
            message
          }
        }
      }
    `),
    { input: { email, role, clientId } },
    { token: admin.token },
  );
  expect(invited.data.inviteMember.userErrors).toEqual([]);
  const accepted = await api.graphql(
    graphql(`
      mutation FactoryAcceptInvitation($input: AcceptInvitationInput!) {
        acceptInvitation(input: $input) {
          token
          member {
            id
          }
        }
      }
    `),
    { input: { token: await invitationTokenFor(api, email), name: `${role} person`, password: PASSWORD } },
  );
  const member = accepted.data.acceptInvitation;
  return { token: member.token!, memberId: member.member!.id, tenantId: admin.tenantId, email };
}

export async function createClient(
  api: TestApi,
  who: SignedIn,
  input: Partial<CreateClientInput> = {},
): Promise<string> {
  const response = await api.graphql(
    graphql(`
      mutation FactoryCreateClient($input: CreateClientInput!) {
        createClient(input: $input) {
          client {
            id
          }
          userErrors {
            field
            message
          }
        }
      }
    `),
    { input: { name: `Client ${unique()}`, industry: 'RETAIL', status: 'ACTIVE', ...input } },
    { token: who.token },
  );
  expect(response.data.createClient.userErrors).toEqual([]);
  return response.data.createClient.client!.id;
}

export async function createEngagement(
  api: TestApi,
  who: SignedIn,
  clientId: string,
  input: Partial<CreateEngagementInput> = {},
): Promise<string> {
  const response = await api.graphql(
    graphql(`
      mutation FactoryCreateEngagement($input: CreateEngagementInput!) {
        createEngagement(input: $input) {
          engagement {
            id
          }
          userErrors {
            field
            message
          }
        }
      }
    `),
    { input: { clientId, title: `Engagement ${unique()}`, kind: 'DIAGNOSTIC', ...input } },
    { token: who.token },
  );
  expect(response.data.createEngagement.userErrors).toEqual([]);
  return response.data.createEngagement.engagement!.id;
}
