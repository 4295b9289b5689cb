import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { seed } from '../../../test/seed.js';
import { graphql } from '../../../test/generated/index.js';
import { startWebhookReceiver } from '../../../test/webhook-receiver.js';
import {
  CREATE_FEEDBACK_LINK,
  answer,
  createLink,
  insertTouchPoint,
} from '../../../test/feedback-factories.js';

const LINKS = graphql(`
  query FeedbackLinksOfClient($id: ID!) {
    client(id: $id) {
      feedbackLinks {
        id
        kind
        question
        active
        responseCount
      }
    }
  }
`);
const LINK = graphql(`
  query FeedbackLinksLink($id: ID!) {
    feedbackLink(id: $id) {
      id
      question
    }
  }
`);
const UPDATE = graphql(`
  mutation FeedbackLinksUpdate($input: UpdateFeedbackLinkInput!) {
    updateFeedbackLink(input: $input) {
      feedbackLink {
        id
        question
        active
      }
      userErrors {
        field
        code
      }
    }
  }
`);
const SUMMARY = graphql(`
  query FeedbackLinksSummary($id: ID!, $months: Int) {
    client(id: $id) {
      feedbackSummary(months: $months) {
        kinds {
          kind
          overall {
            responses
            shown
            score
            low
            high
            margin
            detractors
          }
          months {
            month
            score {
              responses
              shown
              score
              margin
            }
            change {
              difference
              significant
              direction
            }
          }
          touchPoints {
            touchPointId
            score {
              responses
              shown
              score
            }
          }
        }
      }
      feedbackComments(last: 5) {
        id
        score
        comment
        detractor
        touchPointId
      }
    }
  }
`);
const RAISE = graphql(`
  mutation FeedbackLinksRaiseAction($input: RaiseActionFromFeedbackInput!) {
    raiseActionFromFeedback(input: $input) {
      action {
        id
        description
        feedbackResponse {
          id
          comment
        }
        touchPoint {
          id
        }
      }
      userErrors {
        field
        code
      }
    }
  }
`);
const ENDPOINT = graphql(`
  mutation FeedbackLinksCreateEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      userErrors {
        field
      }
    }
  }
`);
const CREATE_KEY = graphql(`
  mutation FeedbackLinksCreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      userErrors {
        field
      }
    }
  }
`);

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

/**
 * Answers written as the owner, spread over months: the summary's arithmetic, without solving 200 challenges. The
 * owner's inserts bypass the API's writes, so the link's monthly totals are recounted from its answers afterwards
 * (what the migration does for answers that existed before the totals).
 */
async function insertAnswers(
  tenantId: string,
  clientId: string,
  linkId: string,
  kind: string,
  month: string,
  counts: Record<number, number>,
  touchPointId: string | null = null,
) {
  for (const [score, n] of Object.entries(counts)) {
    for (let i = 0; i < n; i++) {
      await api.ownerQuery(
        `INSERT INTO feedback_responses
           (tenant_id, client_id, link_id, touch_point_id, kind, score, detractor, challenge_digest, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          tenantId,
          clientId,
          linkId,
          touchPointId,
          kind,
          Number(score),
          Number(score) <= 6,
          randomUUID(),
          `${month}-10T12:00:00Z`,
        ],
      );
    }
  }
  await api.ownerQuery('DELETE FROM feedback_monthly_totals WHERE tenant_id = $1 AND link_id = $2', [
    tenantId,
    linkId,
  ]);
  await api.ownerQuery(
    `INSERT INTO feedback_monthly_totals
       (tenant_id, client_id, link_id, touch_point_id, kind, month, score, responses)
     SELECT tenant_id, client_id, link_id, touch_point_id, kind,
            date_trunc('month', received_at AT TIME ZONE 'UTC')::date, score, count(*)
       FROM feedback_responses WHERE tenant_id = $1 AND link_id = $2
      GROUP BY 1, 2, 3, 4, 5, 6, 7`,
    [tenantId, linkId],
  );
}

const monthsAgo = (back: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 7);
};

describe('feedback links', () => {
  it('are made by consultants, with the standard question, and checked', async () => {
    const { admin, client, leader } = await seed(api).consultancy().client().leader();
    const made = await createLink(api, admin, client, 'EFFORT');
    expect(made).toMatchObject({
      kind: 'EFFORT',
      question: 'How easy was it to get what you needed from us today?',
      active: true,
    });
    const refused = async (input: Record<string, unknown>) =>
      (await api.graphql(CREATE_FEEDBACK_LINK, { input: { clientId: client, kind: 'NPS', ...input } }, admin))
        .data?.createFeedbackLink.userErrors;
    expect(await refused({ question: '   ' })).toMatchObject([{ field: 'question', code: 'REQUIRED' }]);
    expect(await refused({ question: 'x'.repeat(301) })).toMatchObject([
      { field: 'question', code: 'TOO_LONG' },
    ]);
    expect(await refused({ clientId: randomUUID() })).toMatchObject([
      { field: 'clientId', code: 'NOT_FOUND' },
    ]);
    expect(await refused({ touchPointId: randomUUID() })).toMatchObject([
      { field: 'touchPointId', code: 'NOT_FOUND' },
    ]);
    // A leader reads the client's links but makes none.
    const asLeader = await api.graphql(
      CREATE_FEEDBACK_LINK,
      { input: { clientId: client, kind: 'NPS' } },
      leader,
    );
    expect(asLeader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const listed = await api.graphql(LINKS, { id: client }, leader);
    expect(listed.data?.client?.feedbackLinks).toMatchObject([{ id: made.id, responseCount: 0 }]);
  });

  it('answer another consultancy’s or another client’s ids like unknown ones', async () => {
    const own = await seed(api).consultancy().client().leader().client({}, 'second');
    const theirs = await seed(api).consultancy().client();
    const foreignLink = await createLink(api, theirs.admin, theirs.client, 'NPS');
    const secondLink = await createLink(api, own.admin, own.second, 'NPS');
    const foreignTouchPoint = await insertTouchPoint(api, theirs.admin.tenantId, theirs.client);
    const otherClientsTouchPoint = await insertTouchPoint(api, own.admin.tenantId, own.second);
    for (const touchPointId of [foreignTouchPoint, otherClientsTouchPoint]) {
      const made = await api.graphql(
        CREATE_FEEDBACK_LINK,
        { input: { clientId: own.client, kind: 'NPS', touchPointId } },
        own.admin,
      );
      expect(made.data?.createFeedbackLink.userErrors).toMatchObject([
        { field: 'touchPointId', code: 'NOT_FOUND' },
      ]);
    }
    expect(
      (
        await api.graphql(
          CREATE_FEEDBACK_LINK,
          { input: { clientId: theirs.client, kind: 'NPS' } },
          own.admin,
        )
      ).data?.createFeedbackLink.userErrors,
    ).toMatchObject([{ field: 'clientId', code: 'NOT_FOUND' }]);
    expect((await api.graphql(LINK, { id: foreignLink.id }, own.admin)).data?.feedbackLink).toBeNull();
    const update = await api.graphql(UPDATE, { input: { id: foreignLink.id, active: false } }, own.admin);
    expect(update.data?.updateFeedbackLink.userErrors).toMatchObject([{ field: 'id', code: 'NOT_FOUND' }]);
    // The leader of one client does not see the other client's link.
    expect((await api.graphql(LINK, { id: secondLink.id }, own.leader)).data?.feedbackLink).toBeNull();
    const [row] = await api.ownerQuery<{ n: number }>(
      'SELECT count(*)::int AS n FROM feedback_links WHERE id = $1 AND active',
      [foreignLink.id],
    );
    expect(row?.n).toBe(1);
  });

  it('change their question and turn off and on', async () => {
    const { admin, client } = await seed(api).consultancy().client();
    const link = await createLink(api, admin, client, 'CSAT');
    const changed = await api.graphql(
      UPDATE,
      { input: { id: link.id, question: 'How did we do?', active: false } },
      admin,
    );
    expect(changed.data?.updateFeedbackLink.feedbackLink).toMatchObject({
      question: 'How did we do?',
      active: false,
    });
    const blank = await api.graphql(UPDATE, { input: { id: link.id, question: '' } }, admin);
    expect(blank.data?.updateFeedbackLink.userErrors).toMatchObject([
      { field: 'question', code: 'REQUIRED' },
    ]);
  });
});

describe('the feedback summary', () => {
  it('scores per kind, month and touch point, with margins, significance and k < 5 suppression', async () => {
    const { admin, client, leader } = await seed(api).consultancy().client().leader();
    const tenantId = admin.tenantId;
    const touchPoint = await insertTouchPoint(api, tenantId, client);
    const link = await createLink(api, admin, client, 'NPS', touchPoint);
    // Last month NPS 30 on 100 answers, this month 5 on 100: a significant fall (docs/feedback.md's example).
    await insertAnswers(
      tenantId,
      client,
      link.id,
      'NPS',
      monthsAgo(1),
      { 10: 30, 9: 20, 8: 20, 7: 10, 5: 12, 2: 8 },
      touchPoint,
    );
    await insertAnswers(
      tenantId,
      client,
      link.id,
      'NPS',
      monthsAgo(0),
      { 10: 20, 9: 15, 8: 20, 7: 15, 5: 20, 2: 10 },
      touchPoint,
    );
    const csat = await createLink(api, admin, client, 'CSAT');
    await insertAnswers(tenantId, client, csat.id, 'CSAT', monthsAgo(0), { 5: 3, 1: 1 });
    const summary = await api.graphql(SUMMARY, { id: client, months: 2 }, leader);
    const kinds = summary.data?.client?.feedbackSummary.kinds ?? [];
    expect(kinds.map((k) => k.kind)).toEqual(['CSAT', 'NPS']);
    const nps = kinds.find((k) => k.kind === 'NPS')!;
    expect(nps.overall).toMatchObject({ responses: 200, shown: true, score: 17.5, detractors: 50 });
    expect(nps.months.map((m) => m.month)).toEqual([monthsAgo(1), monthsAgo(0)]);
    expect(nps.months[0]!.score).toMatchObject({ responses: 100, score: 30 });
    expect(nps.months[0]!.score.margin).toBeCloseTo(15.308, 3);
    expect(nps.months[1]!.change).toMatchObject({ difference: -25, significant: true, direction: 'DOWN' });
    expect(nps.touchPoints).toMatchObject([
      { touchPointId: touchPoint, score: { responses: 200, shown: true } },
    ]);
    // Four CSAT answers: withheld, not zero.
    const four = kinds.find((k) => k.kind === 'CSAT')!;
    expect(four.overall).toEqual({
      responses: 4,
      shown: false,
      score: null,
      low: null,
      high: null,
      margin: null,
      detractors: null,
    });
    expect(four.months[1]!.change).toBeNull();
  });

  it('reads as the client leader and a FEEDBACK_READ key, and nobody else’s', async () => {
    const own = await seed(api).consultancy().client();
    const theirs = await seed(api).consultancy().client();
    const key = await api.graphql(
      CREATE_KEY,
      { input: { name: 'BI tool', scopes: ['FEEDBACK_READ', 'CLIENTS_READ'], clientId: own.client } },
      own.admin,
    );
    const token = key.data?.createApiKey.secret ?? '';
    const link = await createLink(api, own.admin, own.client, 'NPS');
    await answer(api, link.token, 9, 'Quick');
    const read = await api.graphql(SUMMARY, { id: own.client }, { token });
    expect(read.data?.client?.feedbackComments).toMatchObject([
      { comment: 'Quick', score: 9, detractor: false },
    ]);
    expect((await api.graphql(SUMMARY, { id: theirs.client }, { token })).data?.client).toBeNull();
    const unscoped = await api.graphql(
      CREATE_KEY,
      { input: { name: 'No feedback', scopes: ['CLIENTS_READ'], clientId: own.client } },
      own.admin,
    );
    const denied = await api.graphql(
      SUMMARY,
      { id: own.client },
      { token: unscoped.data?.createApiKey.secret ?? '' },
    );
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('a detractor’s comment', () => {
  it('comes back as written (markup and all, for the portal to escape) and becomes an action in one step', async () => {
    const { admin, client, leader } = await seed(api).consultancy().client().leader();
    const touchPoint = await insertTouchPoint(api, admin.tenantId, client);
    const link = await createLink(api, admin, client, 'CSAT', touchPoint);
    await answer(api, link.token, 1, '<script>alert("held")</script> 40 minutes on hold');
    const read = await api.graphql(SUMMARY, { id: client }, leader);
    const [comment] = read.data?.client?.feedbackComments ?? [];
    expect(comment).toMatchObject({
      comment: '<script>alert("held")</script> 40 minutes on hold',
      detractor: true,
      touchPointId: touchPoint,
    });
    const raised = await api.graphql(
      RAISE,
      { input: { responseId: comment!.id, description: 'Call back within a day', ownerId: admin.memberId } },
      admin,
    );
    expect(raised.data?.raiseActionFromFeedback).toMatchObject({
      userErrors: [],
      action: {
        description: 'Call back within a day',
        feedbackResponse: { id: comment!.id },
        touchPoint: { id: touchPoint },
      },
    });
    // Actions' own rules still hold, and another consultancy's answer is not found.
    const blank = await api.graphql(
      RAISE,
      { input: { responseId: comment!.id, description: ' ', ownerId: admin.memberId } },
      admin,
    );
    expect(blank.data?.raiseActionFromFeedback.userErrors).toMatchObject([{ field: 'description' }]);
    const theirs = await seed(api).consultancy().client();
    const foreign = await api.graphql(
      RAISE,
      { input: { responseId: comment!.id, description: 'Steal', ownerId: theirs.admin.memberId } },
      theirs.admin,
    );
    expect(foreign.data?.raiseActionFromFeedback.userErrors).toEqual([
      { field: 'responseId', code: 'NOT_FOUND' },
    ]);
  });

  it('is announced as feedback.received with detractor flagged', async () => {
    const { admin, client } = await seed(api).consultancy().client();
    const receiver = await startWebhookReceiver();
    try {
      await api.graphql(
        ENDPOINT,
        { input: { url: receiver.url, events: ['FEEDBACK_RECEIVED'], description: 'Ticketing' } },
        admin,
      );
      const link = await createLink(api, admin, client, 'NPS');
      await answer(api, link.token, 4, 'Slow');
      await answer(api, link.token, 10);
      while ((await api.webhookWorker.runOnce()) > 0);
      const bodies = (await receiver.waitFor(2)).map(
        (d) => JSON.parse(d.body) as { type: string; data: Record<string, unknown> },
      );
      expect(bodies.map((b) => [b.type, b.data.score, b.data.detractor, b.data.hasComment]).sort()).toEqual([
        ['feedback.received', 10, false, false],
        ['feedback.received', 4, true, true],
      ]);
      expect(bodies[0]!.data).toMatchObject({ clientId: client, linkId: link.id, kind: 'NPS' });
    } finally {
      await receiver.close();
    }
  });
});
