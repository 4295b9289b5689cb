import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { createClient, signUpConsultancy, type SignedIn } from '../../../test/factories.js';
import {
  createAudit,
  moveAudit,
  responsesFrom,
  saveResponses,
  type AuditRef,
} from '../../../test/audits-factories.js';
import { graphql } from '../../../test/generated/index.js';

/**
 * Worked examples: the numbers an assessor could check by hand. Scale points become 0, 25, 50, 75, 100 for
 * 1–5 (turned round where a high score is bad); a section is the weighted mean of its scored criteria; the
 * overall score is the weighted mean of the sections that have a score.
 */

const SCORES = graphql(`
  query AuditsScoringAudit($id: ID!) {
    audit(id: $id) {
      status
      revision
      scores {
        overall
        flagged
        answered
        notApplicable
        total
        sections {
          key
          score
          answered
          notApplicable
          total
        }
        flags {
          criterionKey
          sectionKey
          score
          points
          message
        }
        criteria {
          key
          answer
          score
          points
        }
      }
    }
  }
`);

interface Scores {
  overall: number | null;
  flagged: boolean;
  answered: number;
  notApplicable: number;
  total: number;
  sections: { key: string; score: number | null; answered: number; notApplicable: number; total: number }[];
  flags: { criterionKey: string; sectionKey: string; score: number; points: number; message: string }[];
  criteria: { key: string; answer: string; score: number | null; points: number | null }[];
}

let api: TestApi;
let admin: SignedIn;
let clientId: string;
beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpConsultancy(api);
  clientId = await createClient(api, admin);
});
afterAll(() => api.close());

async function scoresOf(audit: AuditRef) {
  const response = await api.graphql(SCORES, { id: audit.id }, admin);
  return response.data.audit!;
}

const section = (scores: Scores, key: string) => scores.sections.find((s) => s.key === key);

describe('scoring the A-E-I-O-U service values', () => {
  // Every section weighs 1. "ownership-to-outcome" and "customers-as-individuals" weigh 2 and are critical.
  const answers = {
    'ownership-to-outcome': 4, //          75 × 2
    'leaders-answerable': 3, //            50
    'commitments-kept': 5, //              100  → Accountable (150 + 50 + 100) / 4 = 75
    'energy-holds-up': 2, //               25
    'urgency-fits-need': 4, //             75
    'service-discussed': null, //          N/A  → Energetic (25 + 75) / 2 = 50
    'staff-ideas-adopted': 1, //           0
    'small-trials': 2, //                  25   → Innovative (0 + 25) / 2 = 12.5
    //                                          Optimistic: nothing answered → no score (not 0)
    'customers-as-individuals': 5, //      100 × 2
    'own-way-of-serving': 3, //            50   → Unique (200 + 50) / 3 = 83.33…
  };

  it('weights criteria and sections, leaves N/A and unanswered out, and reports at full precision', async () => {
    const audit = await createAudit(api, admin, clientId);
    const saved = await saveResponses(api, admin, audit, responsesFrom(answers));
    const { status, revision, scores } = await scoresOf(saved);
    // The first save moves a draft to in progress and raises the revision.
    expect({ status, revision }).toEqual({ status: 'IN_PROGRESS', revision: 2 });
    expect(section(scores, 'accountable')?.score).toBe(75);
    expect(section(scores, 'energetic')).toMatchObject({
      score: 50,
      answered: 2,
      notApplicable: 1,
      total: 3,
    });
    expect(section(scores, 'innovative')?.score).toBe(12.5);
    expect(section(scores, 'optimistic')).toMatchObject({ score: null, answered: 0, total: 2 });
    expect(section(scores, 'unique')?.score).toBeCloseTo(250 / 3, 12);
    // Overall over the four scored sections: (75 + 50 + 12.5 + 83.33…) / 4 = 1325 / 24 = 55.2083…
    // Not rounded by the API: clients round for display.
    expect(scores.overall).toBeCloseTo(1325 / 24, 12);
    expect(scores).toMatchObject({ answered: 9, notApplicable: 1, total: 12, flagged: false, flags: [] });
    expect(scores.criteria.find((c) => c.key === 'service-discussed')).toEqual({
      key: 'service-discussed',
      answer: 'NOT_APPLICABLE',
      score: null,
      points: null,
    });
    expect(scores.criteria.find((c) => c.key === 'forward-after-setbacks')?.answer).toBe('UNANSWERED');
  });

  it('lets an N/A answer drop out of the weights instead of counting as a low score', async () => {
    let audit = await createAudit(api, admin, clientId);
    audit = await saveResponses(api, admin, audit, responsesFrom(answers));
    // Energy-holds-up becomes N/A: Energetic is now urgency alone, 75; the overall becomes
    // (75 + 75 + 12.5 + 83.33…) / 4 = 245.833… / 4 = 61.4583… (= 1475 / 24).
    const single = await api.graphql(
      graphql(`
        mutation AuditsScoringSaveAuditResponse($input: SaveAuditResponseInput!) {
          saveAuditResponse(input: $input) {
            audit {
              revision
            }
            userErrors {
              field
            }
          }
        }
      `),
      {
        input: {
          auditId: audit.id,
          expectedRevision: audit.revision,
          response: { criterionKey: 'energy-holds-up', notApplicable: true },
        },
      },
      admin,
    );
    expect(single.data.saveAuditResponse.userErrors).toEqual([]);
    const { scores } = await scoresOf(audit);
    expect(section(scores, 'energetic')).toMatchObject({ score: 75, answered: 1, notApplicable: 2 });
    expect(scores.overall).toBeCloseTo(1475 / 24, 12);
  });

  it('flags the audit when a critical criterion sits on its bad end, whatever the overall score', async () => {
    let audit = await createAudit(api, admin, clientId);
    // Customers-as-individuals (critical, weight 2) at 2 → 25: Unique (2 × 25 + 50) / 3 = 33.33…
    audit = await saveResponses(
      api,
      admin,
      audit,
      responsesFrom({ ...answers, 'customers-as-individuals': 2 }),
    );
    const { scores } = await scoresOf(audit);
    expect(section(scores, 'unique')?.score).toBeCloseTo(100 / 3, 12);
    expect(scores.flagged).toBe(true);
    expect(scores.flags).toEqual([
      {
        criterionKey: 'customers-as-individuals',
        sectionKey: 'unique',
        score: 2,
        points: 25,
        message: expect.stringMatching(
          /^Critical criterion scored 2 \(Seen in a few people\): Each customer/,
        ),
      },
    ]);
  });
});

describe('scoring the five obstacles, where a high score is bad', () => {
  // Every criterion is inverted: 1 → 100, 2 → 75, 3 → 50, 4 → 25, 5 → 0. Sections weigh 1, criteria 1.
  const answers = {
    'says-one-thing': 4, //          25 (critical: 4 is on its bad end)
    'teams-pull-apart': 2, //        75   → Lack of alignment 50
    'message-fades': 1, //           100
    'leaders-not-modelling': 1, //   100  → Lack of credibility 100
    'resources-as-excuse': 5, //     0
    'capacity-unused': 3, //         50   → Lack of resources 25
    'success-undefined': 2, //       75
    'priorities-unclear': null, //   N/A  → Lack of clarity 75
    'customer-picture-dated': 3, //  50
    'slow-to-adapt': 4, //           25   → Not connected 37.5
  };

  it('turns the scale round and stores the scores it published with', async () => {
    let audit = await createAudit(api, admin, clientId, { frameworkKey: 'five-obstacles' });
    audit = await saveResponses(api, admin, audit, responsesFrom(answers));
    audit = await moveAudit(api, admin, audit, 'SUBMITTED');
    audit = await moveAudit(api, admin, audit, 'PUBLISHED');
    const { scores } = await scoresOf(audit);
    expect(scores.sections.map((s) => s.score)).toEqual([50, 100, 25, 75, 37.5]);
    // (50 + 100 + 25 + 75 + 37.5) / 5 = 287.5 / 5 = 57.5
    expect(scores.overall).toBe(57.5);
    expect(scores.flags.map((f) => [f.criterionKey, f.score, f.points])).toEqual([['says-one-thing', 4, 25]]);
    expect(scores.flags[0]?.message).toMatch(/scored 4 \(A serious barrier\)/);

    const [stored] = await api.ownerQuery<{
      overall_score: number;
      section_scores: { key: string; score: number }[];
      flagged: boolean;
      published_at: Date | null;
    }>('SELECT overall_score, section_scores, flagged, published_at FROM audits WHERE id = $1', [audit.id]);
    expect(stored).toMatchObject({ overall_score: 57.5, flagged: true });
    expect(stored?.published_at).not.toBeNull();
    expect(stored?.section_scores).toEqual([
      { key: 'lack-of-alignment', score: 50 },
      { key: 'lack-of-credibility', score: 100 },
      { key: 'lack-of-resources', score: 25 },
      { key: 'lack-of-clarity', score: 75 },
      { key: 'disconnected-from-customers', score: 37.5 },
    ]);
  });

  it('scores an organisation free of every obstacle at 100', async () => {
    let audit = await createAudit(api, admin, clientId, { frameworkKey: 'five-obstacles' });
    audit = await saveResponses(
      api,
      admin,
      audit,
      responsesFrom(Object.fromEntries(Object.keys(answers).map((key) => [key, 1]))),
    );
    const { scores } = await scoresOf(audit);
    expect(scores).toMatchObject({ overall: 100, flagged: false, answered: 10 });
  });
});
