import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { TestApi } from './test-api.js';

export const PASSWORD = 'a long enough password';

export interface SignedIn {
  token: string;
  memberId: string;
  tenantId: string;
  email: string;
}

const unique = () => randomUUID().slice(0, 8);

/** A new consultancy with its admin, signed in. */
export async function signUpConsultancy(api: TestApi, name = `Consultancy ${unique()}`): Promise<SignedIn> {
  const email = `admin-${unique()}@example.com`;
  const response = await api.graphql<{
    signUp: { token: string; member: { id: string }; userErrors: unknown[] };
  }>(
    `mutation ($input: SignUpInput!) { signUp(input: $input) { token member { id } userErrors { field message } } }`,
    { input: { consultancyName: name, name: 'Ada Admin', email, password: PASSWORD } },
  );
  expect(response.data.signUp.userErrors).toEqual([]);
  const token = response.data.signUp.token;
  const me = await api.graphql<{ consultancy: { id: string } }>('{ consultancy { id } }', {}, { token });
  return { token, memberId: response.data.signUp.member.id, tenantId: me.data.consultancy.id, email };
}

/** Invites and accepts a member of the admin's consultancy, returning them signed in. */
export async function addMember(
  api: TestApi,
  admin: SignedIn,
  role: 'ADMIN' | 'CONSULTANT' | 'CLIENT_LEADER',
  clientId?: string,
): Promise<SignedIn> {
  const email = `${role.toLowerCase()}-${unique()}@example.com`;
  const invited = await api.graphql<{ inviteMember: { token: string; userErrors: unknown[] } }>(
    `mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { token userErrors { field message } } }`,
    { input: { email, role, clientId } },
    { token: admin.token },
  );
  expect(invited.data.inviteMember.userErrors).toEqual([]);
  const accepted = await api.graphql<{ acceptInvitation: { token: string; member: { id: string } } }>(
    `mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { token member { id } } }`,
    { input: { token: invited.data.inviteMember.token, name: `${role} person`, password: PASSWORD } },
  );
  const member = accepted.data.acceptInvitation;
  return { token: member.token, memberId: member.member.id, tenantId: admin.tenantId, email };
}

export async function createClient(
  api: TestApi,
  who: SignedIn,
  input: Record<string, unknown> = {},
): Promise<string> {
  const response = await api.graphql<{ createClient: { client: { id: string }; userErrors: unknown[] } }>(
    `mutation ($input: CreateClientInput!) { createClient(input: $input) { client { id } userErrors { field message } } }`,
    { input: { name: `Client ${unique()}`, industry: 'RETAIL', status: 'ACTIVE', ...input } },
    { token: who.token },
  );
  expect(response.data.createClient.userErrors).toEqual([]);
  return response.data.createClient.client.id;
}

export async function createEngagement(
  api: TestApi,
  who: SignedIn,
  clientId: string,
  input: Record<string, unknown> = {},
): Promise<string> {
  const response = await api.graphql<{
    createEngagement: { engagement: { id: string }; userErrors: unknown[] };
  }>(
    `mutation ($input: CreateEngagementInput!) {
       createEngagement(input: $input) { engagement { id } userErrors { field message } }
     }`,
    { input: { clientId, title: `Engagement ${unique()}`, kind: 'DIAGNOSTIC', ...input } },
    { token: who.token },
  );
  expect(response.data.createEngagement.userErrors).toEqual([]);
  return response.data.createEngagement.engagement.id;
}
