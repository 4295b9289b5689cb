import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi, unchecked } from '../../../test/test-api.js';
import { addMember, createClient, signUpConsultancy, type SignedIn } from '../../../test/factories.js';
import {
  FRONT_DESK_CRITERIA,
  SAVE_SCORECARD,
  createRoleProfile,
  scoreCandidate,
  type ProfileResult,
} from '../../../test/hiring-factories.js';
import { graphql } from '../../../test/generated/index.js';

const RANKING = graphql(`
  query ScorecardsRoleProfile($id: ID!) {
    roleProfile(id: $id) {
      candidates {
        rank
        fit
        flagged
        complete
        scorecard {
          candidateRef
          failedMustHaves {
            key
          }
        }
      }
    }
  }
`);

let api: TestApi;
let admin: SignedIn;
let clientId: string;
let profile: ProfileResult;
beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpConsultancy(api);
  clientId = await createClient(api, admin, { name: 'Tidewater Hotels', industry: 'HOSPITALITY' });
  profile = await createRoleProfile(api, admin, clientId);
});
afterAll(() => api.close());

const save = (input: Record<string, unknown>, who: SignedIn = admin) =>
  api.graphql(SAVE_SCORECARD, unchecked({ input: { profileId: profile.id, ...input } }), who);
const counts = async () => ({
  scorecards: await api.countRows('candidate_scorecards', admin.tenantId),
  scores: await api.countRows('candidate_scores', admin.tenantId),
});
const scoresFor = (values: number[], on: ProfileResult = profile) =>
  values.map((score, i) => ({ criterionId: on.criteria[i]!.id, score }));

describe('candidate scorecards', () => {
  it('works out the weighted fit of the worked example', async () => {
    const consultant = await addMember(api, admin, 'CONSULTANT');
    const response = await save(
      {
        candidateRef: 'Aroha T.',
        scores: [
          { criterionId: profile.criteria[0]!.id, score: 5, note: 'Lit up the role-play.' },
          ...scoresFor([5, 3, 2]).slice(1),
        ],
      },
      consultant,
    );
    // Points: 5 → 100, 3 → 50, 2 → 25. (100·40 + 50·35 + 25·25) / 100 = (4000 + 1750 + 625) / 100 = 63.75
    expect(response.data.saveCandidateScorecard).toEqual({
      userErrors: [],
      scorecard: expect.objectContaining({
        candidateRef: 'Aroha T.',
        fit: 63.75,
        complete: true,
        flagged: false,
        failedMustHaves: [],
        assessor: { id: consultant.memberId },
        scores: [
          { criterion: { key: 'warmth-with-guests' }, score: 5, note: 'Lit up the role-play.' },
          { criterion: { key: 'hotel-front-office-experience' }, score: 3, note: null },
          { criterion: { key: 'booking-system-fluency' }, score: 2, note: null },
        ],
      }),
    });
  });

  it('flags a failed must-have whatever the fit, and ranks it after every unflagged candidate', async () => {
    const own = await createRoleProfile(api, admin, clientId, { title: 'Night manager' });
    await scoreCandidate(api, admin, own, 'Ben', [3, 3, 3]); // 50·100/100 = 50
    await scoreCandidate(api, admin, own, 'Cora', [2, 5, 5]); // (25·40 + 100·35 + 100·25)/100 = 70, but warmth 2
    await scoreCandidate(api, admin, own, 'Dev', [4, 1, null]); // (75·40 + 0·35)/75 = 40, incomplete
    await scoreCandidate(api, admin, own, 'Ana', [5, 5, 5]); // 100
    const response = await api.graphql(RANKING, { id: own.id }, admin);
    expect(
      response.data.roleProfile!.candidates.map((c) => [
        c.rank,
        c.scorecard.candidateRef,
        c.fit,
        c.flagged,
        c.complete,
      ]),
    ).toEqual([
      [1, 'Ana', 100, false, true],
      [2, 'Ben', 50, false, true],
      [3, 'Dev', 40, false, false],
      [4, 'Cora', 70, true, true],
    ]);
    expect(response.data.roleProfile!.candidates[3]?.scorecard.failedMustHaves).toEqual([
      { key: 'warmth-with-guests' },
    ]);
  });

  it('replaces the scores of an existing scorecard, keeping its id', async () => {
    const own = await createRoleProfile(api, admin, clientId, { title: 'Reservations agent' });
    const id = await scoreCandidate(api, admin, own, 'Cand-7', [2, 2, 2]);
    const response = await api.graphql(
      SAVE_SCORECARD,
      {
        input: {
          profileId: own.id,
          scorecardId: id,
          candidateRef: 'Cand-7 (second interview)',
          scores: scoresFor([4, 4], own),
        },
      },
      admin,
    );
    // (75·40 + 75·35) / 75 = 75; the third criterion is now unscored.
    expect(response.data.saveCandidateScorecard.scorecard).toMatchObject({
      id,
      candidateRef: 'Cand-7 (second interview)',
      fit: 75,
      complete: false,
      flagged: false,
    });
    expect(await api.ownerQuery('SELECT 1 FROM candidate_scores WHERE scorecard_id = $1', [id])).toHaveLength(
      2,
    );
  });

  it('removes a scorecard with its scores', async () => {
    const own = await createRoleProfile(api, admin, clientId, { title: 'Porter' });
    const id = await scoreCandidate(api, admin, own, 'Cand-9', [3, 3, 3]);
    const removed = await api.graphql(
      graphql(`
        mutation ScorecardsRemoveCandidateScorecard($id: ID!) {
          removeCandidateScorecard(input: { id: $id }) {
            removedId
            userErrors {
              field
            }
          }
        }
      `),
      { id },
      admin,
    );
    expect(removed.data.removeCandidateScorecard).toEqual({ removedId: id, userErrors: [] });
    expect(await api.ownerQuery('SELECT 1 FROM candidate_scores WHERE scorecard_id = $1', [id])).toHaveLength(
      0,
    );
    const again = await api.graphql(
      graphql(`
        mutation ScorecardsRemoveCandidateScorecard2($id: ID!) {
          removeCandidateScorecard(input: { id: $id }) {
            userErrors {
              field
              code
            }
          }
        }
      `),
      { id },
      admin,
    );
    expect(again.data.removeCandidateScorecard.userErrors).toEqual([{ field: 'id', code: 'NOT_FOUND' }]);
  });
});

describe('reading candidates', () => {
  it('costs the same statements for one candidate as for five (no N+1)', async () => {
    const DEEP = graphql(`
      query ScorecardsRoleProfile2($id: ID!) {
        roleProfile(id: $id) {
          candidates {
            rank
            scorecard {
              fit
              flagged
              failedMustHaves {
                key
              }
              assessor {
                name
              }
              profile {
                title
              }
              scores {
                score
                criterion {
                  key
                  weight
                }
              }
            }
          }
        }
      }
    `);
    const statementsFor = async (candidates: number) => {
      const own = await createRoleProfile(api, admin, clientId, { title: `Deep read ${candidates}` });
      for (let i = 0; i < candidates; i++) await scoreCandidate(api, admin, own, `C-${i}`, [3, 4, 5]);
      const response = await api.graphql(DEEP, { id: own.id }, admin);
      expect(response.data.roleProfile!.candidates).toHaveLength(candidates);
      return response.statements;
    };
    expect(await statementsFor(5)).toBe(await statementsFor(1));
  });
});

describe('refused scorecards', () => {
  it('refuses to score against a profile whose weights do not add up to 100, saying by how much', async () => {
    const draft = await createRoleProfile(api, admin, clientId, {
      title: 'Concierge (draft)',
      criteria: [
        { ...FRONT_DESK_CRITERIA[0]!, weight: 70 },
        { ...FRONT_DESK_CRITERIA[1]!, weight: 45 },
      ],
    });
    const before = await counts();
    const response = await api.graphql(
      SAVE_SCORECARD,
      { input: { profileId: draft.id, candidateRef: 'Cand-1', scores: scoresFor([4, 4], draft) } },
      admin,
    );
    // 70 + 45 = 115: fifteen over.
    expect(response.data.saveCandidateScorecard).toEqual({
      scorecard: null,
      userErrors: [
        {
          field: 'profileId',
          code: 'NOT_ALLOWED',
          message: 'The weights add up to 115; take away 15 to come down to 100.',
        },
      ],
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses a second scorecard for the same candidate, whatever the case', async () => {
    const own = await createRoleProfile(api, admin, clientId, { title: 'Doorman' });
    await scoreCandidate(api, admin, own, 'Mere K.', [3, 3, 3]);
    const before = await counts();
    const response = await api.graphql(
      SAVE_SCORECARD,
      { input: { profileId: own.id, candidateRef: 'mere k.', scores: [] } },
      admin,
    );
    expect(response.data.saveCandidateScorecard.userErrors).toEqual([
      expect.objectContaining({ field: 'candidateRef', code: 'TAKEN' }),
    ]);
    expect(await counts()).toEqual(before);
  });

  it('names each wrong field and writes nothing', async () => {
    const other = await createRoleProfile(api, admin, clientId, { title: 'Housekeeping lead' });
    const existing = await scoreCandidate(api, admin, profile, 'Existing', [3, 3, 3]);
    const [first] = scoresFor([3]);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ candidateRef: ' ' }, 'candidateRef', 'REQUIRED'],
      [{ candidateRef: 'x'.repeat(201) }, 'candidateRef', 'TOO_LONG'],
      [{ scores: scoresFor([6]) }, 'scores.0.score', 'INVALID'],
      [{ scores: scoresFor([0]) }, 'scores.0.score', 'INVALID'],
      [{ scores: [first, first] }, 'scores.1.criterionId', 'INVALID'],
      [{ scores: [{ criterionId: other.criteria[0]!.id, score: 3 }] }, 'scores.0.criterionId', 'NOT_FOUND'],
      [{ scores: [{ criterionId: 'warmth', score: 3 }] }, 'scores.0.criterionId', 'NOT_FOUND'],
      [{ scorecardId: '00000000-0000-4000-8000-000000000000' }, 'scorecardId', 'NOT_FOUND'],
      [{ profileId: other.id, scorecardId: existing }, 'scorecardId', 'NOT_FOUND'],
      [{ profileId: '00000000-0000-4000-8000-000000000000' }, 'profileId', 'NOT_FOUND'],
      [{ profileId: 'x' }, 'profileId', 'NOT_FOUND'],
    ];
    const before = await counts();
    const stored = await api.ownerQuery('SELECT score FROM candidate_scores WHERE scorecard_id = $1', [
      existing,
    ]);
    for (const [change, field, code] of cases) {
      const response = await save({ candidateRef: 'New candidate', scores: scoresFor([4]), ...change });
      expect(response.data.saveCandidateScorecard, field).toEqual({
        scorecard: null,
        userErrors: [expect.objectContaining({ field, code })],
      });
    }
    expect(await counts()).toEqual(before);
    expect(
      await api.ownerQuery('SELECT score FROM candidate_scores WHERE scorecard_id = $1', [existing]),
    ).toEqual(stored);
  });
});
