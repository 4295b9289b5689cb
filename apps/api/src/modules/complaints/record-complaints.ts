import {
  CHANNELS,
  checkComplaintBatch,
  fieldError,
  touchPointNamed,
  type ComplaintRow as ComplaintRowInput,
  type FieldError,
} from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { requireActor } from '../../core/auth/viewer.js';
import { loadParent, refused, type Payload } from '../../core/payloads.js';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { clientOf } from '../clients/index.js';
import { liveTouchPointsOfClient } from '../touch-points/index.js';
import { ComplaintEntity, type ComplaintRow } from './entities.js';
import { announceRecorded, newComplaintRow } from './record-complaint.js';
import { charterLookup, checkLinks, complaintsByReference, liveCategoriesByName } from './references.js';
import { countInMonthlyTotals } from './monthly-totals.js';
import { announceRising } from './rising.js';

type RecordComplaintsPayload = Payload<'RecordComplaintsPayload'>;

function nothingRecorded(...errors: FieldError[]): RecordComplaintsPayload {
  return { ...refused('complaints', ...errors), added: 0, replaced: 0, unchanged: 0 };
}

/** The columns a resend may change; a resend that changes none of them is "unchanged". */
const RESENT_COLUMNS = [
  'receivedAt',
  'channel',
  'touchPointId',
  'categoryId',
  'charterId',
  'promiseKey',
  'severity',
  'whatHappened',
  'customerReference',
  'resolvedAt',
  'resolution',
  'rootCause',
] as const satisfies readonly (keyof ComplaintRow)[];

function sameColumns(a: ComplaintRow, b: ComplaintRow): boolean {
  return RESENT_COLUMNS.every((column) => {
    const x = a[column];
    const y = b[column];
    return x instanceof Date && y instanceof Date ? x.getTime() === y.getTime() : x === y;
  });
}

/**
 * Records a batch of complaints for one client, all or nothing (the rules are in docs/complaints.md):
 *
 * 1. every row is checked by the domain (`checkComplaintBatch`), errors naming `rows.<index>.<field>`;
 * 2. each row's category is found by name in the client's live list, its touch point (by id, or by name among the
 *    client's current touch points) and promise checked to be the client's own; the stored complaints with the
 *    batch's external references are locked;
 * 3. a row whose external reference is stored replaces that complaint (or leaves it as it is, when nothing
 *    differs); any other row adds one. New complaints are announced with `complaint.recorded`, and categories that
 *    rise this month with `complaint.rising`.
 *
 * A client-fenced key or a client leader reaches only their own client: another client is "not found".
 * With `dryRun`, steps 1 and 2 run without locks and nothing is written, not even the activity trail.
 */
export async function recordComplaints(
  context: RequestContext,
  input: { clientId: string; rows: readonly unknown[]; dryRun?: boolean | null },
): Promise<RecordComplaintsPayload> {
  const now = new Date();
  const checked = checkComplaintBatch(CHANNELS, input.rows, { now, field: 'rows' });
  if (!checked.ok) return nothingRecorded(...checked.errors);
  const actor = requireActor(context.viewer);
  const dryRun = input.dryRun === true;
  const clientId = input.clientId;

  const work = async (db: TenantDb): Promise<RecordComplaintsPayload> => {
    const client = await loadParent({ clientId }, 'client', (id) => clientOf(db, id));
    if (!client.ok) return nothingRecorded(...client.errors);
    const rows = checked.value;
    const [categories, stored] = await Promise.all([
      liveCategoriesByName(db, clientId),
      complaintsByReference(
        db,
        clientId,
        rows.flatMap((row) => (row.externalReference ? [row.externalReference] : [])),
        !dryRun,
      ),
    ]);
    // Read only when a row names its touch point; rows with an id are checked by id in checkLinks.
    const touchPoints = rows.some((row) => row.touchPointName)
      ? await liveTouchPointsOfClient(db, clientId)
      : [];
    const charter = charterLookup(db, clientId);
    const errors: FieldError[] = [];
    const planned: { row: ComplaintRowInput; complaint: ComplaintRow; before: ComplaintRow | null }[] = [];
    for (const [index, row] of rows.entries()) {
      const before = row.externalReference ? (stored.get(row.externalReference) ?? null) : null;
      const category = categories.get(row.category.toLocaleLowerCase('en')) ?? null;
      const named = row.touchPointName ? touchPointNamed(touchPoints, row.touchPointName) : null;
      if (named && !named.ok) {
        errors.push(
          fieldError(
            `rows.${index}.touchPointName`,
            named.reason === 'UNKNOWN' ? 'NOT_FOUND' : 'CONFLICT',
            named.message,
          ),
        );
      }
      if (!category) {
        errors.push(
          fieldError(
            `rows.${index}.category`,
            'NOT_FOUND',
            `The client’s list has no category named “${row.category}”: add it first, or use one of the list.`,
          ),
        );
        continue;
      }
      if (named && !named.ok) continue;
      const { links, errors: linkErrors } = await checkLinks(
        db,
        clientId,
        { category, touchPointId: named?.touchPoint.id ?? row.touchPointId, promiseKey: row.promiseKey },
        {
          prefix: `rows.${index}.`,
          categoryField: 'category',
          charter,
          ...(before ? { current: before } : {}),
        },
      );
      if (!links) {
        errors.push(...linkErrors);
        continue;
      }
      const fresh = newComplaintRow(actor, clientId, row, links, row.externalReference, now);
      const complaint: ComplaintRow = before
        ? {
            ...fresh,
            id: before.id,
            recordedBy: before.recordedBy,
            createdAt: before.createdAt,
            revision: before.revision,
          }
        : fresh;
      planned.push({ row, complaint, before });
    }
    if (errors.length > 0) return nothingRecorded(...errors);

    const added = planned.filter((p) => !p.before);
    const changed = planned.filter((p) => p.before && !sameColumns(p.before, p.complaint));
    const counts = {
      added: added.length,
      replaced: changed.length,
      unchanged: planned.length - added.length - changed.length,
    };
    if (dryRun) return { complaints: null, ...counts, userErrors: [] };

    const repository = db.getRepository(ComplaintEntity);
    const unreferenced = added.filter((p) => !p.complaint.externalReference);
    if (unreferenced.length > 0) await repository.insert(unreferenced.map((p) => p.complaint));
    // A row with a reference not stored when we looked may have been stored since by a call running at the same
    // time: the insert waits for that call, and then the complaint it stored is locked and replaced, as a resend
    // would, instead of failing on the unique index.
    const raced: typeof added = [];
    for (const p of added) {
      if (!p.complaint.externalReference) continue;
      const stored = await insertUnlessReferenced(db, p.complaint);
      if (stored) {
        Object.assign(p.complaint, {
          id: stored.id,
          revision: stored.revision,
          createdAt: stored.createdAt,
          recordedBy: stored.recordedBy,
        });
        p.before = stored;
        raced.push(p);
      }
    }
    counts.added -= raced.length;
    counts.replaced += raced.length;
    for (const p of [...changed, ...raced]) {
      p.complaint.revision = p.before!.revision + 1;
      const { tenantId: _t, id, clientId: _c, createdAt: _a, recordedBy: _r, ...columns } = p.complaint;
      await repository.update({ id }, columns);
    }
    await countInMonthlyTotals(
      db,
      clientId,
      [...added, ...changed].map((p) => ({ before: p.before, after: p.complaint })),
    );
    for (const p of added) {
      if (!raced.includes(p)) await announceRecorded(db, p.complaint, context.requestId);
    }
    await announceRising(
      db,
      clientId,
      [...added, ...changed].map((p) => p.complaint),
      now,
      context,
    );
    // A resend that changed nothing answers what is stored; every other row answers what it wrote.
    const complaints = planned.map((p) =>
      p.before && !changed.includes(p) && !raced.includes(p) ? p.before : p.complaint,
    );
    return { complaints, ...counts, userErrors: [] };
  };
  return dryRun ? context.db.read(work) : context.db.write(work);
}

/**
 * Inserts a complaint with its external reference, unless one is stored under it by now: then that one is locked
 * and returned, for the caller to replace.
 */
async function insertUnlessReferenced(db: TenantDb, c: ComplaintRow): Promise<ComplaintRow | null> {
  const inserted: { id: string }[] = await db.query(
    `INSERT INTO complaints
         (tenant_id, id, client_id, received_at, channel, touch_point_id, category_id, charter_id, promise_key,
          severity, what_happened, customer_reference, resolved_at, resolution, root_cause, external_reference,
          revision, recorded_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
       ON CONFLICT (tenant_id, client_id, external_reference) DO NOTHING
       RETURNING id`,
    [
      db.tenantId,
      c.id,
      c.clientId,
      c.receivedAt,
      c.channel,
      c.touchPointId,
      c.categoryId,
      c.charterId,
      c.promiseKey,
      c.severity,
      c.whatHappened,
      c.customerReference,
      c.resolvedAt,
      c.resolution,
      c.rootCause,
      c.externalReference,
      c.revision,
      c.recordedBy,
      c.createdAt,
      c.updatedAt,
    ],
  );
  if (inserted.length > 0) return null;
  const stored = await complaintsByReference(db, c.clientId, [c.externalReference!], true);
  return stored.get(c.externalReference!)!;
}
