import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi, asText, type AnyDocument } from '../../../test/test-api.js';
import { addMember, createClient, signUpConsultancy, type SignedIn } from '../../../test/factories.js';
import { createAudit, publishedAudit, saveResponses, type AuditRef } from '../../../test/audits-factories.js';
import { graphql } from '../../../test/generated/index.js';
import { seed } from '../../../test/seed.js';

const AUDIT = graphql(`
  query AuditsVisibilityAudit($id: ID!) {
    audit(id: $id) {
      id
      status
      responses {
        criterionKey
        evidence
        note
        internal
      }
    }
  }
`);
const LIST = graphql(`
  query AuditsVisibilityAudits {
    audits {
      totalCount
      nodes {
        id
      }
    }
  }
`);

let api: TestApi;
let admin: SignedIn;
let leader: SignedIn;
let own: string;
let other: string;
let ownPublished: AuditRef;
let ownDraft: AuditRef;
let otherPublished: AuditRef;
beforeAll(async () => {
  api = await startTestApi();
  ({ admin, own, other } = await seed(api)
    .consultancy()
    .client({ industry: 'RETAIL' }, 'own')
    .client({ industry: 'RETAIL' }, 'other'));
  ownDraft = await createAudit(api, admin, own);
  ownDraft = await saveResponses(api, admin, ownDraft, [{ criterionKey: 'small-trials', score: 2 }]);
  ownPublished = await publishedAudit(api, admin, own, { conductedOn: '2025-06-01' });
  otherPublished = await publishedAudit(api, admin, other, { conductedOn: '2025-06-01' });
  // Notes on the published audit: one internal, one for the client. Written as the owner, since a published
  // audit's responses cannot change through the API.
  await api.ownerQuery(
    `UPDATE audit_responses SET evidence = 'Seen on the floor', note = CASE criterion_key
       WHEN 'small-trials' THEN 'The COO blocks every trial' ELSE 'Keep this going' END,
       internal = (criterion_key = 'small-trials')
     WHERE audit_id = $1 AND criterion_key IN ('small-trials', 'staff-ideas-adopted')`,
    [ownPublished.id],
  );
  leader = await addMember(api, admin, 'CLIENT_LEADER', own);
});
afterAll(() => api.close());

describe('what a client leader sees', () => {
  it('lists only their own client’s published audits', async () => {
    const list = await api.graphql(LIST, {}, leader);
    expect(list.data.audits).toEqual({ totalCount: 1, nodes: [{ id: ownPublished.id }] });
    for (const hidden of [ownDraft, otherPublished]) {
      const read = await api.graphql(AUDIT, { id: hidden.id }, leader);
      expect(read.data.audit).toBeNull();
    }
    const staff = await api.graphql(LIST, {}, admin);
    expect(staff.data.audits.totalCount).toBe(3);
  });

  it('shows scores and evidence but never an internal note', async () => {
    const seen = await api.graphql(AUDIT, { id: ownPublished.id }, leader);
    const byKey = new Map(seen.data.audit?.responses.map((r) => [r.criterionKey, r]));
    expect(byKey.get('small-trials')).toMatchObject({ evidence: 'Seen on the floor', note: null });
    expect(byKey.get('staff-ideas-adopted')).toMatchObject({ note: 'Keep this going', internal: false });
    expect(JSON.stringify(seen.data)).not.toContain('COO');
    const staff = await api.graphql(AUDIT, { id: ownPublished.id }, admin);
    expect(staff.data.audit?.responses.find((r) => r.criterionKey === 'small-trials')?.note).toBe(
      'The COO blocks every trial',
    );
  });

  it('lets a client leader change nothing', async () => {
    const attempts = [
      `mutation { createAudit(input: { clientId: "${own}", frameworkKey: "aeiou-values" }) { audit { id } } }`,
      `mutation { saveAuditResponses(input: { auditId: "${ownDraft.id}", expectedRevision: ${ownDraft.revision}, responses: [{ criterionKey: "small-trials", score: 5 }] }) { audit { id } } }`,
      `mutation { saveAuditResponse(input: { auditId: "${ownDraft.id}", expectedRevision: ${ownDraft.revision}, response: { criterionKey: "small-trials", score: 5 } }) { audit { id } } }`,
      `mutation { changeAuditStatus(input: { auditId: "${ownDraft.id}", expectedRevision: ${ownDraft.revision}, status: SUBMITTED }) { audit { id } } }`,
    ];
    for (const attempt of attempts) {
      const answer = await api.graphql(attempt, {}, leader);
      expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const [row] = await api.ownerQuery<{ score: number }>(
      `SELECT score FROM audit_responses WHERE audit_id = $1`,
      [ownDraft.id],
    );
    expect(row?.score).toBe(2);
    const [audits] = await api.ownerQuery<{ n: number }>(
      'SELECT count(*)::int AS n FROM audits WHERE tenant_id = $1',
      [admin.tenantId],
    );
    expect(audits?.n).toBe(3);
  });
});

describe('row-level security on audits', () => {
  it('hides drafts and other clients from a fenced session, except as anonymous benchmark rows', async () => {
    const counts = await api.ownerSession(async (query) => {
      await query('BEGIN');
      try {
        await query('SET LOCAL ROLE csp_api');
        await query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.client_id', $2, true)`, [
          admin.tenantId,
          own,
        ]);
        const count = async (sql: string, params: unknown[] = []) =>
          ((await query(sql, params))[0]?.n as number | undefined) ?? -1;
        return {
          audits: await count('SELECT count(*)::int AS n FROM audits'),
          responsesOfDraft: await count(
            'SELECT count(*)::int AS n FROM audit_responses WHERE audit_id = $1',
            [ownDraft.id],
          ),
          benchmarkRows: await count(
            `SELECT count(*)::int AS n FROM industry_benchmark_rows($2::uuid, 'aeiou-values', 'RETAIL', $1::uuid, NULL)`,
            [own, admin.tenantId],
          ),
          // The fence is back once the function returns.
          auditsAfter: await count('SELECT count(*)::int AS n FROM audits'),
        };
      } finally {
        await query('ROLLBACK');
      }
    });
    expect(counts).toEqual({ audits: 1, responsesOfDraft: 0, benchmarkRows: 1, auditsAfter: 1 });
  });
});

describe('another consultancy’s ids', () => {
  it('are answered like ids that do not exist, on every audit operation, and change nothing', async () => {
    const b = await signUpConsultancy(api);
    const theirClient = await createClient(api, b);
    const theirAudit = await saveResponses(api, b, await createAudit(api, b, theirClient), [
      { criterionKey: 'small-trials', score: 3 },
    ]);
    const copied = await api.graphql(
      graphql(`
        mutation AuditsVisibilityCopyAuditFramework {
          copyAuditFramework(input: { sourceKey: "four-rewards", key: "their-rewards", name: "Theirs" }) {
            userErrors {
              field
            }
          }
        }
      `),
      {},
      b,
    );
    expect(copied.data.copyAuditFramework.userErrors).toEqual([]);
    const [charter] = await api.ownerQuery<{ id: string }>(
      `INSERT INTO charters (tenant_id, client_id) VALUES ($1, $2) RETURNING id`,
      [b.tenantId, theirClient],
    );
    await api.ownerQuery(
      `INSERT INTO charter_versions (tenant_id, charter_id, client_id, number, status, promises, published_at)
       VALUES ($1, $2, $3, 1, 'PUBLISHED', '[{"key": "p", "title": "Theirs"}]', now())`,
      [b.tenantId, charter?.id, theirClient],
    );
    const [engagement] = await api.ownerQuery<{ id: string }>(
      `INSERT INTO engagements (tenant_id, client_id, title, kind) VALUES ($1, $2, 'Theirs', 'DIAGNOSTIC') RETURNING id`,
      [b.tenantId, theirClient],
    );
    const mine = await createClient(api, admin);
    const myAudit = await createAudit(api, admin, mine);

    const ask = async (query: AnyDocument, variables: Record<string, unknown>) =>
      (
        await api.graphql<Record<string, { userErrors?: unknown[] } | unknown>>(
          asText(query),
          variables,
          admin,
        )
      ).data;
    const errorsOf = async (query: AnyDocument, input: Record<string, unknown>) => {
      const data = (await ask(query, { input })) as Record<string, { userErrors: unknown[] }>;
      return Object.values(data)[0]?.userErrors;
    };

    expect(await ask(AUDIT, { id: theirAudit.id })).toEqual({ audit: null });
    expect(await ask(`query ($c: ID) { audits(clientId: $c) { totalCount } }`, { c: theirClient })).toEqual({
      audits: { totalCount: 0 },
    });
    expect(
      await ask(`query ($id: ID!) { promiseLinks(charterId: $id) { promiseKey } }`, { id: charter?.id }),
    ).toEqual({ promiseLinks: [] });
    expect(await ask(`{ auditFramework(key: "their-rewards") { key } }`, {})).toEqual({
      auditFramework: null,
    });
    expect(await ask(`query ($id: ID!) { client(id: $id) { audits { id } } }`, { id: theirClient })).toEqual({
      client: null,
    });

    const CREATE = `mutation ($input: CreateAuditInput!) { createAudit(input: $input) { userErrors { field code message } } }`;
    expect(await errorsOf(CREATE, { clientId: theirClient, frameworkKey: 'aeiou-values' })).toEqual([
      { field: 'clientId', code: 'NOT_FOUND', message: 'No client has this id.' },
    ]);
    expect(
      await errorsOf(CREATE, { clientId: mine, engagementId: engagement?.id, frameworkKey: 'aeiou-values' }),
    ).toEqual([{ field: 'engagementId', code: 'NOT_FOUND', message: 'No engagement has this id.' }]);
    expect(await errorsOf(CREATE, { clientId: mine, frameworkKey: 'their-rewards' })).toEqual([
      { field: 'frameworkKey', code: 'NOT_FOUND', message: 'No framework has this key.' },
    ]);
    const notFoundAudit = [{ field: 'auditId', code: 'NOT_FOUND', message: 'No audit has this id.' }];
    const target = { auditId: theirAudit.id, expectedRevision: theirAudit.revision };
    expect(
      await errorsOf(
        `mutation ($input: SaveAuditResponsesInput!) { saveAuditResponses(input: $input) { userErrors { field code message } } }`,
        { ...target, responses: [{ criterionKey: 'small-trials', score: 5 }] },
      ),
    ).toEqual(notFoundAudit);
    expect(
      await errorsOf(
        `mutation ($input: SaveAuditResponseInput!) { saveAuditResponse(input: $input) { userErrors { field code message } } }`,
        { ...target, response: { criterionKey: 'small-trials', score: 5 } },
      ),
    ).toEqual(notFoundAudit);
    expect(
      await errorsOf(
        `mutation ($input: ChangeAuditStatusInput!) { changeAuditStatus(input: $input) { userErrors { field code message } } }`,
        { ...target, status: 'SUBMITTED' },
      ),
    ).toEqual(notFoundAudit);
    expect(
      await errorsOf(
        `mutation ($input: LinkPromiseToCriteriaInput!) { linkPromiseToCriteria(input: $input) { userErrors { field code message } } }`,
        {
          charterId: charter?.id,
          promiseKey: 'p',
          frameworkKey: 'aeiou-values',
          criterionKeys: ['small-trials'],
        },
      ),
    ).toEqual([{ field: 'charterId', code: 'NOT_FOUND', message: 'No charter has this id.' }]);
    expect(
      await errorsOf(
        `mutation ($input: CopyAuditFrameworkInput!) { copyAuditFramework(input: $input) { userErrors { field code message } } }`,
        { sourceKey: 'their-rewards', key: 'stolen', name: 'Stolen' },
      ),
    ).toEqual([{ field: 'sourceKey', code: 'NOT_FOUND', message: 'No framework has this key.' }]);
    expect(
      await errorsOf(
        `mutation ($input: UpdateAuditFrameworkInput!) { updateAuditFramework(input: $input) { userErrors { field code message } } }`,
        {
          key: 'their-rewards',
          expectedVersion: 1,
          name: 'Mine now',
          sections: [{ key: 's', title: 'S', weight: 1, criteria: [{ key: 'c', prompt: 'P', weight: 1 }] }],
        },
      ),
    ).toEqual([{ field: 'key', code: 'NOT_FOUND', message: 'No framework has this key.' }]);
    // The same key is still free for this consultancy: keys are unique per consultancy, not across them.
    const ownCopy = await ask(
      `mutation { copyAuditFramework(input: { sourceKey: "four-rewards", key: "their-rewards", name: "Ours" }) { userErrors { field } } }`,
      {},
    );
    expect(ownCopy).toEqual({ copyAuditFramework: { userErrors: [] } });

    const [after] = await api.ownerQuery<{
      status: string;
      revision: number;
      score: number;
      name: string;
      links: number;
    }>(
      `SELECT a.status, a.revision, r.score,
              (SELECT name FROM audit_frameworks WHERE tenant_id = $2 AND key = 'their-rewards') AS name,
              (SELECT count(*)::int FROM promise_criterion_links WHERE charter_id = $3) AS links
         FROM audits a JOIN audit_responses r ON r.audit_id = a.id WHERE a.id = $1`,
      [theirAudit.id, b.tenantId, charter?.id],
    );
    expect(after).toEqual({
      status: 'IN_PROGRESS',
      revision: theirAudit.revision,
      score: 3,
      name: 'Theirs',
      links: 0,
    });
    const [theirs] = await api.ownerQuery<{ n: number }>(
      'SELECT count(*)::int AS n FROM audits WHERE tenant_id = $1',
      [b.tenantId],
    );
    expect(theirs?.n).toBe(1);
    expect(myAudit.revision).toBe(1);
  });
});
