import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { createClient, createEngagement, signUpConsultancy } from '../../../test/factories.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../../test/webhook-receiver.js';
import { graphql } from '../../../test/generated/index.js';

/**
 * A delivery survives the death of the process delivering it: the product runs as a real separate process,
 * is killed with SIGKILL while the receiver holds its request open, and a new process delivers the same message.
 */
let api: TestApi;
let receiver: WebhookReceiver;
const children: ChildProcess[] = [];

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

async function startProduct(): Promise<ChildProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: path.resolve(import.meta.dirname, '../../..'),
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: api.appUrl,
      SKIP_MIGRATIONS: 'true',
      DEMO_DATA: 'off',
      WEBHOOK_POLL_MS: '100',
      WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: 'on',
      LOG_LEVEL: process.env.FAULT_LOG ?? 'silent',
    },
    stdio: process.env.FAULT_LOG ? 'inherit' : 'ignore',
  });
  children.push(child);
  return child;
}

async function delivery(id: string) {
  const [row] = await api.ownerQuery<{ status: string; attempt_count: number; locked_until: Date | null }>(
    'SELECT status, attempt_count, locked_until FROM webhook_deliveries WHERE endpoint_id = $1',
    [id],
  );
  return row;
}

beforeAll(async () => {
  api = await startTestApi();
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await receiver.close();
  await api.close();
});

describe('a delivery when its process crashes', () => {
  it('is claimed again after its lease and delivered once by the next process, with the same webhook-id', async () => {
    const admin = await signUpConsultancy(api);
    const created = await api.graphql(
      graphql(`
        mutation WebhooksCrashCreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
          createWebhookEndpoint(input: $input) {
            endpoint {
              id
            }
          }
        }
      `),
      { input: { url: receiver.url, events: ['ENGAGEMENT_STATUS_CHANGED'] } },
      admin,
    );
    const endpointId = created.data.createWebhookEndpoint.endpoint!.id;
    const engagementId = await createEngagement(api, admin, await createClient(api, admin));
    await api.graphql(
      graphql(`
        mutation WebhooksCrashChangeEngagementStatus($input: ChangeEngagementStatusInput!) {
          changeEngagementStatus(input: $input) {
            userErrors {
              field
            }
          }
        }
      `),
      { input: { id: engagementId, status: 'ACTIVE' } },
      admin,
    );

    receiver.answer('hang');
    const first = await startProduct();
    const [held] = await receiver.waitFor(1, 30_000);
    const exited = new Promise((resolve) => first.once('exit', resolve));
    first.kill('SIGKILL');
    await exited;
    const leased = await delivery(endpointId);
    expect(leased).toMatchObject({ status: 'PENDING', attempt_count: 0 });
    expect(leased!.locked_until!.getTime()).toBeGreaterThan(Date.now());

    // The lease (timeout + 30 s) runs out; moved to its end here rather than waited for.
    await api.ownerQuery('UPDATE webhook_deliveries SET locked_until = now() WHERE endpoint_id = $1', [
      endpointId,
    ]);
    receiver.answer({ status: 200, body: 'received' });
    await startProduct();
    const [, again] = await receiver.waitFor(2, 30_000);
    expect(again?.headers['webhook-id']).toBe(held?.headers['webhook-id']);
    expect(again?.body).toBe(held?.body);
    for (let i = 0; i < 50 && (await delivery(endpointId))?.status !== 'DELIVERED'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await delivery(endpointId)).toMatchObject({ status: 'DELIVERED', attempt_count: 1 });
    expect(receiver.received).toHaveLength(2);
  }, 90_000);
});
