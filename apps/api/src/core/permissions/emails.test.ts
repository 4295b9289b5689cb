import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { isObjectType } from 'graphql';
import { API_SCOPES, type ApiScope } from '@csp/domain';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { type SignedIn } from '../../../test/factories.js';
import { publishedCharter } from '../../../test/charter-factories.js';
import { createRoleProfile, scoreCandidate } from '../../../test/hiring-factories.js';
import { createServiceLevel } from '../../../test/service-level-factories.js';
import { modules } from '../../modules/index.js';
import { loadTypeDefs } from '../graphql/schema.js';
import { permissionsOfScopes } from '@csp/domain';
import { ruleFor } from './guard.js';
import { graphql } from '../../../test/generated/index.js';
import { seed } from '../../../test/seed.js';

/**
 * docs/api.md promises third parties the names of the people on what they read, never their email addresses. Keys
 * of every scope are tried on every way to a person the scopes open; signed-in members still see the addresses.
 */

/** Reachable without a key or session on purpose: the invitation's own address, for whoever holds its secret link. */
const PUBLIC_EMAIL_FIELDS = ['InvitationPreview.email'];

describe('email addresses in the schema', () => {
  it('are behind a permission that no combination of key scopes grants', () => {
    const schema = makeExecutableSchema({ typeDefs: loadTypeDefs(modules) });
    const everyScope = permissionsOfScopes(API_SCOPES);
    const reachable: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const name = `${type.name}.${field.name}`;
        if (!/e-?mail/i.test(field.name) || PUBLIC_EMAIL_FIELDS.includes(name)) continue;
        const rule = ruleFor(schema, type.name, field);
        if (!rule || rule.kind === 'public' || everyScope.has(rule.permission)) reachable.push(name);
      }
    }
    expect(reachable).toEqual([]);
  });
});

const PEOPLE = `query People($clientId: ID!, $engagementId: ID!, $actionId: ID!, $profileId: ID!) {
  client(id: $clientId) { leaders { name FIELDS } }
  engagement(id: $engagementId) { leadConsultant { name FIELDS } team { name FIELDS } }
  action(id: $actionId) { owner { name FIELDS } }
  charter(clientId: $clientId) { published { createdBy { name FIELDS } publishedBy { name FIELDS }
    promises { serviceLevel { definition { createdBy { name FIELDS } } } } } }
  roleProfile(id: $profileId) { candidates { scorecard { assessor { name FIELDS } } } }
}`;
const withEmails = PEOPLE.replaceAll('FIELDS', 'email');
const namesOnly = PEOPLE.replaceAll('FIELDS', 'id');

let api: TestApi;
let admin: SignedIn;
let consultant: SignedIn;
let leader: SignedIn;
let ids: { clientId: string; engagementId: string; actionId: string; profileId: string };

beforeAll(async () => {
  api = await startTestApi();
  const world = await seed(api)
    .consultancy()
    .consultant()
    .client()
    .leader()
    .engagement((w) => ({ leadConsultantId: w.consultant.memberId, teamMemberIds: [w.admin.memberId] }));
  ({ admin, consultant, leader } = world);
  const { client: clientId, engagement: engagementId } = world;
  const action = await api.graphql(
    graphql(`
      mutation EmailsCreateAction($input: CreateActionInput!) {
        createAction(input: $input) {
          action {
            id
          }
          userErrors {
            field
          }
        }
      }
    `),
    { input: { clientId, description: 'Answer calls within 20 s', ownerId: leader.memberId } },
    admin,
  );
  expect(action.data.createAction.userErrors).toEqual([]);
  const charter = await publishedCharter(api, admin, clientId);
  await createServiceLevel(api, consultant, clientId, charter.promises[0]!.key);
  const profile = await createRoleProfile(api, admin, clientId);
  await scoreCandidate(
    api,
    consultant,
    profile,
    'Candidate 1',
    profile.criteria.map(() => 4),
  );
  ids = { clientId, engagementId, actionId: action.data.createAction.action!.id, profileId: profile.id };
});
afterAll(() => api.close());

async function keyWith(scopes: readonly ApiScope[]): Promise<string> {
  const created = await api.graphql(
    graphql(`
      mutation EmailsCreateApiKey($input: CreateApiKeyInput!) {
        createApiKey(input: $input) {
          secret
        }
      }
    `),
    {
      input: {
        name: `Key for ${scopes.length === 1 ? scopes[0] : `${scopes.length} scopes`}`,
        scopes: [...scopes],
      },
    },
    admin,
  );
  return created.data.createApiKey.secret!;
}

const everyEmail = () => [admin.email, consultant.email, leader.email];

describe('API keys', () => {
  it.each(API_SCOPES.map((scope) => [scope]))(
    'with %s read no email address, whatever path they take to a person',
    async (scope) => {
      const token = await keyWith([scope]);
      const answer = await api.graphql(withEmails, ids, { token });
      const body = JSON.stringify(answer);
      for (const email of everyEmail()) expect(body).not.toContain(email);
      expect(answer.errors?.length).toBeGreaterThan(0);
      expect(new Set(answer.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
    },
  );

  it('with every scope are refused each email address with the permission it needs, and still read names', async () => {
    const token = await keyWith(API_SCOPES);
    const answer = await api.graphql(withEmails, ids, { token });
    for (const email of everyEmail()) expect(JSON.stringify(answer)).not.toContain(email);
    const refusedPaths = (answer.errors ?? []).map((e) => {
      expect(e.extensions).toMatchObject({ code: 'FORBIDDEN', requires: 'email:read' });
      return e.path?.filter((part) => typeof part === 'string').join('.');
    });
    expect(new Set(refusedPaths)).toEqual(
      new Set([
        'client.leaders.email',
        'engagement.leadConsultant.email',
        'engagement.team.email',
        'action.owner.email',
        'charter.published.createdBy.email',
        'charter.published.publishedBy.email',
        'charter.published.promises.serviceLevel.definition.createdBy.email',
        'roleProfile.candidates.scorecard.assessor.email',
      ]),
    );
    const names = await api.graphql<{ client: { leaders: { name: string }[] } }>(namesOnly, ids, { token });
    expect(names.errors).toBeUndefined();
    expect(names.data.client.leaders.map((l) => l.name)).toEqual(['CLIENT_LEADER person']);
  });
});

describe('signed-in members', () => {
  it.each([
    ['an admin', () => admin],
    ['a consultant', () => consultant],
  ])('as %s read the email addresses of the people on their work', async (_, who) => {
    const answer = await api.graphql<{
      client: { leaders: { email: string }[] };
      engagement: { leadConsultant: { email: string } };
    }>(withEmails, ids, who());
    expect(answer.errors).toBeUndefined();
    expect(answer.data.client.leaders.map((l) => l.email)).toEqual([leader.email]);
    expect(answer.data.engagement.leadConsultant.email).toBe(consultant.email);
  });

  it('as a client leader read the email address of their action’s owner and of the lead consultant', async () => {
    const answer = await api.graphql(
      graphql(`
        query EmailsEngagement($engagementId: ID!, $actionId: ID!) {
          engagement(id: $engagementId) {
            leadConsultant {
              email
            }
          }
          action(id: $actionId) {
            owner {
              email
            }
          }
        }
      `),
      { engagementId: ids.engagementId, actionId: ids.actionId },
      leader,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data.action!.owner.email).toBe(leader.email);
    expect(answer.data.engagement!.leadConsultant!.email).toBe(consultant.email);
  });
});
