import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodContaining, previousPeriod } from '@csp/domain';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { seed } from '../../../test/seed.js';
import { graphql } from '../../../test/generated/index.js';
import { createCategory } from '../../../test/complaint-factories.js';
import { createServiceLevel } from '../../../test/service-level-factories.js';
import type { ComplaintRowInput } from '../../../test/generated/graphql.js';

/**
 * The monthly totals the patterns read (monthly-totals.ts): kept through every kind of write, and a client month
 * counted from them and the bands around them exactly as the month's complaints, in a zone far from UTC.
 */
const RECORD_MANY = graphql(`
  mutation ComplaintTotalsRecordMany($input: RecordComplaintsInput!) {
    recordComplaints(input: $input) {
      complaints {
        id
        revision
        whatHappened
      }
      added
      replaced
      userErrors {
        field
        message
      }
    }
  }
`);
const UPDATE = graphql(`
  mutation ComplaintTotalsUpdate($input: UpdateComplaintInput!) {
    updateComplaint(input: $input) {
      userErrors {
        field
        message
      }
    }
  }
`);
const COUNTS = graphql(`
  query ComplaintTotalsCounts($id: ID!) {
    client(id: $id) {
      complaintPatterns(months: 3) {
        months
        timeZone
        totals
        categories {
          category {
            name
          }
          counts
        }
      }
    }
  }
`);

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

const MINUTE = 60_000;
const ZONE = 'Pacific/Kiritimati'; // UTC+14: its months start at 10:00 UTC the day before the UTC ones

const row = (receivedAt: Date, category: string, externalReference: string): ComplaintRowInput => ({
  receivedAt: receivedAt.toISOString(),
  channel: 'PHONE',
  category,
  severity: 'LOW',
  whatHappened: 'Kept waiting.',
  externalReference,
});

describe('complaint monthly totals', () => {
  it('count each client month exactly, through records, resends and changes', async () => {
    const w = await seed(api).consultancy().client().charter({ published: true });
    await createCategory(api, w.admin, w.client, 'Billing');
    await createCategory(api, w.admin, w.client, 'Staff attitude');
    await createServiceLevel(api, w.admin, w.client, w.charter.promises[0]!.key, { timeZone: ZONE });
    const now = periodContaining(new Date(), 'MONTH', ZONE);
    const last = previousPeriod(now, ZONE);
    const before = previousPeriod(last, ZONE);
    const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * MINUTE);

    const first = await api.graphql(
      RECORD_MANY,
      {
        input: {
          clientId: w.client,
          rows: [
            row(at(last.start, -1), 'Billing', 'a'), // the month before, in the band before last's core
            row(at(last.start, 1), 'Billing', 'b'), // last month, in the same band
            row(at(last.start, 15 * 24 * 60), 'Billing', 'c'), // last month's core
            row(at(last.end, -1), 'Staff attitude', 'd'), // last month, in the band after its core
            row(at(before.start, 15 * 24 * 60), 'Billing', 'e'), // the core of the month before
          ],
        },
      },
      w.admin,
    );
    expect(first.data.recordComplaints).toMatchObject({ added: 5, userErrors: [] });
    const counts = async () => {
      const answer = await api.graphql(COUNTS, { id: w.client }, w.admin);
      const patterns = answer.data.client!.complaintPatterns;
      expect(patterns.timeZone).toBe(ZONE);
      expect(patterns.months).toEqual([before.label, last.label, now.label]);
      return Object.fromEntries(patterns.categories.map((c) => [c.category.name, c.counts]));
    };
    expect(await counts()).toEqual({ Billing: [2, 2, 0], 'Staff attitude': [0, 1, 0] });

    // A resend moves 'c' from last month's core into the month before's, and 'b' to the other category.
    const resent = await api.graphql(
      RECORD_MANY,
      {
        input: {
          clientId: w.client,
          rows: [
            row(at(before.start, 20 * 24 * 60), 'Billing', 'c'),
            row(at(last.start, 1), 'Staff attitude', 'b'),
          ],
        },
      },
      w.admin,
    );
    expect(resent.data.recordComplaints).toMatchObject({ added: 0, replaced: 2, userErrors: [] });
    expect(await counts()).toEqual({ Billing: [3, 0, 0], 'Staff attitude': [0, 2, 0] });

    // A change of one complaint moves 'e' from the core of the month before into this month.
    const e = first.data.recordComplaints.complaints![4]!;
    const changed = await api.graphql(
      UPDATE,
      { input: { id: e.id, expectedRevision: e.revision, receivedAt: at(now.start, 1).toISOString() } },
      w.admin,
    );
    expect(changed.data.updateComplaint.userErrors).toEqual([]);
    expect(await counts()).toEqual({ Billing: [2, 0, 1], 'Staff attitude': [0, 2, 0] });

    // The totals are what a count of the complaints by UTC month's core gives, no more and no less.
    const drift = await api.ownerQuery(
      `SELECT coalesce(t.month, r.month) AS month, t.complaints AS kept, r.complaints AS counted
         FROM (SELECT * FROM complaint_monthly_totals WHERE tenant_id = $1 AND complaints <> 0) t
         FULL JOIN (SELECT date_trunc('month', received_at AT TIME ZONE 'UTC')::date AS month, category_id,
                           touch_point_id, count(*)::int AS complaints
                      FROM complaints
                     WHERE tenant_id = $1
                       AND received_at >= (date_trunc('month', received_at AT TIME ZONE 'UTC') + interval '12 hours')
                                          AT TIME ZONE 'UTC'
                       AND received_at < (date_trunc('month', received_at AT TIME ZONE 'UTC') + interval '1 month'
                                          - interval '14 hours') AT TIME ZONE 'UTC'
                     GROUP BY 1, 2, 3) r
           ON r.month = t.month AND r.category_id = t.category_id
          AND r.touch_point_id IS NOT DISTINCT FROM t.touch_point_id
        WHERE t.complaints IS DISTINCT FROM r.complaints`,
      [w.admin.tenantId],
    );
    expect(drift).toEqual([]);
  });

  it('stay whole when two calls send the same new reference at once', async () => {
    const w = await seed(api).consultancy().client();
    await createCategory(api, w.admin, w.client, 'Billing');
    await createCategory(api, w.admin, w.client, 'Staff attitude');
    const month = previousPeriod(periodContaining(new Date(), 'MONTH', 'UTC'), 'UTC');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const reference = `race-${attempt}`;
      const [one, two] = await Promise.all(
        (['Billing', 'Staff attitude'] as const).map((category, i) =>
          api.graphql(
            RECORD_MANY,
            {
              input: {
                clientId: w.client,
                rows: [
                  {
                    ...row(new Date(month.start.getTime() + (i + 1) * 3 * 86_400_000), category, reference),
                    whatHappened: `Sent as ${category}.`,
                  },
                ],
              },
            },
            w.admin,
          ),
        ),
      );
      // Either call may come second; each answers the complaint as it wrote it, and one of them replaced.
      for (const [answer, category] of [
        [one!, 'Billing'],
        [two!, 'Staff attitude'],
      ] as const) {
        expect(answer.data.recordComplaints.userErrors).toEqual([]);
        expect(answer.data.recordComplaints.complaints?.[0]?.whatHappened).toBe(`Sent as ${category}.`);
      }
      expect(one!.data.recordComplaints.added + two!.data.recordComplaints.added).toBe(1);
      expect(one!.data.recordComplaints.replaced + two!.data.recordComplaints.replaced).toBe(1);
    }
    const totals = await api.ownerQuery<{ complaints: number }>(
      `SELECT sum(complaints)::int AS complaints FROM complaint_monthly_totals WHERE tenant_id = $1`,
      [w.admin.tenantId],
    );
    expect(totals[0]?.complaints).toBe(5);
  });
});
