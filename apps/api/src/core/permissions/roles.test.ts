import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import {
  addMember,
  createClient,
  createEngagement,
  signUpConsultancy,
  type SignedIn,
} from '../../../test/factories.js';

/**
 * Each role against each operation, through HTTP. The answer is either a refusal (UNAUTHENTICATED or FORBIDDEN)
 * or not; what an allowed call then does is the modules' own tests' business.
 */
type Who = 'anonymous' | 'ADMIN' | 'CONSULTANT' | 'CLIENT_LEADER';
const EVERYONE: Who[] = ['ADMIN', 'CONSULTANT', 'CLIENT_LEADER'];
const STAFF: Who[] = ['ADMIN', 'CONSULTANT'];

interface Ids {
  clientId: string;
  engagementId: string;
}

const OPERATIONS: {
  name: string;
  allowed: Who[];
  query: string;
  variables?: (ids: Ids) => Record<string, unknown>;
}[] = [
  { name: 'consultancy', allowed: EVERYONE, query: '{ consultancy { name } }' },
  { name: 'members', allowed: STAFF, query: '{ members { totalCount } }' },
  { name: 'invitations', allowed: ['ADMIN'], query: '{ invitations { totalCount } }' },
  { name: 'clients', allowed: EVERYONE, query: '{ clients { totalCount } }' },
  {
    name: 'client',
    allowed: EVERYONE,
    query: 'query ($id: ID!) { client(id: $id) { id } }',
    variables: (i) => ({ id: i.clientId }),
  },
  {
    name: 'client.workshop',
    allowed: STAFF,
    query: 'query ($id: ID!) { client(id: $id) { workshop { gaps } } }',
    variables: (i) => ({ id: i.clientId }),
  },
  { name: 'engagements', allowed: EVERYONE, query: '{ engagements { totalCount } }' },
  {
    name: 'engagement',
    allowed: EVERYONE,
    query: 'query ($id: ID!) { engagement(id: $id) { id } }',
    variables: (i) => ({ id: i.engagementId }),
  },
  { name: 'upcomingMilestones', allowed: EVERYONE, query: '{ upcomingMilestones { id } }' },
  {
    name: 'inviteMember',
    allowed: ['ADMIN'],
    query: 'mutation { inviteMember(input: { email: "", role: CONSULTANT }) { token } }',
  },
  {
    name: 'revokeInvitation',
    allowed: ['ADMIN'],
    query: 'mutation { revokeInvitation(input: { id: "x" }) { invitation { id } } }',
  },
  {
    name: 'createClient',
    allowed: STAFF,
    query: 'mutation { createClient(input: { name: "", industry: RETAIL }) { client { id } } }',
  },
  {
    name: 'updateClient',
    allowed: STAFF,
    query: 'mutation ($id: ID!) { updateClient(input: { id: $id }) { client { id } } }',
    variables: (i) => ({ id: i.clientId }),
  },
  {
    name: 'archiveClient',
    allowed: STAFF,
    query: 'mutation { archiveClient(input: { id: "x" }) { client { id } } }',
  },
  {
    name: 'saveDifferentiationWorkshop',
    allowed: STAFF,
    query:
      'mutation { saveDifferentiationWorkshop(input: { clientId: "x", beliefs: [], values: [] }) { workshop { gaps } } }',
  },
  {
    name: 'createEngagement',
    allowed: STAFF,
    query:
      'mutation { createEngagement(input: { clientId: "x", title: "", kind: TRAINING }) { engagement { id } } }',
  },
  {
    name: 'updateEngagement',
    allowed: STAFF,
    query: 'mutation { updateEngagement(input: { id: "x" }) { engagement { id } } }',
  },
  {
    name: 'changeEngagementStatus',
    allowed: STAFF,
    query: 'mutation { changeEngagementStatus(input: { id: "x", status: ACTIVE }) { engagement { id } } }',
  },
  {
    name: 'addMilestone',
    allowed: STAFF,
    query:
      'mutation { addMilestone(input: { engagementId: "x", title: "", dueOn: "2026-01-01" }) { milestone { id } } }',
  },
  {
    name: 'updateMilestone',
    allowed: STAFF,
    query: 'mutation { updateMilestone(input: { id: "x" }) { milestone { id } } }',
  },
  {
    name: 'removeMilestone',
    allowed: STAFF,
    query: 'mutation { removeMilestone(input: { id: "x" }) { removedId } }',
  },
];

let api: TestApi;
let people: Record<Who, SignedIn | null>;
let ids: Ids;
beforeAll(async () => {
  api = await startTestApi();
  const admin = await signUpConsultancy(api);
  const clientId = await createClient(api, admin);
  ids = { clientId, engagementId: await createEngagement(api, admin, clientId) };
  people = {
    anonymous: null,
    ADMIN: admin,
    CONSULTANT: await addMember(api, admin, 'CONSULTANT'),
    CLIENT_LEADER: await addMember(api, admin, 'CLIENT_LEADER', clientId),
  };
});
afterAll(() => api.close());

describe('who may call what', () => {
  for (const operation of OPERATIONS) {
    it(`${operation.name}: allowed for ${operation.allowed.join(', ')} only`, async () => {
      for (const who of ['anonymous', ...EVERYONE] as Who[]) {
        const response = await api.graphql(operation.query, operation.variables?.(ids) ?? {}, {
          token: people[who]?.token ?? null,
        });
        const code = response.errors?.[0]?.extensions?.code;
        const expected =
          who === 'anonymous' ? 'UNAUTHENTICATED' : operation.allowed.includes(who) ? undefined : 'FORBIDDEN';
        expect({ who, code }).toEqual({ who, code: expected });
      }
    });
  }
});
