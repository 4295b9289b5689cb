import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodContaining, previousPeriod, type ServicePeriod } from '@csp/domain';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { seed } from '../../../test/seed.js';
import { graphql } from '../../../test/generated/index.js';
import { createCategory, createTouchPoint } from '../../../test/complaint-factories.js';
import { createServiceLevel } from '../../../test/service-level-factories.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../../test/webhook-receiver.js';
import type { ComplaintRowInput } from '../../../test/generated/graphql.js';

/**
 * The patterns of a client's log, over HTTP: the domain's worked examples (docs/complaints.md) recorded as
 * complaints and read back from the SQL aggregates, and the complaint webhooks through the outbox.
 */
const RECORD_MANY = graphql(`
  mutation ComplaintPatternsRecordMany($input: RecordComplaintsInput!) {
    recordComplaints(input: $input) {
      complaints {
        id
      }
      added
      userErrors {
        field
        code
        message
      }
    }
  }
`);
const PATTERNS = graphql(`
  query ComplaintPatterns($id: ID!, $months: Int) {
    client(id: $id) {
      complaintPatterns(months: $months) {
        months
        timeZone
        totals
        categories {
          category {
            id
            name
          }
          counts
          rising {
            rising
            count
            trailingMean
            probability
          }
        }
        touchPoints {
          touchPoint {
            id
          }
          counts
        }
        timeToResolve {
          month
          resolved
          medianHours
          p90Hours
        }
        rates {
          serviceLevel {
            id
          }
          contacts
          perThousand
        }
        recurrences {
          complaint {
            id
          }
          action {
            id
          }
        }
      }
    }
  }
`);
const RAISE = graphql(`
  mutation ComplaintPatternsRaise($input: RaiseComplaintActionInput!) {
    raiseComplaintAction(input: $input) {
      action {
        id
        revision
      }
      userErrors {
        field
      }
    }
  }
`);
const DONE = graphql(`
  mutation ComplaintPatternsActionDone($input: UpdateActionInput!) {
    updateAction(input: $input) {
      action {
        status
      }
      userErrors {
        field
      }
    }
  }
`);
const MEASURE = graphql(`
  mutation ComplaintPatternsMeasure($input: RecordMeasurementsInput!) {
    recordMeasurements(input: $input) {
      added
      userErrors {
        field
        message
      }
    }
  }
`);
const ENDPOINT = graphql(`
  mutation ComplaintPatternsEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      userErrors {
        field
      }
    }
  }
`);

let api: TestApi;
let receiver: WebhookReceiver;
beforeAll(async () => {
  api = await startTestApi();
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
  await api.close();
});

const HOUR = 3_600_000;

/** The month now running and the `n` before it, newest first, in a zone. */
function monthsBack(n: number, timeZone: string): ServicePeriod[] {
  const months = [periodContaining(new Date(), 'MONTH', timeZone)];
  for (let i = 0; i < n; i += 1) months.push(previousPeriod(months.at(-1)!, timeZone));
  return months;
}

const row = (receivedAt: Date, extra: Partial<ComplaintRowInput> = {}): ComplaintRowInput => ({
  receivedAt: receivedAt.toISOString(),
  channel: 'PHONE',
  category: 'Billing',
  severity: 'MEDIUM',
  whatHappened: 'Charged twice.',
  ...extra,
});

/** `count` complaints spread over the month's first part (this month: between its start and now). */
function rowsIn(
  month: ServicePeriod,
  count: number,
  extra: Partial<ComplaintRowInput> = {},
): ComplaintRowInput[] {
  const until = Math.min(month.end.getTime(), Date.now() - 1000);
  const step = (until - month.start.getTime()) / (count + 1);
  return Array.from({ length: count }, (_, i) =>
    row(new Date(month.start.getTime() + step * (i + 1)), extra),
  );
}

describe('complaint patterns', () => {
  it('count per month and flag the worked example as rising, announcing it once', async () => {
    const w = await seed(api).consultancy().client();
    await createCategory(api, w.admin, w.client, 'Billing');
    await createCategory(api, w.admin, w.client, 'Staff attitude');
    const touchPointId = await createTouchPoint(api, w.admin, w.client);
    const endpoint = await api.graphql(
      ENDPOINT,
      { input: { url: receiver.url, events: ['COMPLAINT_RECORDED', 'COMPLAINT_RISING'] } },
      w.admin,
    );
    expect(endpoint.data.createWebhookEndpoint.userErrors).toEqual([]);
    const [now, ...before] = monthsBack(6, 'UTC');
    // Six months before, oldest first: 2, 3, 1, 4, 2, 0 (λ = 2); then 6 this month, then a seventh.
    const trailing = [2, 3, 1, 4, 2, 0];
    const rows = [...before].reverse().flatMap((month, i) => rowsIn(month, trailing[i]!, { touchPointId }));
    const first = await api.graphql(
      RECORD_MANY,
      { input: { clientId: w.client, rows: [...rows, ...rowsIn(now!, 6)] } },
      w.admin,
    );
    expect(first.data.recordComplaints.userErrors).toEqual([]);
    const risingEvents = async () =>
      api.ownerQuery<{ data: { categoryId: string; count: number; month: string } }>(
        `SELECT data FROM webhook_events WHERE tenant_id = $1 AND type = 'COMPLAINT_RISING'`,
        [w.admin.tenantId],
      );
    expect(await risingEvents()).toEqual([]);
    const six = await api.graphql(PATTERNS, { id: w.client, months: 7 }, w.admin);
    const billing = six.data.client!.complaintPatterns.categories.find((c) => c.category.name === 'Billing')!;
    expect(billing.counts).toEqual([2, 3, 1, 4, 2, 0, 6]);
    expect(billing.rising).toMatchObject({ rising: false, count: 6, trailingMean: 2 });
    expect(billing.rising.probability).toBeCloseTo(0.016564, 6);

    await api.graphql(
      RECORD_MANY,
      { input: { clientId: w.client, rows: [row(new Date(Date.now() - 1000))] } },
      w.admin,
    );
    const seven = await api.graphql(PATTERNS, { id: w.client, months: 7 }, w.admin);
    const patterns = seven.data.client!.complaintPatterns;
    expect(patterns.timeZone).toBe('UTC');
    expect(patterns.months).toEqual(
      [...before]
        .reverse()
        .map((m) => m.label)
        .concat(now!.label),
    );
    expect(patterns.totals).toEqual([2, 3, 1, 4, 2, 0, 7]);
    const risen = patterns.categories.find((c) => c.category.name === 'Billing')!;
    expect(risen.rising).toMatchObject({ rising: true, count: 7, trailingMean: 2 });
    expect(risen.rising.probability).toBeCloseTo(0.004534, 6);
    expect(patterns.categories.find((c) => c.category.name === 'Staff attitude')?.counts).toEqual([
      0, 0, 0, 0, 0, 0, 0,
    ]);
    expect(patterns.touchPoints).toEqual([
      { touchPoint: { id: touchPointId }, counts: [2, 3, 1, 4, 2, 0, 0] },
    ]);

    const events = await risingEvents();
    expect(events.map((e) => e.data)).toEqual([
      expect.objectContaining({ month: now!.label, count: 7, trailingMean: 2 }),
    ]);
    // No engagement names anyone, so the consultancy's admin hears of it; once, like the event.
    const risingMail = async () =>
      (await api.queuedMail()).filter(
        (m) => m.kind === 'RISING_COMPLAINTS' && m.tenantId === w.admin.tenantId,
      );
    const [mail, ...more] = await risingMail();
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ to: w.admin.email });
    expect(mail!.subject).toMatch(/^Complaints rising: Billing up from 0 to 7/);
    expect(mail!.text).toContain(`/clients/${w.client}/complaints`);
    await api.graphql(
      RECORD_MANY,
      { input: { clientId: w.client, rows: [row(new Date(Date.now() - 500))] } },
      w.admin,
    );
    expect(await risingEvents()).toHaveLength(1);
    expect(await risingMail()).toHaveLength(1);
    const recorded = await api.ownerQuery(
      `SELECT 1 FROM webhook_events WHERE tenant_id = $1 AND type = 'COMPLAINT_RECORDED'`,
      [w.admin.tenantId],
    );
    expect(recorded).toHaveLength(rows.length + 6 + 2);
  });

  it('take the median and 90th percentile time to resolve (PERCENTILE.INC)', async () => {
    const w = await seed(api).consultancy().client();
    await createCategory(api, w.admin, w.client, 'Billing');
    const [, last] = monthsBack(1, 'UTC');
    const received = last!.start.getTime() + HOUR;
    const hours = [24, 2, 4, 48, 5, 4, 8, 10, 12, 30];
    const rows = hours.map((h) =>
      row(new Date(received), {
        resolvedAt: new Date(received + h * HOUR).toISOString(),
        resolution: 'Refunded the second charge.',
      }),
    );
    rows.push(row(new Date(received)));
    expect(
      (await api.graphql(RECORD_MANY, { input: { clientId: w.client, rows } }, w.admin)).data.recordComplaints
        .userErrors,
    ).toEqual([]);
    const answer = await api.graphql(PATTERNS, { id: w.client, months: 2 }, w.admin);
    expect(answer.data.client!.complaintPatterns.timeToResolve[0]).toEqual({
      month: last!.label,
      resolved: 10,
      medianHours: 9,
      p90Hours: expect.closeTo(31.8, 9) as number,
    });
    expect(answer.data.client!.complaintPatterns.timeToResolve[1]).toMatchObject({
      resolved: 0,
      medianHours: null,
    });
  });

  it('relate complaints to a service level’s contacts, in the client’s time zone', async () => {
    const w = await seed(api).consultancy().client().charter({ published: true });
    await createCategory(api, w.admin, w.client, 'Billing');
    const level = await createServiceLevel(api, w.admin, w.client, w.charter.promises[0]!.key);
    const [, last] = monthsBack(1, 'Europe/London');
    const start = new Date(last!.start.getTime() + 10 * 24 * HOUR);
    const measured = await api.graphql(
      MEASURE,
      {
        input: {
          intervals: [
            {
              serviceLevelId: level.id,
              start: start.toISOString(),
              end: new Date(start.getTime() + HOUR).toISOString(),
              good: 7000,
              valid: 8000,
            },
          ],
        },
      },
      w.admin,
    );
    expect(measured.data.recordMeasurements.userErrors).toEqual([]);
    await api.graphql(RECORD_MANY, { input: { clientId: w.client, rows: rowsIn(last!, 12) } }, w.admin);
    const answer = await api.graphql(PATTERNS, { id: w.client, months: 2 }, w.admin);
    const patterns = answer.data.client!.complaintPatterns;
    expect(patterns.timeZone).toBe('Europe/London');
    expect(patterns.rates).toEqual([
      { serviceLevel: { id: level.id }, contacts: [8000, 0], perThousand: [1.5, null] },
    ]);
  });

  it('find a root cause that came back after its action was done', async () => {
    const w = await seed(api).consultancy().client().consultant();
    await createCategory(api, w.admin, w.client, 'Billing');
    const [, last] = monthsBack(1, 'UTC');
    const first = await api.graphql(
      RECORD_MANY,
      {
        input: { clientId: w.client, rows: rowsIn(last!, 1, { rootCause: 'Billing run on the wrong day' }) },
      },
      w.admin,
    );
    const source = first.data.recordComplaints.complaints![0]!.id;
    const raised = await api.graphql(
      RAISE,
      { input: { complaintId: source, description: 'Move the billing run', ownerId: w.consultant.memberId } },
      w.admin,
    );
    const action = raised.data.raiseComplaintAction.action!;
    await api.graphql(
      DONE,
      { input: { id: action.id, expectedRevision: action.revision, status: 'DONE' } },
      w.admin,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    const again = await api.graphql(
      RECORD_MANY,
      {
        input: {
          clientId: w.client,
          rows: [
            row(new Date(), { rootCause: '  billing run on the WRONG day ' }),
            row(new Date(), { rootCause: 'Something else' }),
          ],
        },
      },
      w.admin,
    );
    const recurring = again.data.recordComplaints.complaints![0]!.id;
    const answer = await api.graphql(PATTERNS, { id: w.client, months: 3 }, w.admin);
    expect(answer.data.client!.complaintPatterns.recurrences).toEqual([
      { complaint: { id: recurring }, action: { id: action.id } },
    ]);
  });

  it('refuse a window beyond 36 months', async () => {
    const w = await seed(api).consultancy().client();
    const answer = await api.graphql(PATTERNS, { id: w.client, months: 37 }, w.admin);
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
