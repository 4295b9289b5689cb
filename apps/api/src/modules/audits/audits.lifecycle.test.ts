import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi, unchecked } from '../../../test/test-api.js';
import { createClient, signUpConsultancy, type SignedIn } from '../../../test/factories.js';
import {
  builtIn,
  createAudit,
  moveAudit,
  responsesFrom,
  saveResponses,
  type AuditRef,
} from '../../../test/audits-factories.js';
import { graphql } from '../../../test/generated/index.js';

const MOVE = graphql(`
  mutation AuditsLifecycleChangeAuditStatus($input: ChangeAuditStatusInput!) {
    changeAuditStatus(input: $input) {
      audit {
        id
        status
        nextStatuses
        revision
        submittedAt
        publishedAt
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
  mutation AuditsLifecycleSaveAuditResponses($input: SaveAuditResponsesInput!) {
    saveAuditResponses(input: $input) {
      audit {
        revision
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

let api: TestApi;
let admin: SignedIn;
let clientId: string;
beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpConsultancy(api);
  clientId = await createClient(api, admin);
});
afterAll(() => api.close());

const move = (audit: AuditRef, status: string, expectedRevision = audit.revision) =>
  api.graphql(MOVE, unchecked({ input: { auditId: audit.id, expectedRevision, status } }), admin);

/** Every A-E-I-O-U criterion answered 4, except those given. */
const complete = (overrides: Record<string, number | null> = {}) =>
  responsesFrom({
    ...Object.fromEntries(
      builtIn('aeiou-values').sections.flatMap((s) => s.criteria.map((c) => [c.key, 4 as number | null])),
    ),
    ...overrides,
  });

const statusOf = async (id: string) =>
  (
    await api.ownerQuery<{ status: string; revision: number }>(
      'SELECT status, revision FROM audits WHERE id = $1',
      [id],
    )
  )[0];

describe('the audit lifecycle', () => {
  it('goes draft → in progress → submitted → published, and a published audit is final', async () => {
    let audit = await createAudit(api, admin, clientId);
    const skip = await move(audit, 'PUBLISHED');
    expect(skip.data.changeAuditStatus.userErrors).toEqual([
      {
        field: 'status',
        code: 'NOT_ALLOWED',
        message: 'A draft audit can only become in progress, not published.',
      },
    ]);
    const started = await move(audit, 'IN_PROGRESS');
    expect(started.data.changeAuditStatus.audit).toMatchObject({
      status: 'IN_PROGRESS',
      nextStatuses: ['SUBMITTED'],
      revision: 2,
    });
    audit = { id: audit.id, revision: 2 };
    audit = await saveResponses(api, admin, audit, complete());
    const submitted = await move(audit, 'SUBMITTED');
    expect(submitted.data.changeAuditStatus.audit).toMatchObject({
      status: 'SUBMITTED',
      nextStatuses: ['PUBLISHED', 'IN_PROGRESS'],
      submittedAt: expect.any(String),
    });
    audit = { id: audit.id, revision: audit.revision + 1 };
    const published = await move(audit, 'PUBLISHED');
    expect(published.data.changeAuditStatus.audit).toMatchObject({ status: 'PUBLISHED', nextStatuses: [] });
    audit = { id: audit.id, revision: audit.revision + 1 };
    const reopen = await move(audit, 'IN_PROGRESS');
    expect(reopen.data.changeAuditStatus.userErrors).toEqual([
      {
        field: 'status',
        code: 'NOT_ALLOWED',
        message: 'A published audit is final and cannot change status; record corrections in the next audit.',
      },
    ]);
    const edit = await api.graphql(
      SAVE,
      { input: { auditId: audit.id, expectedRevision: audit.revision, responses: complete().slice(0, 1) } },
      admin,
    );
    expect(edit.data.saveAuditResponses.userErrors).toEqual([
      expect.objectContaining({
        field: 'auditId',
        code: 'NOT_ALLOWED',
        message: expect.stringMatching(/published/),
      }),
    ]);
    expect(await statusOf(audit.id)).toEqual({ status: 'PUBLISHED', revision: audit.revision });
  });

  it('refuses to submit while a criterion is unanswered, naming each one, and writes nothing', async () => {
    let audit = await createAudit(api, admin, clientId);
    const answered = complete().filter(
      (r) => !['small-trials', 'own-way-of-serving'].includes(r.criterionKey),
    );
    audit = await saveResponses(api, admin, audit, answered);
    const refused = await move(audit, 'SUBMITTED');
    expect(refused.data.changeAuditStatus.userErrors.map((e) => [e.field, e.code])).toEqual([
      ['responses.small-trials', 'REQUIRED'],
      ['responses.own-way-of-serving', 'REQUIRED'],
    ]);
    expect(await statusOf(audit.id)).toEqual({ status: 'IN_PROGRESS', revision: audit.revision });
  });

  it('refuses to submit an audit where everything is marked not applicable', async () => {
    let audit = await createAudit(api, admin, clientId);
    audit = await saveResponses(
      api,
      admin,
      audit,
      complete().map((r) => ({ criterionKey: r.criterionKey, notApplicable: true })),
    );
    const refused = await move(audit, 'SUBMITTED');
    expect(refused.data.changeAuditStatus.userErrors).toEqual([
      expect.objectContaining({ field: 'responses', code: 'REQUIRED' }),
    ]);
  });

  it('lets a reviewer send a submitted audit back, which reopens its responses', async () => {
    let audit = await createAudit(api, admin, clientId);
    audit = await saveResponses(api, admin, audit, complete());
    audit = await moveAudit(api, admin, audit, 'SUBMITTED');
    const locked = await api.graphql(
      SAVE,
      {
        input: {
          auditId: audit.id,
          expectedRevision: audit.revision,
          responses: complete({ 'small-trials': 1 }).slice(0, 1),
        },
      },
      admin,
    );
    expect(locked.data.saveAuditResponses.userErrors[0]?.message).toMatch(/submitted/);
    const back = await move(audit, 'IN_PROGRESS');
    expect(back.data.changeAuditStatus.audit).toMatchObject({ status: 'IN_PROGRESS', submittedAt: null });
    audit = { id: audit.id, revision: audit.revision + 1 };
    audit = await saveResponses(api, admin, audit, [{ criterionKey: 'small-trials', score: 1 }]);
    const [row] = await api.ownerQuery<{ score: number }>(
      `SELECT score FROM audit_responses WHERE audit_id = $1 AND criterion_key = 'small-trials'`,
      [audit.id],
    );
    expect(row?.score).toBe(1);
  });
});

describe('concurrent edits', () => {
  it('lets one of two saves with the same revision win; the other gets CONFLICT and writes nothing', async () => {
    for (let round = 0; round < 3; round++) {
      const audit = await saveResponses(api, admin, await createAudit(api, admin, clientId), [
        { criterionKey: 'small-trials', score: 3, evidence: 'Before' },
      ]);
      const answers = await Promise.all(
        [1, 5].map((score) =>
          api.graphql(
            SAVE,
            {
              input: {
                auditId: audit.id,
                expectedRevision: audit.revision,
                responses: [
                  { criterionKey: 'small-trials', score, evidence: `Save ${score}` },
                  { criterionKey: score === 1 ? 'commitments-kept' : 'urgency-fits-need', score },
                ],
              },
            },
            admin,
          ),
        ),
      );
      const winners = answers.filter((a) => a.data.saveAuditResponses.userErrors.length === 0);
      const losers = answers.filter((a) => a.data.saveAuditResponses.userErrors.length > 0);
      expect(winners).toHaveLength(1);
      expect(losers[0]?.data.saveAuditResponses.userErrors).toEqual([
        expect.objectContaining({ field: 'expectedRevision', code: 'CONFLICT' }),
      ]);
      const winner = answers.indexOf(winners[0]!) === 0 ? 1 : 5;
      const rows = await api.ownerQuery<{ criterion_key: string; score: number; evidence: string }>(
        'SELECT criterion_key, score, evidence FROM audit_responses WHERE audit_id = $1 ORDER BY criterion_key',
        [audit.id],
      );
      // Only the winner's two responses: the loser's second criterion was not written either.
      expect(rows).toEqual(
        [
          { criterion_key: 'small-trials', score: winner, evidence: `Save ${winner}` },
          {
            criterion_key: winner === 1 ? 'commitments-kept' : 'urgency-fits-need',
            score: winner,
            evidence: null,
          },
        ].sort((a, b) => a.criterion_key.localeCompare(b.criterion_key)),
      );
      expect(await statusOf(audit.id)).toEqual({ status: 'IN_PROGRESS', revision: audit.revision + 1 });
    }
  });

  it('refuses a status change with a stale revision', async () => {
    let audit = await createAudit(api, admin, clientId);
    audit = await saveResponses(api, admin, audit, complete());
    const stale = await move(audit, 'SUBMITTED', audit.revision - 1);
    expect(stale.data.changeAuditStatus.userErrors).toEqual([
      expect.objectContaining({
        field: 'expectedRevision',
        code: 'CONFLICT',
        message: expect.stringMatching(/changed since you loaded it/),
      }),
    ]);
    expect(await statusOf(audit.id)).toEqual({ status: 'IN_PROGRESS', revision: audit.revision });
  });
});
