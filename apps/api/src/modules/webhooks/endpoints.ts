import { randomBytes, randomUUID } from 'node:crypto';
import {
  DEFAULT_SECRET_OVERLAP_HOURS,
  check,
  fieldError,
  secretOverlapHours,
  webhookEndpointChanges,
  webhookEndpointInput,
  type FieldError,
} from '@csp/domain';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import type { RequestContext } from '../../core/context.js';
import { requireActor } from '../../core/auth/viewer.js';
import { keysetPage, pageWindow, type PageArgs } from '../../core/pagination.js';
import { isUuid, notFound } from '../../core/user-errors.js';
import { lockById } from '../../core/row-lock.js';
import { refusedAddress } from '../../core/http/address-guard.js';
import {
  WebhookDeliveryEntity,
  WebhookEndpointEntity,
  WebhookSecretEntity,
  type WebhookEndpointRow,
} from './entities.js';
import { refused, type Payload } from '../../core/payloads.js';

/** In the Standard Webhooks form: `whsec_` and 32 random bytes in base64, which its libraries read as they are. */
function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** Issues the endpoint's new current secret and returns it: the one moment it leaves the database. */
async function addSecret(db: TenantDb, endpoint: WebhookEndpointRow, now: Date): Promise<string> {
  const secret = newSecret();
  await db.getRepository(WebhookSecretEntity).insert({
    tenantId: endpoint.tenantId,
    id: randomUUID(),
    endpointId: endpoint.id,
    secret,
    createdAt: now,
    expiresAt: null,
  });
  return secret;
}

export function secretHint(secret: string): string {
  return `${secret.slice(0, 10)}…`;
}

export async function listEndpoints(context: RequestContext, args: PageArgs) {
  const window = pageWindow(args, ['timestamp', 'uuid']);
  return context.db.read((db) =>
    keysetPage(() => db.getRepository(WebhookEndpointEntity).createQueryBuilder('w'), window, {
      by: ['w.createdAt', 'w.id'],
      direction: 'DESC',
      key: (w) => [w.createdAt.toISOString(), w.id],
    }),
  );
}

export async function findEndpoint(context: RequestContext, id: string) {
  if (!isUuid(id)) return null;
  return context.db.read((db) => db.getRepository(WebhookEndpointEntity).findOneBy({ id }));
}

function lockEndpoint(db: TenantDb, id: string) {
  return lockById(db, WebhookEndpointEntity, id);
}

async function urlRefusal(context: RequestContext, url: string): Promise<FieldError | null> {
  const refusal = await refusedAddress(url, context.settings.webhooks.allowPrivateAddresses);
  return refusal ? fieldError('url', 'NOT_ALLOWED', refusal) : null;
}

export async function createEndpoint(
  context: RequestContext,
  input: unknown,
): Promise<Payload<'CreateWebhookEndpointPayload'>> {
  const checked = check(webhookEndpointInput, input);
  if (!checked.ok) return refused(['endpoint', 'secret'], ...checked.errors);
  const addressRefusal = await urlRefusal(context, checked.value.url);
  if (addressRefusal) return refused(['endpoint', 'secret'], addressRefusal);
  const actor = requireActor(context.viewer);
  return context.db.write(async (db) => {
    const now = new Date();
    const endpoint: WebhookEndpointRow = {
      tenantId: actor.tenantId,
      id: randomUUID(),
      ...checked.value,
      enabled: true,
      disabledReason: null,
      createdBy: actor.memberId,
      createdAt: now,
      updatedAt: now,
    };
    await db.getRepository(WebhookEndpointEntity).insert(endpoint);
    return { endpoint, secret: await addSecret(db, endpoint, now), userErrors: [] };
  });
}

export async function updateEndpoint(
  context: RequestContext,
  input: { id: string } & Record<string, unknown>,
): Promise<Payload<'WebhookEndpointPayload'>> {
  const { id, ...changes } = input;
  const checked = check(webhookEndpointChanges, changes);
  if (!checked.ok) return refused('endpoint', ...checked.errors);
  const value = checked.value;
  if (value.url) {
    const addressRefusal = await urlRefusal(context, value.url);
    if (addressRefusal) return refused('endpoint', addressRefusal);
  }
  return context.db.write(async (db) => {
    const endpoint = await lockEndpoint(db, id);
    if (!endpoint) return refused('endpoint', notFound('id', 'webhook endpoint'));
    const next: WebhookEndpointRow = {
      ...endpoint,
      url: value.url ?? endpoint.url,
      events: value.events ?? endpoint.events,
      description: value.description === undefined ? endpoint.description : value.description,
      enabled: value.enabled ?? endpoint.enabled,
      updatedAt: new Date(),
    };
    // Turned on by hand: whatever turned it off no longer applies.
    if (next.enabled) next.disabledReason = null;
    const { tenantId: _t, id: _i, createdBy: _c, createdAt: _a, ...columns } = next;
    await db.getRepository(WebhookEndpointEntity).update({ id }, columns);
    if (!next.enabled && endpoint.enabled) await cancelPendingDeliveries(db, id);
    return { endpoint: next, userErrors: [] };
  });
}

/** Deliveries still waiting when an endpoint is turned off are not sent later by surprise; they can be replayed. */
export async function cancelPendingDeliveries(db: TenantDb, endpointId: string) {
  await db
    .getRepository(WebhookDeliveryEntity)
    .update(
      { endpointId, status: 'PENDING' },
      { status: 'CANCELLED', nextAttemptAt: null, lockedUntil: null },
    );
}

export async function deleteEndpoint(context: RequestContext, { id }: { id: string }) {
  return context.db.write(async (db) => {
    const endpoint = await lockEndpoint(db, id);
    if (!endpoint) return refused('removedEndpointId', notFound('id', 'webhook endpoint'));
    await db.getRepository(WebhookEndpointEntity).delete({ id });
    return { removedEndpointId: id, userErrors: [] };
  });
}

export async function rotateSecret(
  context: RequestContext,
  input: { id: string; overlapHours?: number | null },
): Promise<Payload<'CreateWebhookEndpointPayload'>> {
  const overlap = check(secretOverlapHours, input.overlapHours ?? DEFAULT_SECRET_OVERLAP_HOURS);
  if (!overlap.ok)
    return refused(
      ['endpoint', 'secret'],
      ...overlap.errors.map((error) => ({ ...error, field: 'overlapHours' })),
    );
  return context.db.write(async (db) => {
    const endpoint = await lockEndpoint(db, input.id);
    if (!endpoint) return refused(['endpoint', 'secret'], notFound('id', 'webhook endpoint'));
    const now = new Date();
    const overlapEnds = new Date(now.getTime() + overlap.value * 60 * 60 * 1000);
    // No older secret signs past the new overlap; one that ends sooner keeps its own end.
    await db.query(
      `UPDATE webhook_secrets SET expires_at = $2
        WHERE tenant_id = $3 AND endpoint_id = $1 AND (expires_at IS NULL OR expires_at > $2)`,
      [endpoint.id, overlapEnds, db.tenantId],
    );
    return { endpoint, secret: await addSecret(db, endpoint, now), userErrors: [] };
  });
}
