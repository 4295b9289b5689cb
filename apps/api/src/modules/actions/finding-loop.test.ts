import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { addMember, createClient, signUpConsultancy, type SignedIn } from '../../../test/factories.js';
import { publishedAudit } from '../../../test/audits-factories.js';
import { graphql } from '../../../test/generated/index.js';

/** Finding → action → re-audit: the action remembers its criterion, and the next audit says whether it improved. */
const FINDING = graphql(`
  query FindingLoopAction($id: ID!) {
    action(id: $id) {
      finding {
        criterionKey
        criterionPrompt
        pointsBefore
        pointsAfter
        change
        improved
        audit {
          id
        }
        reaudit {
          id
        }
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

async function actionFromFinding(auditId: string, criterionKey: string, ownerId = admin.memberId) {
  const response = await api.graphql(
    graphql(`
      mutation FindingLoopCreateAction($input: CreateActionInput!) {
        createAction(input: $input) {
          action {
            id
          }
          userErrors {
            field
            code
          }
        }
      }
    `),
    { input: { clientId, description: 'Give every caller one owner', ownerId, auditId, criterionKey } },
    admin,
  );
  expect(response.data.createAction.userErrors).toEqual([]);
  return response.data.createAction.action!.id;
}

describe('closing the loop', () => {
  it('shows the criterion before and after the re-audit', async () => {
    const first = await publishedAudit(api, admin, clientId, {
      conductedOn: '2026-01-15',
      answers: { 'ownership-to-outcome': 2 },
    });
    const actionId = await actionFromFinding(first.id, 'ownership-to-outcome');
    const waiting = await api.graphql(FINDING, { id: actionId }, admin);
    // A 2 on the 1–5 scale is (2 − 1) / 4 × 100 = 25 points; there is no re-audit yet.
    expect(waiting.data.action!.finding).toMatchObject({
      criterionKey: 'ownership-to-outcome',
      pointsBefore: 25,
      pointsAfter: null,
      improved: null,
      audit: { id: first.id },
      reaudit: null,
    });
    expect(waiting.data.action!.finding!.criterionPrompt).toEqual(expect.any(String));

    const second = await publishedAudit(api, admin, clientId, {
      conductedOn: '2026-06-15',
      answers: { 'ownership-to-outcome': 4 },
    });
    const closed = await api.graphql(FINDING, { id: actionId }, admin);
    // A 4 is (4 − 1) / 4 × 100 = 75 points: up 50 on the re-audit.
    expect(closed.data.action!.finding).toMatchObject({
      pointsBefore: 25,
      pointsAfter: 75,
      change: 50,
      improved: true,
      reaudit: { id: second.id },
    });
  });

  it('ignores unpublished audits as re-audits, and refuses a criterion the framework does not have', async () => {
    const first = await publishedAudit(api, admin, clientId, { conductedOn: '2027-01-01' });
    const actionId = await actionFromFinding(first.id, 'leaders-answerable');
    await publishedAudit(api, admin, clientId, { conductedOn: '2027-03-01', until: 'SUBMITTED' });
    const response = await api.graphql(FINDING, { id: actionId }, admin);
    expect(response.data.action!.finding).toMatchObject({ reaudit: null, pointsAfter: null });
    const wrong = await api.graphql(
      graphql(`
        mutation FindingLoopCreateAction2($input: CreateActionInput!) {
          createAction(input: $input) {
            userErrors {
              field
              code
            }
          }
        }
      `),
      {
        input: {
          clientId,
          description: 'Nope',
          ownerId: admin.memberId,
          auditId: first.id,
          criterionKey: 'no-such',
        },
      },
      admin,
    );
    expect(wrong.data.createAction.userErrors).toEqual([{ field: 'criterionKey', code: 'NOT_FOUND' }]);
  });

  it('refuses a finding from another client’s audit', async () => {
    const otherClient = await createClient(api, admin);
    const theirs = await publishedAudit(api, admin, otherClient, { conductedOn: '2026-02-01' });
    const response = await api.graphql(
      graphql(`
        mutation FindingLoopCreateAction3($input: CreateActionInput!) {
          createAction(input: $input) {
            userErrors {
              field
              code
            }
          }
        }
      `),
      {
        input: {
          clientId,
          description: 'Nope',
          ownerId: admin.memberId,
          auditId: theirs.id,
          criterionKey: 'ownership-to-outcome',
        },
      },
      admin,
    );
    expect(response.data.createAction.userErrors).toEqual([{ field: 'auditId', code: 'NOT_FOUND' }]);
  });

  it('shows a client leader the finding of their own action once the audit is published', async () => {
    const leader = await addMember(api, admin, 'CLIENT_LEADER', clientId);
    const audit = await publishedAudit(api, admin, clientId, {
      conductedOn: '2028-01-01',
      answers: { 'ownership-to-outcome': 1 },
    });
    const actionId = await actionFromFinding(audit.id, 'ownership-to-outcome', leader.memberId);
    const seen = await api.graphql(FINDING, { id: actionId }, leader);
    expect(seen.data.action!.finding).toMatchObject({ pointsBefore: 0, audit: { id: audit.id } });
  });
});
