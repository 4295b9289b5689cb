import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inScriptContext } from '../../core/tenancy/script-context.js';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { seed } from '../../../test/seed.js';
import { graphql } from '../../../test/generated/index.js';
import {
  answer,
  createLink,
  insertTouchPoint,
  solvedChallenge,
  SUBMIT_FEEDBACK,
} from '../../../test/feedback-factories.js';
import { FeedbackLinkEntity } from './entities.js';
import { importFeedbackResponses, type ImportedAnswer } from './import-responses.js';

const SUMMARY = graphql(`
  query FeedbackTotalsSummary($id: ID!, $months: Int!) {
    client(id: $id) {
      feedbackSummary(months: $months) {
        kinds {
          kind
          overall {
            responses
            score
          }
          months {
            month
            score {
              responses
            }
          }
        }
      }
    }
  }
`);

const TOUCH_POINT = graphql(`
  query FeedbackTotalsTouchPoint($id: ID!) {
    touchPoint(id: $id) {
      feedbackSummary {
        kinds {
          kind
          overall {
            responses
          }
          touchPoints {
            touchPointId
          }
        }
      }
    }
  }
`);

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

/** The monthly totals as kept, and as recounted from the answers themselves: they must be the same rows. */
async function totalsAndRecount(tenantId: string) {
  const kept = await api.ownerQuery(
    `SELECT link_id, client_id, touch_point_id, kind, to_char(month, 'YYYY-MM-DD') AS month, score,
            responses::int AS n
       FROM feedback_monthly_totals WHERE tenant_id = $1 AND responses > 0 ORDER BY 1, 5, 6`,
    [tenantId],
  );
  const recounted = await api.ownerQuery(
    `SELECT r.link_id, r.client_id, l.touch_point_id, l.kind,
            to_char(date_trunc('month', r.received_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS month, r.score,
            count(*)::int AS n
       FROM feedback_responses r JOIN feedback_links l ON l.tenant_id = r.tenant_id AND l.id = r.link_id
      WHERE r.tenant_id = $1
      GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 5, 6`,
    [tenantId],
  );
  return { kept, recounted };
}

const monthStart = (back: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
};

describe('feedback monthly totals', () => {
  it('match a recount of the answers after public answers, concurrent ones, replays and imports', async () => {
    const { admin, client, leader } = await seed(api).consultancy().client().leader();
    const other = await seed(api).consultancy().client();
    const tenantId = admin.tenantId;
    const touchPoint = await insertTouchPoint(api, tenantId, client);
    const nps = await createLink(api, admin, client, 'NPS', touchPoint);
    const effort = await createLink(api, admin, client, 'EFFORT');
    const theirs = await createLink(api, other.admin, other.client, 'NPS');

    // Public answers, eight of them at once on one link and month: they queue on the month's rows, none is lost.
    const sent = await Promise.all([10, 10, 9, 7, 3, 10, 0, 6].map((score) => answer(api, nps.token, score)));
    expect(sent.map((s) => s.data?.submitFeedback.received)).toEqual(Array(8).fill(true));
    expect((await answer(api, effort.token, 2, 'Hard to find the form')).data?.submitFeedback.received).toBe(
      true,
    );
    expect((await answer(api, theirs.token, 9)).data?.submitFeedback.received).toBe(true);
    // A replayed solution is refused and counts nowhere.
    const challenge = await solvedChallenge(api, nps.token);
    const once = await api.graphql(SUBMIT_FEEDBACK, { input: { token: nps.token, score: 8, challenge } });
    const twice = await api.graphql(SUBMIT_FEEDBACK, { input: { token: nps.token, score: 1, challenge } });
    expect(once.data?.submitFeedback.received).toBe(true);
    expect(twice.data?.submitFeedback.received).toBe(false);

    // Imported history over three months, two answers a second apart across a month's end (UTC).
    const boundary = monthStart(1).getTime();
    const history = (offsets: number[], scores: number[]): ImportedAnswer[] =>
      offsets.map((at, i) => ({ score: scores[i]!, comment: null, receivedAt: new Date(at) }));
    for (const [linkId, answers] of [
      [nps.id, history([boundary - 1000, boundary, monthStart(2).getTime() + 5e8], [10, 2, 9])],
      [effort.id, history([boundary - 1000, boundary + 1000, boundary + 2000], [7, 7, 1])],
    ] as const) {
      await inScriptContext(api.dataSource, async (context) => {
        await context.db.enterTenant({ tenantId, clientId: null });
        const link = await context.db.read((db) =>
          db.getRepository(FeedbackLinkEntity).findOneBy({ id: linkId }),
        );
        await importFeedbackResponses(context, link!, answers);
      });
    }
    // The same import again adds to the same rows.
    await inScriptContext(api.dataSource, async (context) => {
      await context.db.enterTenant({ tenantId, clientId: null });
      const link = await context.db.read((db) =>
        db.getRepository(FeedbackLinkEntity).findOneBy({ id: nps.id }),
      );
      await importFeedbackResponses(context, link!, history([boundary, boundary + 1], [2, 2]));
    });

    const { kept, recounted } = await totalsAndRecount(tenantId);
    expect(kept).toEqual(recounted);
    expect(kept.reduce((sum, row) => sum + Number(row.n), 0)).toBe(9 + 1 + 3 + 3 + 2);
    expect(
      kept.filter((row) => row.link_id === nps.id).every((row) => row.touch_point_id === touchPoint),
    ).toBe(true);
    const theirsKept = await totalsAndRecount(other.admin.tenantId);
    expect(theirsKept.kept).toEqual(theirsKept.recounted);
    expect(theirsKept.kept).toHaveLength(1);

    // The summary reads the totals: the same counts as the answers.
    const summary = await api.graphql(SUMMARY, { id: client, months: 3 }, leader);
    const kinds = summary.data?.client?.feedbackSummary.kinds ?? [];
    const npsSummary = kinds.find((k) => k.kind === 'NPS')!;
    expect(npsSummary.overall.responses).toBe(8 + 1 + 3 + 2);
    const perMonth = Object.fromEntries(npsSummary.months.map((m) => [m.month, m.score.responses]));
    expect(perMonth[monthStart(2).toISOString().slice(0, 7)]).toBe(2);
    expect(perMonth[monthStart(1).toISOString().slice(0, 7)]).toBe(3);
    expect(perMonth[monthStart(0).toISOString().slice(0, 7)]).toBe(9);

    // The touch point's section: only the answers through its link (the effort link has none), batched per page.
    const ofTouchPoint = await api.graphql(TOUCH_POINT, { id: touchPoint }, leader);
    expect(ofTouchPoint.data?.touchPoint?.feedbackSummary.kinds).toEqual([
      { kind: 'NPS', overall: { responses: 8 + 1 + 3 + 2 }, touchPoints: [{ touchPointId: touchPoint }] },
    ]);
  });

  it('go with their client', async () => {
    const { admin, client } = await seed(api).consultancy().client();
    const link = await createLink(api, admin, client, 'CSAT');
    expect((await answer(api, link.token, 5)).data?.submitFeedback.received).toBe(true);
    expect(await api.countRows('feedback_monthly_totals', admin.tenantId)).toBe(1);
    await api.ownerQuery('DELETE FROM clients WHERE tenant_id = $1 AND id = $2', [admin.tenantId, client]);
    expect(await api.countRows('feedback_monthly_totals', admin.tenantId)).toBe(0);
  });
});
