import { randomUUID } from 'node:crypto';
import { CHANNELS, checkComplaint, fieldError, type ComplaintFields } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { requireActor, type Actor } from '../../core/auth/viewer.js';
import { loadParent, refused, type Payload } from '../../core/payloads.js';
import { lockById } from '../../core/row-lock.js';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { notFound } from '../../core/user-errors.js';
import { clientOf } from '../clients/index.js';
import { queueWebhookEvent } from '../webhooks/index.js';
import { countInMonthlyTotals } from './monthly-totals.js';
import { ComplaintEntity, type ComplaintRow } from './entities.js';
import { charterLookup, checkLinks, complaintCategoryOf, type ComplaintLinks } from './references.js';
import { announceRising } from './rising.js';

type ComplaintPayload = Payload<'ComplaintPayload'>;

/** Who recorded it: a member, or null for an API key (the activity trail names the key). */
export function recorderOf(actor: Actor): string | null {
  return actor.kind === 'member' ? actor.memberId : null;
}

/** A new complaint's row from its checked fields and links. */
export function newComplaintRow(
  actor: Actor,
  clientId: string,
  value: Omit<ComplaintFields, 'categoryId'>,
  links: ComplaintLinks,
  externalReference: string | null,
  now: Date,
): ComplaintRow {
  return {
    tenantId: actor.tenantId,
    id: randomUUID(),
    clientId,
    receivedAt: value.receivedAt,
    channel: value.channel,
    touchPointId: links.touchPointId,
    categoryId: links.categoryId,
    charterId: links.charterId,
    promiseKey: links.promiseKey,
    severity: value.severity,
    whatHappened: value.whatHappened,
    customerReference: value.customerReference,
    resolvedAt: value.resolvedAt,
    resolution: value.resolution,
    rootCause: value.rootCause,
    externalReference,
    revision: 1,
    recordedBy: recorderOf(actor),
    createdAt: now,
    updatedAt: now,
  };
}

/** Queues `complaint.recorded` for a complaint new to the log. */
export async function announceRecorded(
  db: TenantDb,
  complaint: ComplaintRow,
  requestId: string,
): Promise<void> {
  await queueWebhookEvent(db, {
    tenantId: complaint.tenantId,
    type: 'COMPLAINT_RECORDED',
    requestId,
    data: {
      complaintId: complaint.id,
      clientId: complaint.clientId,
      categoryId: complaint.categoryId,
      touchPointId: complaint.touchPointId,
      promiseKey: complaint.promiseKey,
      severity: complaint.severity,
      receivedAt: complaint.receivedAt.toISOString(),
      externalReference: complaint.externalReference,
    },
  });
}

/**
 * Records one complaint in a client's log (docs/complaints.md has the rules): checked by the domain, its category,
 * touch point and promise checked to be the client's own, then written with its `complaint.recorded` event, and the
 * `complaint.rising` event when its category now rises this month.
 */
export async function recordComplaint(
  context: RequestContext,
  { clientId, ...input }: { clientId: string } & Record<string, unknown>,
): Promise<ComplaintPayload> {
  const now = new Date();
  const checked = checkComplaint(CHANNELS, input, { now });
  if (!checked.ok) return refused('complaint', ...checked.errors);
  const actor = requireActor(context.viewer);
  const value = checked.value;
  return context.db.write(async (db) => {
    const client = await loadParent({ clientId }, 'client', (id) => clientOf(db, id));
    if (!client.ok) return refused('complaint', ...client.errors);
    const { links, errors } = await checkLinks(
      db,
      clientId,
      {
        category: await complaintCategoryOf(db, value.categoryId),
        touchPointId: value.touchPointId,
        promiseKey: value.promiseKey,
      },
      { charter: charterLookup(db, clientId) },
    );
    if (!links) return refused('complaint', ...errors);
    const complaint = newComplaintRow(actor, clientId, value, links, null, now);
    await db.getRepository(ComplaintEntity).insert(complaint);
    await countInMonthlyTotals(db, clientId, [{ after: complaint }]);
    await announceRecorded(db, complaint, context.requestId);
    await announceRising(db, clientId, [complaint], now, context);
    return { complaint, userErrors: [] };
  });
}

/** The fields of a stored complaint as the domain's input, to merge a partial change into. */
function fieldsOf(complaint: ComplaintRow): Record<string, unknown> {
  return {
    receivedAt: complaint.receivedAt,
    channel: complaint.channel,
    touchPointId: complaint.touchPointId,
    categoryId: complaint.categoryId,
    promiseKey: complaint.promiseKey,
    severity: complaint.severity,
    whatHappened: complaint.whatHappened,
    customerReference: complaint.customerReference,
    resolvedAt: complaint.resolvedAt,
    resolution: complaint.resolution,
    rootCause: complaint.rootCause,
  };
}

/**
 * Changes a complaint: the fields given replace the stored ones (null clears an optional one), and the whole is
 * checked again by the domain, so resolving needs both when and how. Locks the row and checks the revision the
 * caller last saw.
 */
export async function updateComplaint(
  context: RequestContext,
  { id, expectedRevision, ...changes }: { id: string; expectedRevision: number } & Record<string, unknown>,
): Promise<ComplaintPayload> {
  const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  if (Object.keys(given).length === 0) {
    return refused('complaint', fieldError('id', 'REQUIRED', 'Change at least one field.'));
  }
  const now = new Date();
  return context.db.write(async (db) => {
    const stored = await lockById(db, ComplaintEntity, id);
    if (!stored) return refused('complaint', notFound('id', 'complaint'));
    if (stored.revision !== expectedRevision) {
      return refused(
        'complaint',
        fieldError(
          'expectedRevision',
          'CONFLICT',
          'This complaint changed since you loaded it. Reload it to see the change, then try again.',
        ),
      );
    }
    const checked = checkComplaint(CHANNELS, { ...fieldsOf(stored), ...given }, { now });
    if (!checked.ok) return refused('complaint', ...checked.errors);
    const value = checked.value;
    const { links, errors } = await checkLinks(
      db,
      stored.clientId,
      {
        category: await complaintCategoryOf(db, value.categoryId),
        touchPointId: value.touchPointId,
        promiseKey: value.promiseKey,
      },
      { current: stored, charter: charterLookup(db, stored.clientId) },
    );
    if (!links) return refused('complaint', ...errors);
    const complaint: ComplaintRow = {
      ...stored,
      receivedAt: value.receivedAt,
      channel: value.channel,
      severity: value.severity,
      whatHappened: value.whatHappened,
      customerReference: value.customerReference,
      resolvedAt: value.resolvedAt,
      resolution: value.resolution,
      rootCause: value.rootCause,
      ...links,
      revision: stored.revision + 1,
      updatedAt: now,
    };
    const { tenantId: _t, id: _i, clientId: _c, createdAt: _a, ...columns } = complaint;
    await db.getRepository(ComplaintEntity).update({ id: stored.id }, columns);
    await countInMonthlyTotals(db, stored.clientId, [{ before: stored, after: complaint }]);
    if (
      complaint.categoryId !== stored.categoryId ||
      complaint.receivedAt.getTime() !== stored.receivedAt.getTime()
    ) {
      await announceRising(db, stored.clientId, [complaint], now, context);
    }
    return { complaint, userErrors: [] };
  });
}
