import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { createClient, createEngagement, signUpConsultancy, type SignedIn } from '../../../test/factories.js';
import { createAudit, saveResponses } from '../../../test/audits-factories.js';
import { graphql } from '../../../test/generated/index.js';

const CREATE = graphql(`
  mutation AuditsInputCreateAudit($input: CreateAuditInput!) {
    createAudit(input: $input) {
      audit {
        id
        title
        status
        revision
        conductedOn
        engagement {
          id
        }
        client {
          id
        }
        framework {
          key
          version
          builtIn
        }
        responses {
          criterionKey
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
const SAVE = graphql(`
  mutation AuditsInputSaveAuditResponses($input: SaveAuditResponsesInput!) {
    saveAuditResponses(input: $input) {
      audit {
        revision
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const SAVE_ONE = graphql(`
  mutation AuditsInputSaveAuditResponse($input: SaveAuditResponseInput!) {
    saveAuditResponse(input: $input) {
      audit {
        revision
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const RESPONSES = graphql(`
  query AuditsInputAudit($id: ID!) {
    audit(id: $id) {
      responses {
        criterionKey
        sectionKey
        score
        notApplicable
        evidence
        note
        internal
        criterion {
          prompt
          weight
          critical
        }
      }
    }
  }
`);
const NOWHERE = '00000000-0000-4000-8000-000000000000';

let api: TestApi;
let admin: SignedIn;
let clientId: string;
beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpConsultancy(api);
  clientId = await createClient(api, admin);
});
afterAll(() => api.close());

describe('starting an audit', () => {
  it('defaults the date to today and the title to the framework and month, and can join an engagement', async () => {
    const engagementId = await createEngagement(api, admin, clientId);
    const response = await api.graphql(
      CREATE,
      { input: { clientId, engagementId, frameworkKey: 'five-obstacles' } },
      admin,
    );
    const today = new Date().toISOString().slice(0, 10);
    const month = new Date().toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
    expect(response.data.createAudit.audit).toMatchObject({
      title: `Five obstacles, ${month} ${today.slice(0, 4)}`,
      status: 'DRAFT',
      revision: 1,
      conductedOn: today,
      engagement: { id: engagementId },
      client: { id: clientId },
      framework: { key: 'five-obstacles', version: 1, builtIn: true },
      responses: [],
    });
  });

  it.each([
    ['title', { title: 't'.repeat(201) }, 'TOO_LONG'],
    ['frameworkKey', { frameworkKey: ' ' }, 'REQUIRED'],
    ['frameworkKey', { frameworkKey: 'no-such-framework' }, 'NOT_FOUND'],
    ['frameworkVersion', { frameworkVersion: 2 }, 'NOT_FOUND'],
    ['frameworkVersion', { frameworkVersion: 0 }, 'TOO_SHORT'],
    ['clientId', { clientId: NOWHERE }, 'NOT_FOUND'],
    ['clientId', { clientId: 'not-a-uuid' }, 'NOT_FOUND'],
    ['engagementId', { engagementId: NOWHERE }, 'NOT_FOUND'],
  ])('names %s when it is wrong (%o) and writes nothing', async (field, change, code) => {
    const before = await api.countRows('audits', admin.tenantId);
    const response = await api.graphql(
      CREATE,
      { input: { clientId, frameworkKey: 'aeiou-values', ...change } },
      admin,
    );
    expect(response.data.createAudit).toEqual({
      audit: null,
      userErrors: [expect.objectContaining({ field, code })],
    });
    expect(await api.countRows('audits', admin.tenantId)).toBe(before);
  });

  it('refuses an engagement of another client, and an archived client', async () => {
    const otherClient = await createClient(api, admin);
    const engagementId = await createEngagement(api, admin, otherClient);
    const mixed = await api.graphql(
      CREATE,
      { input: { clientId, engagementId, frameworkKey: 'aeiou-values' } },
      admin,
    );
    expect(mixed.data.createAudit.userErrors).toEqual([
      expect.objectContaining({ field: 'engagementId', code: 'INVALID' }),
    ]);
    const archived = await createClient(api, admin, { status: 'ARCHIVED' });
    const late = await api.graphql(
      CREATE,
      { input: { clientId: archived, frameworkKey: 'aeiou-values' } },
      admin,
    );
    expect(late.data.createAudit.userErrors).toEqual([
      expect.objectContaining({ field: 'clientId', code: 'NOT_ALLOWED' }),
    ]);
  });
});

describe('saving responses', () => {
  it('keeps evidence and notes, replaces an earlier answer, and lists responses in framework order', async () => {
    let audit = await createAudit(api, admin, clientId);
    audit = await saveResponses(api, admin, audit, [
      {
        criterionKey: 'own-way-of-serving',
        score: 2,
        evidence: '  Staff could not say what is different. ',
        note: ' ',
      },
      {
        criterionKey: 'ownership-to-outcome',
        score: 3,
        evidence: 'Two of five cases had one owner.',
        note: 'Ask the COO about the hand-off rule',
        internal: true,
      },
    ]);
    audit = await saveResponses(api, admin, audit, [
      { criterionKey: 'own-way-of-serving', notApplicable: true },
    ]);
    const response = await api.graphql(RESPONSES, { id: audit.id }, admin);
    expect(response.data.audit!.responses).toEqual([
      {
        criterionKey: 'ownership-to-outcome',
        sectionKey: 'accountable',
        score: 3,
        notApplicable: false,
        evidence: 'Two of five cases had one owner.',
        note: 'Ask the COO about the hand-off rule',
        internal: true,
        criterion: {
          prompt: expect.stringMatching(/^The first person a customer reaches/),
          weight: 2,
          critical: true,
        },
      },
      expect.objectContaining({
        criterionKey: 'own-way-of-serving',
        score: null,
        notApplicable: true,
        evidence: null,
      }),
    ]);
    expect(audit.revision).toBe(3);
  });

  it.each([
    ['responses', [], 'TOO_SHORT'],
    [
      'responses.1.criterionKey',
      [
        { criterionKey: 'small-trials', score: 3 },
        { criterionKey: 'no-such-criterion', score: 3 },
      ],
      'NOT_FOUND',
    ],
    ['responses.0.score', [{ criterionKey: 'small-trials', score: 6 }], 'INVALID'],
    ['responses.0.score', [{ criterionKey: 'small-trials' }], 'INVALID'],
    [
      'responses.0.notApplicable',
      [{ criterionKey: 'small-trials', score: 2, notApplicable: true }],
      'INVALID',
    ],
    [
      'responses.0.evidence',
      [{ criterionKey: 'small-trials', score: 2, evidence: 'e'.repeat(4001) }],
      'TOO_LONG',
    ],
    [
      'responses.1.criterionKey',
      [
        { criterionKey: 'small-trials', score: 2 },
        { criterionKey: 'small-trials', score: 3 },
      ],
      'INVALID',
    ],
  ])('names %s when a response is wrong and writes nothing', async (field, responses, code) => {
    const audit = await saveResponses(api, admin, await createAudit(api, admin, clientId), [
      { criterionKey: 'small-trials', score: 4 },
    ]);
    const before = await api.countRows('audit_responses', admin.tenantId);
    const response = await api.graphql(
      SAVE,
      { input: { auditId: audit.id, expectedRevision: audit.revision, responses } },
      admin,
    );
    expect(response.data.saveAuditResponses).toEqual({
      audit: null,
      userErrors: [expect.objectContaining({ field, code })],
    });
    expect(await api.countRows('audit_responses', admin.tenantId)).toBe(before);
    const [row] = await api.ownerQuery<{ revision: number; score: number }>(
      `SELECT a.revision, r.score FROM audits a JOIN audit_responses r ON r.audit_id = a.id WHERE a.id = $1`,
      [audit.id],
    );
    expect(row).toEqual({ revision: audit.revision, score: 4 });
  });

  it('names the fields of a single response as response.<field>, and an unknown audit as auditId', async () => {
    const audit = await createAudit(api, admin, clientId);
    const bad = await api.graphql(
      SAVE_ONE,
      { input: { auditId: audit.id, expectedRevision: 1, response: { criterionKey: 'nope', score: 3 } } },
      admin,
    );
    expect(bad.data.saveAuditResponse.userErrors).toEqual([
      expect.objectContaining({ field: 'response.criterionKey', code: 'NOT_FOUND' }),
    ]);
    const score = await api.graphql(
      SAVE_ONE,
      {
        input: {
          auditId: audit.id,
          expectedRevision: 1,
          response: { criterionKey: 'small-trials', score: 0 },
        },
      },
      admin,
    );
    expect(score.data.saveAuditResponse.userErrors).toEqual([
      expect.objectContaining({ field: 'response.score', code: 'INVALID' }),
    ]);
    for (const auditId of [NOWHERE, 'nope']) {
      const unknown = await api.graphql(
        SAVE_ONE,
        { input: { auditId, expectedRevision: 1, response: { criterionKey: 'small-trials', score: 3 } } },
        admin,
      );
      expect(unknown.data.saveAuditResponse.userErrors).toEqual([
        { field: 'auditId', code: 'NOT_FOUND', message: 'No audit has this id.' },
      ]);
    }
    const move = await api.graphql<{ changeAuditStatus: { userErrors: unknown[] } }>(
      `mutation { changeAuditStatus(input: { auditId: "${NOWHERE}", expectedRevision: 1, status: IN_PROGRESS }) { userErrors { field code } } }`,
      {},
      admin,
    );
    expect(move.data.changeAuditStatus.userErrors).toEqual([{ field: 'auditId', code: 'NOT_FOUND' }]);
    expect(
      await api.ownerQuery('SELECT 1 FROM audit_responses WHERE audit_id = $1', [audit.id]),
    ).toHaveLength(0);
  });
});

describe('listing audits', () => {
  it('lists newest first by the date conducted, filters, and pages with cursors', async () => {
    const tenant = await signUpConsultancy(api);
    const a = await createClient(api, tenant);
    const b = await createClient(api, tenant);
    const march = await createAudit(api, tenant, a, { conductedOn: '2026-03-01' });
    const january = await createAudit(api, tenant, b, {
      conductedOn: '2026-01-01',
      frameworkKey: 'four-rewards',
    });
    const may = await createAudit(api, tenant, a, { conductedOn: '2026-05-01' });
    const LIST = graphql(`
      query AuditsInputAudits(
        $first: Int
        $after: String
        $clientId: ID
        $frameworkKey: String
        $status: AuditStatus
      ) {
        audits(
          first: $first
          after: $after
          clientId: $clientId
          frameworkKey: $frameworkKey
          status: $status
        ) {
          totalCount
          nodes {
            id
          }
          pageInfo {
            endCursor
            hasNextPage
          }
        }
      }
    `);
    const page = await api.graphql(LIST, { first: 2 }, tenant);
    expect(page.data.audits.nodes.map((n) => n.id)).toEqual([may.id, march.id]);
    expect(page.data.audits).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const next = await api.graphql(LIST, { first: 2, after: page.data.audits.pageInfo.endCursor }, tenant);
    expect(next.data.audits.nodes.map((n) => n.id)).toEqual([january.id]);
    const forA = await api.graphql(LIST, { clientId: a }, tenant);
    expect(forA.data.audits.totalCount).toBe(2);
    const rewards = await api.graphql(LIST, { frameworkKey: 'four-rewards' }, tenant);
    expect(rewards.data.audits.nodes.map((n) => n.id)).toEqual([january.id]);
    const published = await api.graphql(LIST, { status: 'PUBLISHED' }, tenant);
    expect(published.data.audits.totalCount).toBe(0);
    const malformed = await api.graphql(LIST, { clientId: 'x' }, tenant);
    expect(malformed.data.audits.totalCount).toBe(0);
  });
});
