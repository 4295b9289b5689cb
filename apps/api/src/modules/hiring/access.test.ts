import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi, asText, type AnyDocument } from '../../../test/test-api.js';
import { addMember, createClient, signUpConsultancy, type SignedIn } from '../../../test/factories.js';
import {
  FRONT_DESK_CRITERIA,
  SAVE_SCORECARD,
  createRoleProfile,
  scoreCandidate,
  type ProfileResult,
} from '../../../test/hiring-factories.js';
import { graphql } from '../../../test/generated/index.js';
import { seed } from '../../../test/seed.js';

const PROFILE = graphql(`
  query AccessRoleProfile($id: ID!) {
    roleProfile(id: $id) {
      id
      title
      candidates {
        rank
      }
    }
  }
`);
const UPDATE = graphql(`
  mutation AccessUpdateRoleProfile($input: UpdateRoleProfileInput!) {
    updateRoleProfile(input: $input) {
      roleProfile {
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
const REMOVE = graphql(`
  mutation AccessRemoveCandidateScorecard($id: ID!) {
    removeCandidateScorecard(input: { id: $id }) {
      removedId
      userErrors {
        field
        code
        message
      }
    }
  }
`);

let api: TestApi;
let admin: SignedIn;
let clientId: string;
let profile: ProfileResult;
let scorecardId: string;
beforeAll(async () => {
  api = await startTestApi();
  ({
    admin,
    client: clientId,
    profile,
  } = await seed(api)
    .consultancy()
    .client({ name: 'Tidewater Hotels', industry: 'HOSPITALITY' })
    .roleProfile());
  scorecardId = await scoreCandidate(api, admin, profile, 'Cand-01', [4, 3, 5]);
});
afterAll(() => api.close());

describe('client leaders', () => {
  it('see neither role profiles nor candidates, even of their own client, and change nothing', async () => {
    const leader = await addMember(api, admin, 'CLIENT_LEADER', clientId);
    const calls: [AnyDocument, Record<string, unknown>][] = [
      [PROFILE, { id: profile.id }],
      ['query ($id: ID!) { client(id: $id) { roleProfiles { id } } }', { id: clientId }],
      [
        `mutation ($input: CreateRoleProfileInput!) { createRoleProfile(input: $input) { roleProfile { id } } }`,
        { input: { clientId, title: 'Mine', criteria: [] } },
      ],
      [UPDATE, { input: { id: profile.id, expectedRevision: 1, title: 'Mine', criteria: [] } }],
      [SAVE_SCORECARD, { input: { profileId: profile.id, candidateRef: 'Friend', scores: [] } }],
      [REMOVE, { id: scorecardId }],
    ];
    for (const [query, variables] of calls) {
      const response = await api.graphql(asText(query), variables, leader);
      expect(response.errors?.[0]?.extensions?.code, asText(query)).toBe('FORBIDDEN');
    }
    const client = await api.graphql(
      graphql(`
        query AccessClient($id: ID!) {
          client(id: $id) {
            id
          }
        }
      `),
      { id: clientId },
      leader,
    );
    expect(client.data.client).toEqual({ id: clientId }); // the client itself they do see
    expect(await api.countRows('candidate_scorecards', admin.tenantId)).toBe(1);
    expect(await api.countRows('role_profiles', admin.tenantId)).toBe(1);
  });

  it('find no scorecard even in the database itself, behind the client fence', async () => {
    const seen = await api.ownerSession(async (query) => {
      await query('BEGIN');
      try {
        await query('SET LOCAL ROLE csp_api');
        await query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.client_id', $2, true)`, [
          admin.tenantId,
          clientId,
        ]);
        const count = async (table: string) =>
          ((await query(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n as number) ?? -1;
        return {
          profiles: await count('role_profiles'),
          scorecards: await count('candidate_scorecards'),
          scores: await count('candidate_scores'),
        };
      } finally {
        await query('ROLLBACK');
      }
    });
    // The profile passes the client fence (it is theirs); the candidates never do.
    expect(seen).toEqual({ profiles: 1, scorecards: 0, scores: 0 });
  });
});

describe('another consultancy', () => {
  it('gets the answer an unknown id gets on every query and mutation, and changes nothing', async () => {
    const intruder = await signUpConsultancy(api);
    const ownClient = await createClient(api, intruder);
    const ownProfile = await createRoleProfile(api, intruder, ownClient);
    const snapshot = () =>
      Promise.all(
        ['role_profiles', 'hiring_criteria', 'candidate_scorecards', 'candidate_scores'].map((table) =>
          api.ownerQuery(`SELECT * FROM ${table} WHERE tenant_id = $1 ORDER BY 1, 2, 3`, [admin.tenantId]),
        ),
      );
    const before = await snapshot();

    const read = await api.graphql(PROFILE, { id: profile.id }, intruder);
    expect(read.data.roleProfile).toBeNull();

    const created = await api.graphql(
      graphql(`
        mutation AccessCreateRoleProfile($input: CreateRoleProfileInput!) {
          createRoleProfile(input: $input) {
            roleProfile {
              id
            }
            userErrors {
              field
              code
              message
            }
          }
        }
      `),
      { input: { clientId, title: 'Planted', criteria: FRONT_DESK_CRITERIA } },
      intruder,
    );
    expect(created.data.createRoleProfile.userErrors).toEqual([
      { field: 'clientId', code: 'NOT_FOUND', message: 'No client has this id.' },
    ]);

    const updated = await api.graphql(
      UPDATE,
      { input: { id: profile.id, expectedRevision: 1, title: 'Taken over', criteria: [] } },
      intruder,
    );
    expect(updated.data.updateRoleProfile.userErrors).toEqual([
      { field: 'id', code: 'NOT_FOUND', message: 'No role profile has this id.' },
    ]);

    // Their own profile, but naming our criterion: it is not theirs to keep.
    const borrowed = await api.graphql(
      UPDATE,
      {
        input: {
          id: ownProfile.id,
          expectedRevision: 1,
          title: 'Front-desk host',
          criteria: [{ ...FRONT_DESK_CRITERIA[0]!, id: profile.criteria[0]!.id }],
        },
      },
      intruder,
    );
    expect(borrowed.data.updateRoleProfile.userErrors).toEqual([
      {
        field: 'criteria.0.id',
        code: 'NOT_FOUND',
        message: 'No criterion of this role profile has this id.',
      },
    ]);

    const scored = await api.graphql(
      SAVE_SCORECARD,
      { input: { profileId: profile.id, candidateRef: 'Cand-99', scores: [] } },
      intruder,
    );
    expect(scored.data.saveCandidateScorecard.userErrors).toEqual([
      { field: 'profileId', code: 'NOT_FOUND', message: 'No role profile has this id.' },
    ]);

    const rescored = await api.graphql(
      SAVE_SCORECARD,
      { input: { profileId: ownProfile.id, scorecardId, candidateRef: 'Cand-01', scores: [] } },
      intruder,
    );
    expect(rescored.data.saveCandidateScorecard.userErrors).toEqual([
      { field: 'scorecardId', code: 'NOT_FOUND', message: 'No scorecard of this role profile has this id.' },
    ]);

    const crossScore = await api.graphql(
      SAVE_SCORECARD,
      {
        input: {
          profileId: ownProfile.id,
          candidateRef: 'Cand-02',
          scores: [{ criterionId: profile.criteria[0]!.id, score: 5 }],
        },
      },
      intruder,
    );
    expect(crossScore.data.saveCandidateScorecard.userErrors).toEqual([
      {
        field: 'scores.0.criterionId',
        code: 'NOT_FOUND',
        message: 'No criterion of this role profile has this id.',
      },
    ]);

    const removed = await api.graphql(REMOVE, { id: scorecardId }, intruder);
    expect(removed.data.removeCandidateScorecard).toEqual({
      removedId: null,
      userErrors: [{ field: 'id', code: 'NOT_FOUND', message: 'No scorecard has this id.' }],
    });

    expect(await snapshot()).toEqual(before);
    expect(
      await api.ownerQuery('SELECT 1 FROM candidate_scorecards WHERE tenant_id = $1', [intruder.tenantId]),
    ).toHaveLength(0);
  });
});
