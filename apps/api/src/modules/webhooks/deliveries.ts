import { randomUUID } from 'node:crypto';
import { fieldError, type FieldError } from '@csp/domain';
import { In } from 'typeorm';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import type { RequestContext } from '../../core/context.js';
import { requireActor } from '../../core/auth/viewer.js';
import { perRequest, manyEach, oneEach } from '../../core/loaders.js';
import { keysetPage, pageWindow, type PageArgs } from '../../core/pagination.js';
import { isUuid, notFound } from '../../core/user-errors.js';
import type { WebhookEvents } from './events.js';
import {
  WebhookAttemptEntity,
  WebhookDeliveryEntity,
  WebhookEndpointEntity,
  WebhookEventEntity,
  WebhookSecretEntity,
  type WebhookDeliveryRow,
  type WebhookDeliveryStatus,
  type WebhookEndpointRow,
} from './entities.js';
import { loadParent, refused, type Payload } from '../../core/payloads.js';

export async function listDeliveries(
  context: RequestContext,
  endpointId: string,
  args: PageArgs & { status?: WebhookDeliveryStatus | null },
) {
  const window = pageWindow(args, ['timestamp', 'uuid']);
  return context.db.read((db) =>
    keysetPage(
      () => {
        const query = db
          .getRepository(WebhookDeliveryEntity)
          .createQueryBuilder('d')
          .andWhere('d.endpointId = :endpointId', { endpointId });
        if (args.status) query.andWhere('d.status = :status', { status: args.status });
        return query;
      },
      window,
      { by: ['d.createdAt', 'd.id'], direction: 'DESC', key: (d) => [d.createdAt.toISOString(), d.id] },
    ),
  );
}

function pendingDelivery(
  tenantId: string,
  eventId: string,
  endpointId: string,
  replayOf: string | null,
): WebhookDeliveryRow {
  const now = new Date();
  return {
    tenantId,
    id: randomUUID(),
    eventId,
    endpointId,
    status: 'PENDING',
    attemptCount: 0,
    nextAttemptAt: now,
    lockedUntil: null,
    lastAttemptAt: null,
    lastResponseStatus: null,
    deliveredAt: null,
    replayOf,
    createdAt: now,
  };
}

function enabledEndpoint(db: TenantDb, id: string, field: string) {
  return db
    .getRepository(WebhookEndpointEntity)
    .findOneBy({ id })
    .then((endpoint): WebhookEndpointRow | FieldError => {
      if (!endpoint) return notFound(field, 'webhook endpoint');
      if (!endpoint.enabled) {
        return fieldError(field, 'NOT_ALLOWED', 'This endpoint is turned off. Turn it on first.');
      }
      return endpoint;
    });
}

/**
 * A replay is a new delivery of the same event to the same endpoint, keeping the original's record intact; it
 * carries the same webhook-id, so a receiver that did process the first one can tell.
 */
export async function replayDelivery(
  context: RequestContext,
  { id }: { id: string },
): Promise<Payload<'WebhookDeliveryPayload'>> {
  const actor = requireActor(context.viewer);
  return context.db.write(async (db) => {
    const found = await loadParent({ id }, 'webhook delivery', (deliveryId) =>
      db.getRepository(WebhookDeliveryEntity).findOneBy({ id: deliveryId }),
    );
    if (!found.ok) return refused('delivery', ...found.errors);
    const original = found.value;
    const endpoint = await enabledEndpoint(db, original.endpointId, 'id');
    if ('field' in endpoint) return refused('delivery', endpoint);
    const delivery = pendingDelivery(actor.tenantId, original.eventId, original.endpointId, original.id);
    await db.getRepository(WebhookDeliveryEntity).insert(delivery);
    return { delivery, userErrors: [] };
  });
}

export async function sendTestWebhook(
  context: RequestContext,
  { endpointId }: { endpointId: string },
): Promise<Payload<'WebhookDeliveryPayload'>> {
  const actor = requireActor(context.viewer);
  return context.db.write(async (db) => {
    const endpoint = isUuid(endpointId)
      ? await enabledEndpoint(db, endpointId, 'endpointId')
      : notFound('endpointId', 'webhook endpoint');
    if ('field' in endpoint) return refused('delivery', endpoint);
    const eventId = randomUUID();
    await db.getRepository(WebhookEventEntity).insert({
      tenantId: actor.tenantId,
      id: eventId,
      type: 'TEST',
      data: {
        endpointId,
        note: 'A test delivery, sent on request. Nothing changed in the programme.',
      } satisfies WebhookEvents['TEST'],
      occurredAt: new Date(),
      requestId: context.requestId,
    });
    const delivery = pendingDelivery(actor.tenantId, eventId, endpointId, null);
    await db.getRepository(WebhookDeliveryEntity).insert(delivery);
    return { delivery, userErrors: [] };
  });
}

export const eventById = perRequest('webhookEventById', (context, ids: readonly string[]) =>
  context.db.read(async (db) => {
    const rows = await db.getRepository(WebhookEventEntity).findBy({ id: In([...ids]) });
    return oneEach(ids, rows, (row) => row.id);
  }),
);

export const endpointById = perRequest('webhookEndpointById', (context, ids: readonly string[]) =>
  context.db.read(async (db) => {
    const rows = await db.getRepository(WebhookEndpointEntity).findBy({ id: In([...ids]) });
    return oneEach(ids, rows, (row) => row.id);
  }),
);

export const attemptsOfDelivery = perRequest('webhookAttemptsOfDelivery', (context, ids: readonly string[]) =>
  context.db.read(async (db) => {
    const rows = await db
      .getRepository(WebhookAttemptEntity)
      .find({ where: { deliveryId: In([...ids]) }, order: { number: 'ASC' } });
    return manyEach(ids, rows, (row) => row.deliveryId);
  }),
);

/** Secrets still signing, newest first; the secret text itself never leaves this module except at creation. */
export const signingSecretsOfEndpoint = perRequest(
  'webhookSecretsOfEndpoint',
  (context, ids: readonly string[]) =>
    context.db.read(async (db) => {
      const rows = await db
        .getRepository(WebhookSecretEntity)
        .createQueryBuilder('s')
        .andWhere('s.endpointId IN (:...ids)', { ids })
        .andWhere('(s.expiresAt IS NULL OR s.expiresAt > now())')
        .orderBy('s.createdAt', 'DESC')
        .getMany();
      return manyEach(ids, rows, (row) => row.endpointId);
    }),
);
