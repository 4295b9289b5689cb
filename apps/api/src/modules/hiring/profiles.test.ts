import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi, unchecked } from '../../../test/test-api.js';
import { createClient, signUpConsultancy, type SignedIn } from '../../../test/factories.js';
import {
  FRONT_DESK_CRITERIA,
  createRoleProfile,
  scoreCandidate,
  type CriterionFields,
} from '../../../test/hiring-factories.js';
import { graphql } from '../../../test/generated/index.js';

const CREATE = graphql(`
  mutation ProfilesCreateRoleProfile($input: CreateRoleProfileInput!) {
    createRoleProfile(input: $input) {
      roleProfile {
        ...HiringTestProfile
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);
const UPDATE = graphql(`
  mutation ProfilesUpdateRoleProfile($input: UpdateRoleProfileInput!) {
    updateRoleProfile(input: $input) {
      roleProfile {
        ...HiringTestProfile
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

interface Profile {
  id: string;
  title: string;
  revision: number;
  weightTotal: number;
  ready: boolean;
  readinessGaps: { field: string; code: string; message: string }[];
  criteria: (CriterionFields & { id: string; key: string })[];
}

let api: TestApi;
let admin: SignedIn;
let clientId: string;
beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpConsultancy(api);
  clientId = await createClient(api, admin, { name: 'Tidewater Hotels', industry: 'HOSPITALITY' });
});
afterAll(() => api.close());

const create = (input: Record<string, unknown>) =>
  api.graphql(
    CREATE,
    unchecked({ input: { clientId, title: 'Front-desk host', criteria: FRONT_DESK_CRITERIA, ...input } }),
    admin,
  );
const update = (input: Record<string, unknown>) => api.graphql(UPDATE, unchecked({ input }), admin);
const counts = async () => ({
  profiles: await api.countRows('role_profiles', admin.tenantId),
  criteria: await api.countRows('hiring_criteria', admin.tenantId),
  scores: await api.countRows('candidate_scores', admin.tenantId),
});
/** The whole-list form of a profile's criteria, as a client would send it back, keeping every id. */
const asInput = (criteria: Profile['criteria']) => criteria.map(({ key: _key, ...rest }) => rest);

describe('role profiles', () => {
  it('creates a profile with readable keys, ready once its weights add up to 100', async () => {
    const response = await create({ summary: 'Greets every guest at arrival and departure.' });
    const profile = response.data.createRoleProfile.roleProfile;
    expect(profile).toMatchObject({
      revision: 1,
      weightTotal: 100, // 40 + 35 + 25
      ready: true,
      readinessGaps: [],
      criteria: [
        { key: 'warmth-with-guests', weight: 40, mustHave: true, aeiouValue: 'OPTIMISTIC' },
        { key: 'hotel-front-office-experience', weight: 35, mustHave: false, aeiouValue: null },
        { key: 'booking-system-fluency', weight: 25, category: 'SKILL' },
      ],
    });
    const listed = await api.graphql(
      graphql(`
        query ProfilesClient($id: ID!) {
          client(id: $id) {
            roleProfiles {
              id
            }
          }
        }
      `),
      { id: clientId },
      admin,
    );
    expect(listed.data.client!.roleProfiles.map((p) => p.id)).toContain(profile?.id);
  });

  it('answers "is industry experience more important than personality traits?" from the weights', async () => {
    const { id } = await createRoleProfile(api, admin, clientId);
    const response = await api.graphql(
      graphql(`
        query ProfilesRoleProfile($id: ID!) {
          roleProfile(id: $id) {
            categoryWeights {
              category
              label
              weight
              share
              criterionCount
              mustHaveCount
            }
            compareCategories(a: INDUSTRY_EXPERIENCE, b: PERSONALITY_TRAIT) {
              heavier
              difference
              sentence
            }
          }
        }
      `),
      { id },
      admin,
    );
    const profile = response.data.roleProfile;
    expect(profile!.categoryWeights.map((c) => [c.category, c.weight, c.criterionCount])).toEqual([
      ['PERSONALITY_TRAIT', 40, 1],
      ['INDUSTRY_EXPERIENCE', 35, 1],
      ['SKILL', 25, 1],
      ['VALUE_FIT', 0, 0],
      ['PRODUCT_KNOWLEDGE', 0, 0],
    ]);
    // 35 against 40: personality traits weigh 5 points more.
    expect(profile!.compareCategories).toEqual({
      heavier: 'PERSONALITY_TRAIT',
      difference: 5,
      sentence:
        'Industry experience carries 35 of 100 points and personality traits 40: more weight goes to personality traits.',
    });
  });

  it('saves a profile still being designed, and says what keeps it from being ready', async () => {
    const criteria = FRONT_DESK_CRITERIA.slice(0, 2); // 40 + 35 = 75
    const response = await create({ title: 'Concierge (draft)', criteria });
    expect(response.data.createRoleProfile.roleProfile).toMatchObject({
      weightTotal: 75,
      ready: false,
      readinessGaps: [
        {
          field: 'criteria',
          code: 'INVALID',
          message: 'The weights add up to 75; add 25 more to reach 100.',
        },
      ],
    });
    const empty = await create({ title: 'Night porter', criteria: [] });
    expect(empty.data.createRoleProfile.roleProfile?.readinessGaps).toEqual([
      { field: 'criteria', code: 'REQUIRED', message: 'Add at least one criterion.' },
    ]);
  });

  it('saves the whole list: keeps criteria by id with their keys, adds new ones, bumps the revision', async () => {
    const created = (await create({})).data.createRoleProfile.roleProfile!;
    const [warmth, experience, booking] = created.criteria;
    const response = await update({
      id: created.id,
      expectedRevision: 1,
      title: 'Front-desk host (2027)',
      summary: null,
      criteria: [
        { ...asInput([booking!])[0], title: 'Reservation-system fluency', weight: 20 },
        ...asInput([warmth!, experience!]),
        {
          category: 'VALUE_FIT',
          title: 'Owns a problem to the end',
          weight: 5,
          evidence: 'Ask for a story.',
        },
      ],
    });
    const saved = response.data.updateRoleProfile.roleProfile;
    expect(response.data.updateRoleProfile.userErrors).toEqual([]);
    expect(saved).toMatchObject({
      title: 'Front-desk host (2027)',
      revision: 2,
      weightTotal: 100,
      ready: true,
    });
    expect(saved?.criteria.map((c) => [c.id, c.key, c.title])).toEqual([
      [booking!.id, 'booking-system-fluency', 'Reservation-system fluency'], // key kept through the rename
      [warmth!.id, 'warmth-with-guests', 'Warmth with guests'],
      [experience!.id, 'hotel-front-office-experience', 'Hotel front-office experience'],
      [expect.any(String), 'owns-a-problem-to-the-end', 'Owns a problem to the end'],
    ]);
  });

  it('removes a criterion left out of the list, and its scores with it', async () => {
    const profile = await createRoleProfile(api, admin, clientId, { title: 'Spa receptionist' });
    await scoreCandidate(api, admin, profile, 'Cand-01', [4, 4, 4]);
    const before = await counts();
    const current = await api.graphql(
      graphql(`
        query ProfilesRoleProfile2($id: ID!) {
          roleProfile(id: $id) {
            ...HiringTestProfile
          }
        }
      `),
      { id: profile.id },
      admin,
    );
    const [warmth, experience] = current.data.roleProfile!.criteria;
    const response = await update({
      id: profile.id,
      expectedRevision: 1,
      title: 'Spa receptionist',
      criteria: asInput([warmth!, experience!]),
    });
    expect(response.data.updateRoleProfile.roleProfile).toMatchObject({ weightTotal: 75, ready: false });
    expect(await counts()).toEqual({ ...before, criteria: before.criteria - 1, scores: before.scores - 1 });
    const left = await api.ownerQuery<{ key: string }>(
      `SELECT c.key FROM candidate_scores s JOIN hiring_criteria c ON c.tenant_id = s.tenant_id AND c.id = s.criterion_id
        WHERE s.profile_id = $1 ORDER BY c.position`,
      [profile.id],
    );
    expect(left.map((r) => r.key)).toEqual(['warmth-with-guests', 'hotel-front-office-experience']);
  });

  it('refuses a stale revision with CONFLICT and writes nothing, also when two edits race', async () => {
    const profile = await createRoleProfile(api, admin, clientId, { title: 'Bell captain' });
    const edit = (title: string) =>
      update({ id: profile.id, expectedRevision: 1, title, criteria: FRONT_DESK_CRITERIA });
    const answers = await Promise.all([edit('First editor'), edit('Second editor')]);
    const errors = answers.flatMap((a) => a.data.updateRoleProfile.userErrors);
    expect(errors).toEqual([
      expect.objectContaining({
        field: 'expectedRevision',
        code: 'CONFLICT',
        message: expect.stringMatching(/changed since you loaded it/),
      }),
    ]);
    const winner = answers.find((a) => a.data.updateRoleProfile.roleProfile)!.data.updateRoleProfile
      .roleProfile!;
    const [row] = await api.ownerQuery<{ title: string; revision: number }>(
      'SELECT title, revision FROM role_profiles WHERE id = $1',
      [profile.id],
    );
    expect(row).toEqual({ title: winner.title, revision: 2 });
    // The loser's criteria did not land either: still the winner's three.
    expect(
      await api.ownerQuery('SELECT 1 FROM hiring_criteria WHERE profile_id = $1', [profile.id]),
    ).toHaveLength(3);
  });
});

describe('refused profile input', () => {
  const bad = (change: Partial<CriterionFields>) => [{ ...FRONT_DESK_CRITERIA[0]!, ...change }];
  it.each([
    ['title', { title: '  ' }, 'REQUIRED'],
    ['title', { title: 't'.repeat(201) }, 'TOO_LONG'],
    ['criteria.0.weight', { criteria: bad({ weight: 0 }) }, 'INVALID'],
    ['criteria.0.weight', { criteria: bad({ weight: 101 }) }, 'INVALID'],
    ['criteria.0.title', { criteria: bad({ title: '' }) }, 'REQUIRED'],
    ['criteria.0.evidence', { criteria: bad({ evidence: ' ' }) }, 'REQUIRED'],
    ['criteria.0.id', { criteria: bad({ id: '00000000-0000-4000-8000-000000000000' }) }, 'NOT_FOUND'],
    ['clientId', { clientId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND'],
    ['clientId', { clientId: 'not-a-uuid' }, 'NOT_FOUND'],
  ])('create names %s (%o) and writes nothing', async (field, change, code) => {
    const before = await counts();
    const response = await create(change);
    expect(response.data.createRoleProfile).toEqual({
      roleProfile: null,
      userErrors: [expect.objectContaining({ field, code })],
    });
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['weight', 40.5, /weight/],
    ['category', 'CHARM', /category/],
  ])('refuses a %s the schema cannot hold (%s) as BAD_USER_INPUT naming it', async (name, value, message) => {
    const before = await counts();
    const response = await create({ criteria: [{ ...FRONT_DESK_CRITERIA[0], [name]: value }] });
    // A variable that cannot be coerced is a request error: 200 for a plain application/json client, as the
    // GraphQL-over-HTTP spec asks (see core/http/response-status.ts), with the error naming the field.
    expect(response.status).toBe(200);
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it('refuses a profile for an archived client', async () => {
    const archived = await createClient(api, admin, { status: 'ARCHIVED' });
    const response = await api.graphql(
      CREATE,
      { input: { clientId: archived, title: 'Host', criteria: [] } },
      admin,
    );
    expect(response.data.createRoleProfile.userErrors).toEqual([
      expect.objectContaining({ field: 'clientId', code: 'NOT_ALLOWED' }),
    ]);
  });

  it('update names a wrong field, an unknown id or a repeated criterion, and changes nothing', async () => {
    const profile = await createRoleProfile(api, admin, clientId, { title: 'Guest-relations lead' });
    const other = await createRoleProfile(api, admin, clientId, { title: 'Other role' });
    const kept = FRONT_DESK_CRITERIA.map((c, i) => ({ ...c, id: profile.criteria[i]!.id }));
    const cases: [Record<string, unknown>, string, string][] = [
      [{ title: '' }, 'title', 'REQUIRED'],
      [{ criteria: [{ ...kept[0], weight: 101 }, kept[1], kept[2]] }, 'criteria.0.weight', 'INVALID'],
      [{ criteria: [kept[0], kept[0], kept[2]] }, 'criteria.1.id', 'INVALID'],
      [{ criteria: [{ ...kept[0], id: other.criteria[0]!.id }] }, 'criteria.0.id', 'NOT_FOUND'],
      [{ id: '00000000-0000-4000-8000-000000000000' }, 'id', 'NOT_FOUND'],
      [{ id: 'nope' }, 'id', 'NOT_FOUND'],
    ];
    const before = await api.ownerQuery(
      'SELECT * FROM hiring_criteria WHERE profile_id = $1 ORDER BY position',
      [profile.id],
    );
    for (const [change, field, code] of cases) {
      const response = await update({
        id: profile.id,
        expectedRevision: 1,
        title: 'Renamed',
        criteria: kept,
        ...change,
      });
      expect(response.data.updateRoleProfile.userErrors, field).toEqual([
        expect.objectContaining({ field, code }),
      ]);
    }
    const [row] = await api.ownerQuery('SELECT title, revision FROM role_profiles WHERE id = $1', [
      profile.id,
    ]);
    expect(row).toEqual({ title: 'Guest-relations lead', revision: 1 });
    expect(
      await api.ownerQuery('SELECT * FROM hiring_criteria WHERE profile_id = $1 ORDER BY position', [
        profile.id,
      ]),
    ).toEqual(before);
  });
});
