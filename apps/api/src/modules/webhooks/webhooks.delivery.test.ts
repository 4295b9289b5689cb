import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { MAX_DELIVERY_ATTEMPTS } from '@csp/domain';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import {
  addMember,
  createClient,
  createEngagement,
  signUpConsultancy,
  type SignedIn,
} from '../../../test/factories.js';
import { publishedAudit } from '../../../test/audits-factories.js';
import { SIGN_OFF, publishedCharter } from '../../../test/charter-factories.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../../test/webhook-receiver.js';
import { startWebhookWorker } from './worker.js';
import { graphql } from '../../../test/generated/index.js';
import type { WebhookEventType } from '../../../test/generated/graphql.js';

/**
 * Deliveries end to end: a mutation writes the outbox, the worker (run by hand here, so each step is visible)
 * signs and posts to a real HTTP receiver on loopback, and every attempt is recorded.
 */
let api: TestApi;
let admin: SignedIn;
let clientId: string;
let receiver: WebhookReceiver;

const CREATE = graphql(`
  mutation WebhooksDeliveryCreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      secret
      endpoint {
        id
      }
      userErrors {
        field
        message
      }
    }
  }
`);
const CHANGE_ENGAGEMENT = graphql(`
  mutation WebhooksDeliveryChangeEngagementStatus($input: ChangeEngagementStatusInput!) {
    changeEngagementStatus(input: $input) {
      engagement {
        id
        status
      }
      userErrors {
        field
        code
      }
    }
  }
`);
const DELIVERIES = graphql(`
  query WebhooksDeliveryWebhookEndpoint($id: ID!) {
    webhookEndpoint(id: $id) {
      enabled
      disabledReason
      deliveries {
        nodes {
          id
          status
          attemptCount
          nextAttemptAt
          lastResponseStatus
          deliveredAt
          replayOf
          event {
            id
            type
            body
          }
          attempts {
            number
            responseStatus
            responseBody
            error
            durationMs
          }
        }
      }
    }
  }
`);

beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpConsultancy(api);
  clientId = await createClient(api, admin);
});
afterAll(() => api.close());

beforeEach(async () => {
  receiver = await startWebhookReceiver();
});
afterEach(async () => {
  await receiver.close();
  // Each test starts with nothing due: endpoints of earlier tests are turned off.
  await api.ownerQuery(`UPDATE webhook_endpoints SET enabled = false`);
  await api.ownerQuery(
    `UPDATE webhook_deliveries SET status = 'CANCELLED', next_attempt_at = NULL WHERE status = 'PENDING'`,
  );
});

async function register(events: WebhookEventType[], who: SignedIn = admin) {
  const response = await api.graphql(CREATE, { input: { url: receiver.url, events } }, who);
  expect(response.data.createWebhookEndpoint.userErrors).toEqual([]);
  return {
    id: response.data.createWebhookEndpoint.endpoint!.id,
    secret: response.data.createWebhookEndpoint.secret,
  };
}

async function deliveries(endpointId: string, who: SignedIn = admin) {
  const response = await api.graphql(DELIVERIES, { id: endpointId }, who);
  return response.data.webhookEndpoint;
}

async function startActiveEngagement(who: SignedIn = admin, client = clientId) {
  const engagementId = await createEngagement(api, who, client);
  const moved = await api.graphql(CHANGE_ENGAGEMENT, { input: { id: engagementId, status: 'ACTIVE' } }, who);
  expect(moved.data.changeEngagementStatus.userErrors).toEqual([]);
  return engagementId;
}

/** As if the wait had passed: the retry is made due now. */
async function makeDue(deliveryId: string) {
  await api.ownerQuery(`UPDATE webhook_deliveries SET next_attempt_at = now() WHERE id = $1`, [deliveryId]);
}

describe('a delivery', () => {
  it('is signed by the Standard Webhooks scheme, verifiable with the endpoint secret', async () => {
    const endpoint = await register(['ENGAGEMENT_STATUS_CHANGED']);
    const engagementId = await startActiveEngagement();
    // The mutation has answered; the delivery waits in the outbox until the worker runs.
    expect(receiver.received).toHaveLength(0);
    expect((await deliveries(endpoint.id))!.deliveries.nodes).toMatchObject([
      { status: 'PENDING', attemptCount: 0 },
    ]);

    expect(await api.webhookWorker.runOnce()).toBe(1);
    const [delivery] = await receiver.waitFor(1);
    const body = new Webhook(endpoint.secret!).verify(
      delivery!.body,
      delivery!.headers as Record<string, string>,
    );
    expect(body).toMatchObject({
      type: 'engagement.status_changed',
      data: { engagementId, clientId, from: 'PROPOSED', to: 'ACTIVE' },
    });
    expect(delivery!.headers['content-type']).toBe('application/json');
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`).verify(
        delivery!.body,
        delivery!.headers as Record<string, string>,
      ),
    ).toThrow(/signature/i);

    const [recorded] = (await deliveries(endpoint.id))!.deliveries.nodes;
    expect(recorded).toMatchObject({
      status: 'DELIVERED',
      attemptCount: 1,
      lastResponseStatus: 200,
      attempts: [{ number: 1, responseStatus: 200, responseBody: 'ok', error: null }],
    });
    expect(delivery!.headers['webhook-id']).toBe(recorded!.event.id);
    expect(JSON.parse(delivery!.body)).toEqual(recorded!.event.body);
  });

  it('is written for each of the five events, and only for the events an endpoint chose', async () => {
    const all = await register([
      'AUDIT_PUBLISHED',
      'CHARTER_PUBLISHED',
      'CHARTER_SIGNED_OFF',
      'ACTION_STATUS_CHANGED',
      'ENGAGEMENT_STATUS_CHANGED',
    ]);
    const onlyAudits = await register(['AUDIT_PUBLISHED']);
    const client = await createClient(api, admin);
    const leader = await addMember(api, admin, 'CLIENT_LEADER', client);
    await startActiveEngagement(admin, client);
    await publishedAudit(api, admin, client, { conductedOn: '2026-10-01' });
    const version = await publishedCharter(api, admin, client);
    const signed = await api.graphql(SIGN_OFF, { versionId: version.id }, leader);
    expect(signed.data.signOffCharterVersion.userErrors).toEqual([]);
    const action = await api.graphql(
      graphql(`
        mutation WebhooksDeliveryCreateAction($input: CreateActionInput!) {
          createAction(input: $input) {
            action {
              id
            }
          }
        }
      `),
      {
        input: {
          clientId: client,
          description: 'Answer every complaint within a day',
          ownerId: leader.memberId,
        },
      },
      admin,
    );
    const done = await api.graphql(
      graphql(`
        mutation WebhooksDeliveryUpdateOwnAction($input: UpdateOwnActionInput!) {
          updateOwnAction(input: $input) {
            userErrors {
              field
            }
          }
        }
      `),
      { input: { id: action.data.createAction.action!.id, expectedRevision: 1, status: 'DONE' } },
      leader,
    );
    expect(done.data.updateOwnAction.userErrors).toEqual([]);

    while ((await api.webhookWorker.runOnce()) > 0);
    const types = (await deliveries(all.id))!.deliveries.nodes.map((d) => d.event.type).sort();
    expect(types).toEqual([
      'action.status_changed',
      'audit.published',
      'charter.published',
      'charter.signed_off',
      'engagement.status_changed',
    ]);
    expect((await deliveries(onlyAudits.id))!.deliveries.nodes.map((d) => d.event.type)).toEqual([
      'audit.published',
    ]);
    expect(receiver.received).toHaveLength(6);
    const signedOff = (await deliveries(all.id))!.deliveries.nodes.find(
      (d) => d.event.type === 'charter.signed_off',
    );
    expect(signedOff?.event.body.data).toMatchObject({ versionId: version.id, signedOffBy: leader.memberId });
  });

  it('is not written when the mutation is refused, so a rolled-back change sends nothing', async () => {
    const endpoint = await register(['ENGAGEMENT_STATUS_CHANGED']);
    const engagementId = await createEngagement(api, admin, clientId);
    const refused = await api.graphql(
      CHANGE_ENGAGEMENT,
      { input: { id: engagementId, status: 'COMPLETED' } },
      admin,
    );
    expect(refused.data.changeEngagementStatus.userErrors).toMatchObject([{ code: 'NOT_ALLOWED' }]);
    expect((await deliveries(endpoint.id))!.deliveries.nodes).toEqual([]);
  });

  it('never holds up the mutation: with the receiver gone, the change succeeds and the delivery waits', async () => {
    const endpoint = await register(['ENGAGEMENT_STATUS_CHANGED']);
    await receiver.close();
    const started = performance.now();
    await startActiveEngagement();
    expect(performance.now() - started).toBeLessThan(5000);
    await api.webhookWorker.runOnce();
    const [delivery] = (await deliveries(endpoint.id))!.deliveries.nodes;
    expect(delivery).toMatchObject({ status: 'PENDING', attemptCount: 1, lastResponseStatus: null });
    expect(delivery?.attempts[0]?.error).toMatch(/ECONNREFUSED/);
    receiver = await startWebhookReceiver();
  });
});

describe('retries', () => {
  it('waits about 30 s after a failure, then delivers on the next attempt with the same webhook-id', async () => {
    const endpoint = await register(['ENGAGEMENT_STATUS_CHANGED']);
    receiver.answer({ status: 503, body: 'down for maintenance' });
    await startActiveEngagement();
    const failedAt = Date.now();
    await api.webhookWorker.runOnce();
    let [delivery] = (await deliveries(endpoint.id))!.deliveries.nodes;
    expect(delivery).toMatchObject({
      status: 'PENDING',
      attemptCount: 1,
      attempts: [{ responseStatus: 503, responseBody: 'down for maintenance' }],
    });
    const wait = new Date(delivery!.nextAttemptAt!).getTime() - failedAt;
    expect(wait).toBeGreaterThanOrEqual(24_000 - 2000);
    expect(wait).toBeLessThanOrEqual(36_000 + 2000);
    // Not due yet: the worker leaves it alone.
    expect(await api.webhookWorker.runOnce()).toBe(0);

    receiver.answer({ status: 204 });
    await makeDue(delivery!.id);
    await api.webhookWorker.runOnce();
    [delivery] = (await deliveries(endpoint.id))!.deliveries.nodes;
    expect(delivery).toMatchObject({ status: 'DELIVERED', attemptCount: 2, lastResponseStatus: 204 });
    expect(delivery?.attempts.map((a) => a.responseStatus)).toEqual([503, 204]);
    const [first, second] = await receiver.waitFor(2);
    expect(second?.headers['webhook-id']).toBe(first?.headers['webhook-id']);
  });

  it(`gives up after ${MAX_DELIVERY_ATTEMPTS} attempts`, async () => {
    const endpoint = await register(['ENGAGEMENT_STATUS_CHANGED']);
    receiver.answer({ status: 500 });
    await startActiveEngagement();
    const [pending] = (await deliveries(endpoint.id))!.deliveries.nodes;
    // The first eleven attempts, as if made over the past days.
    await api.ownerQuery(`UPDATE webhook_deliveries SET attempt_count = $2 WHERE id = $1`, [
      pending!.id,
      MAX_DELIVERY_ATTEMPTS - 1,
    ]);
    await api.webhookWorker.runOnce();
    const [delivery] = (await deliveries(endpoint.id))!.deliveries.nodes;
    expect(delivery).toMatchObject({
      status: 'FAILED',
      attemptCount: MAX_DELIVERY_ATTEMPTS,
      nextAttemptAt: null,
    });
  });

  it('stops at 410 Gone: the endpoint is turned off with the reason, and its other deliveries cancelled', async () => {
    const endpoint = await register(['ENGAGEMENT_STATUS_CHANGED']);
    receiver.answer({ status: 410 });
    await startActiveEngagement();
    await api.webhookWorker.runOnce();
    await startActiveEngagement();
    const view = await deliveries(endpoint.id);
    expect(view!.enabled).toBe(false);
    expect(view!.disabledReason).toMatch(/410 Gone/);
    expect(view!.deliveries.nodes.map((d) => d.status)).toEqual(['FAILED']);
    expect(await api.webhookWorker.runOnce()).toBe(0);

    const replay = await api.graphql(
      graphql(`
        mutation WebhooksDeliveryReplayWebhookDelivery($input: ReplayWebhookDeliveryInput!) {
          replayWebhookDelivery(input: $input) {
            userErrors {
              code
            }
          }
        }
      `),
      { input: { id: view!.deliveries.nodes[0]!.id } },
      admin,
    );
    expect(replay.data.replayWebhookDelivery.userErrors).toMatchObject([{ code: 'NOT_ALLOWED' }]);
  });

  it('counts an answer slower than the timeout as a failure', async () => {
    const endpoint = await register(['ENGAGEMENT_STATUS_CHANGED']);
    receiver.answer('hang');
    await startActiveEngagement();
    const impatient = startWebhookWorker(api.dataSource, {
      allowPrivateAddresses: true,
      worker: false,
      pollMs: 1000,
      timeoutMs: 300,
    });
    await impatient.runOnce();
    const [delivery] = (await deliveries(endpoint.id))!.deliveries.nodes;
    expect(delivery).toMatchObject({ status: 'PENDING', attemptCount: 1, lastResponseStatus: null });
    expect(delivery?.attempts[0]?.error).toBe('No answer within 300 ms.');
  });
});

describe('replay, test deliveries and rotation', () => {
  it('replays a delivered event as a new delivery with the same webhook-id', async () => {
    const endpoint = await register(['ENGAGEMENT_STATUS_CHANGED']);
    await startActiveEngagement();
    await api.webhookWorker.runOnce();
    const [original] = (await deliveries(endpoint.id))!.deliveries.nodes;
    const replayed = await api.graphql(
      graphql(`
        mutation WebhooksDeliveryReplayWebhookDelivery2($input: ReplayWebhookDeliveryInput!) {
          replayWebhookDelivery(input: $input) {
            delivery {
              id
              replayOf
              status
            }
            userErrors {
              field
            }
          }
        }
      `),
      { input: { id: original!.id } },
      admin,
    );
    expect(replayed.data.replayWebhookDelivery).toMatchObject({
      delivery: { replayOf: original!.id, status: 'PENDING' },
      userErrors: [],
    });
    await api.webhookWorker.runOnce();
    const [first, second] = await receiver.waitFor(2);
    expect(second?.headers['webhook-id']).toBe(first?.headers['webhook-id']);
    expect(second?.body).toBe(first?.body);
    const all = (await deliveries(endpoint.id))!.deliveries.nodes;
    expect(all.map((d) => d.status)).toEqual(['DELIVERED', 'DELIVERED']);
  });

  it('sends a test event to one endpoint on request', async () => {
    const endpoint = await register(['AUDIT_PUBLISHED']);
    const sent = await api.graphql(
      graphql(`
        mutation WebhooksDeliverySendTestWebhook($input: SendTestWebhookInput!) {
          sendTestWebhook(input: $input) {
            delivery {
              event {
                type
              }
            }
          }
        }
      `),
      { input: { endpointId: endpoint.id } },
      admin,
    );
    expect(sent.data.sendTestWebhook.delivery!.event.type).toBe('webhook.test');
    await api.webhookWorker.runOnce();
    const [delivery] = await receiver.waitFor(1);
    expect(
      new Webhook(endpoint.secret!).verify(delivery!.body, delivery!.headers as Record<string, string>),
    ).toMatchObject({
      type: 'webhook.test',
    });
  });

  it('signs with the old and the new secret during a rotation, then with the new one only', async () => {
    const endpoint = await register(['ENGAGEMENT_STATUS_CHANGED']);
    const rotated = await api.graphql(
      graphql(`
        mutation WebhooksDeliveryRotateWebhookSecret($input: RotateWebhookSecretInput!) {
          rotateWebhookSecret(input: $input) {
            secret
          }
        }
      `),
      { input: { id: endpoint.id } },
      admin,
    );
    const newSecret = rotated.data.rotateWebhookSecret.secret;
    await startActiveEngagement();
    await api.webhookWorker.runOnce();
    const [during] = await receiver.waitFor(1);
    const headers = during!.headers as Record<string, string>;
    expect(headers['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(() => new Webhook(endpoint.secret!).verify(during!.body, headers)).not.toThrow();
    expect(() => new Webhook(newSecret!).verify(during!.body, headers)).not.toThrow();

    // The overlap ends.
    await api.ownerQuery(
      `UPDATE webhook_secrets SET expires_at = now() WHERE endpoint_id = $1 AND expires_at IS NOT NULL`,
      [endpoint.id],
    );
    await startActiveEngagement();
    await api.webhookWorker.runOnce();
    const [, after] = await receiver.waitFor(2);
    const afterHeaders = after!.headers as Record<string, string>;
    expect(afterHeaders['webhook-signature']?.split(' ')).toHaveLength(1);
    expect(() => new Webhook(endpoint.secret!).verify(after!.body, afterHeaders)).toThrow();
    expect(() => new Webhook(newSecret!).verify(after!.body, afterHeaders)).not.toThrow();
  });
});

describe('the address guard at delivery time', () => {
  it('refuses to connect to a private address even if the endpoint was saved while allowed', async () => {
    const endpoint = await register(['ENGAGEMENT_STATUS_CHANGED']);
    await startActiveEngagement();
    const guarded = startWebhookWorker(api.dataSource, {
      allowPrivateAddresses: false,
      worker: false,
      pollMs: 1000,
      timeoutMs: 2000,
    });
    await guarded.runOnce();
    expect(receiver.received).toHaveLength(0);
    const [delivery] = (await deliveries(endpoint.id))!.deliveries.nodes;
    expect(delivery?.attempts[0]?.error).toMatch(/not allowed.*private IP address/);
  });
});

describe('tenancy of deliveries', () => {
  it('keeps deliveries out of reach of the API role, except through the claim function', async () => {
    await register(['ENGAGEMENT_STATUS_CHANGED']);
    await startActiveEngagement();
    const seen = await api.ownerSession(async (query) => {
      await query('BEGIN');
      await query('SET LOCAL ROLE csp_api');
      const [plain] = await query('SELECT count(*)::int AS n FROM webhook_deliveries');
      const update = await query(
        `UPDATE webhook_deliveries SET status = 'CANCELLED', next_attempt_at = NULL RETURNING id`,
      );
      await query('ROLLBACK');
      return { plain: plain?.n, updated: update.length };
    });
    expect(seen).toEqual({ plain: 0, updated: 0 });
    const other = await signUpConsultancy(api);
    const theirs = await api.graphql(
      graphql(`
        query WebhooksDeliveryWebhookEndpoints {
          webhookEndpoints {
            totalCount
          }
        }
      `),
      {},
      other,
    );
    expect(theirs.data.webhookEndpoints.totalCount).toBe(0);
    expect(await api.webhookWorker.runOnce()).toBe(1);
  });
});
