import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodContaining } from '@csp/domain';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { createClient, signUpConsultancy, type SignedIn } from '../../../test/factories.js';
import { publishedCharter } from '../../../test/charter-factories.js';
import { createServiceLevel, type ServiceLevelRef } from '../../../test/service-level-factories.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../../test/webhook-receiver.js';
import { graphql } from '../../../test/generated/index.js';
import type {
  MeasurementIntervalInput,
  RecordMeasurementsInput,
  ServiceLevelDefinitionInput,
} from '../../../test/generated/graphql.js';

/**
 * The service-level events, through the existing outbox: queued in the transaction of the measurements that cause
 * them, each announced once (a breach, its recovery, a running period at risk), with the period and its figures.
 */

const RECORD = graphql(`
  mutation ServiceLevelsWebhooksRecordMeasurements($input: RecordMeasurementsInput!) {
    recordMeasurements(input: $input) {
      added
      userErrors {
        field
        code
      }
    }
  }
`);
const ENDPOINT = graphql(`
  mutation ServiceLevelsWebhooksCreateEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      endpoint {
        id
        events
      }
      userErrors {
        field
        message
      }
    }
  }
`);
const EVENT_TYPES = graphql(`
  query ServiceLevelsWebhooksEventTypes {
    webhookEventTypes {
      type
      name
    }
  }
`);

let api: TestApi;
let admin: SignedIn;
let receiver: WebhookReceiver;
beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpConsultancy(api);
  receiver = await startWebhookReceiver();
  const endpoint = await api.graphql(
    ENDPOINT,
    {
      input: {
        url: receiver.url,
        events: ['SERVICE_LEVEL_AT_RISK', 'SERVICE_LEVEL_BREACHED', 'SERVICE_LEVEL_RECOVERED'],
        description: 'Contact-centre wallboard',
      },
    },
    admin,
  );
  expect(endpoint.data.createWebhookEndpoint.userErrors).toEqual([]);
});
afterAll(async () => {
  await receiver.close();
  await api.close();
});

async function newLevel(definition: Partial<ServiceLevelDefinitionInput> = {}): Promise<ServiceLevelRef> {
  const clientId = await createClient(api, admin);
  const charter = await publishedCharter(api, admin, clientId);
  return createServiceLevel(api, admin, clientId, charter.promises.find((p) => p.standard)!.key, definition);
}

const hour = (serviceLevelId: string, start: string | number, good: number, valid: number) => {
  const from = typeof start === 'number' ? start : Date.parse(start);
  return {
    serviceLevelId,
    start: new Date(from).toISOString(),
    end: new Date(from + 3_600_000).toISOString(),
    good,
    valid,
  } satisfies MeasurementIntervalInput;
};

async function record(input: RecordMeasurementsInput) {
  const response = await api.graphql(RECORD, { input }, admin);
  expect(response.errors).toBeUndefined();
  return response.data.recordMeasurements;
}

/** The events queued for a service level, oldest first. */
async function eventsOf(serviceLevelId: string) {
  return api.ownerQuery<{ type: string; data: Record<string, unknown> }>(
    `SELECT type, data FROM webhook_events WHERE data->>'serviceLevelId' = $1 ORDER BY occurred_at, type`,
    [serviceLevelId],
  );
}

const weekStart = (week: number) => {
  // Monday of 2026-W01 is 29 December 2025 (GMT); weeks from W14 to W43 start at 23:00 UTC on the Sunday (BST).
  const monday = Date.UTC(2025, 11, 29) + (week - 1) * 7 * 86_400_000;
  return week >= 14 && week <= 43 ? monday - 3_600_000 : monday;
};

describe('service-level webhooks', () => {
  it('are in the catalogue an endpoint subscribes from', async () => {
    const types = await api.graphql(EVENT_TYPES, {}, admin);
    expect(types.data.webhookEventTypes.filter((t) => t.type.startsWith('SERVICE_LEVEL'))).toEqual([
      { type: 'SERVICE_LEVEL_AT_RISK', name: 'service_level.at_risk' },
      { type: 'SERVICE_LEVEL_BREACHED', name: 'service_level.breached' },
      { type: 'SERVICE_LEVEL_RECOVERED', name: 'service_level.recovered' },
    ]);
  });

  it('announce a breach once, and the recovery from it once, with the period and its figures', async () => {
    const level = await newLevel();
    const missed = [hour(level.id, weekStart(40), 80, 100)];
    // A refused batch announces nothing: its figures were never stored.
    expect(
      (await record({ intervals: [...missed, hour(level.id, weekStart(40), 1, 1)] })).userErrors,
    ).toHaveLength(1);
    expect(await eventsOf(level.id)).toEqual([]);

    await record({ intervals: missed });
    await record({ intervals: missed });
    const [breached, ...none] = await eventsOf(level.id);
    expect(none).toEqual([]);
    const [row] = await api.ownerQuery<{ client_id: string; promise_key: string }>(
      'SELECT client_id, promise_key FROM service_levels WHERE id = $1',
      [level.id],
    );
    expect(breached).toEqual({
      type: 'SERVICE_LEVEL_BREACHED',
      data: {
        serviceLevelId: level.id,
        clientId: row!.client_id,
        promiseKey: row!.promise_key,
        period: {
          label: '2026-W40',
          start: new Date(weekStart(40)).toISOString(),
          end: new Date(weekStart(41)).toISOString(),
        },
        compliance: 0.8,
        projected: 0.8,
        target: 0.9,
      },
    });
    // The consultancy's admin (no engagement names anyone) gets the alert by email, once; the recovery sends none.
    const alerts = async () =>
      (await api.queuedMail()).filter(
        (m) => m.kind === 'SERVICE_LEVEL_ALERT' && m.tenantId === admin.tenantId && m.text.includes(level.id),
      );
    const [alert, ...moreAlerts] = await alerts();
    expect(moreAlerts).toEqual([]);
    expect(alert).toMatchObject({ to: admin.email });
    expect(alert!.subject).toMatch(/^Target missed: .* \(.*, 2026-W40\)$/);
    expect(alert!.text).toContain('80.0 %');
    expect(alert!.text).toContain('90.0 %');

    await record({ intervals: [hour(level.id, weekStart(41), 95, 100)] });
    await record({ intervals: [hour(level.id, weekStart(42), 99, 100)] });
    expect(await alerts()).toHaveLength(1);
    expect(
      (await eventsOf(level.id)).map((e) => [e.type, (e.data.period as { label: string }).label]),
    ).toEqual([
      ['SERVICE_LEVEL_BREACHED', '2026-W40'],
      ['SERVICE_LEVEL_RECOVERED', '2026-W41'],
    ]);

    // Delivered through the outbox like any event, with the dotted type in the body (the worker sends side by
    // side, so in any order).
    while ((await api.webhookWorker.runOnce()) > 0);
    const bodies = receiver.received.map(
      (r) => JSON.parse(r.body) as { type: string; data: { serviceLevelId: string } },
    );
    expect(
      bodies
        .filter((b) => b.data.serviceLevelId === level.id)
        .map((b) => b.type)
        .sort(),
    ).toEqual(['service_level.breached', 'service_level.recovered']);
  });

  it('announce at most one breach for a year of history loaded at once, for its newest closed period', async () => {
    const level = await newLevel();
    const weeks = Array.from({ length: 10 }, (_, i) => 30 + i);
    // Every other week missed, the last one (W39) too.
    await record({ intervals: weeks.map((w) => hour(level.id, weekStart(w), w % 2 === 0 ? 99 : 50, 100)) });
    expect(
      (await eventsOf(level.id)).map((e) => [e.type, (e.data.period as { label: string }).label]),
    ).toEqual([['SERVICE_LEVEL_BREACHED', '2026-W39']]);
    const kept = await newLevel();
    await record({ intervals: weeks.map((w) => hour(kept.id, weekStart(w), w % 2 === 1 ? 99 : 50, 100)) });
    expect(await eventsOf(kept.id)).toEqual([]);
  });

  it('announce a running period at risk once, with its projection', async () => {
    const level = await newLevel({ period: 'QUARTER' });
    const quarter = periodContaining(new Date(), 'QUARTER', 'Europe/London');
    const start = quarter.start.getTime();
    const minutes = (from: number, good: number, valid: number) => ({
      ...hour(level.id, start + from * 60_000, good, valid),
      end: new Date(start + (from + 5) * 60_000).toISOString(),
    });
    expect(Date.now() - start).toBeGreaterThan(20 * 60_000);
    await record({ intervals: [minutes(0, 50, 100)] });
    await record({ intervals: [minutes(5, 40, 100)] });
    const events = await eventsOf(level.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'SERVICE_LEVEL_AT_RISK',
      data: {
        period: { label: quarter.label, start: quarter.start.toISOString(), end: quarter.end.toISOString() },
        compliance: 0.5,
        target: 0.9,
      },
    });
    expect(events[0]!.data.projected).toBeLessThan(0.9);
  });
});
