import { randomUUID } from 'node:crypto';
import {
  check,
  fieldError,
  touchPointAdditionRefusal,
  touchPointChange,
  touchPointInput,
  type JourneyChangeSide,
} from '@csp/domain';
import { IsNull } from 'typeorm';
import type { RequestContext } from '../../core/context.js';
import { refused, type Payload } from '../../core/payloads.js';
import { notFound } from '../../core/user-errors.js';
import { TouchPointEntity, type TouchPointRow } from './entities.js';
import { journeyOf, liveStageOf, liveTouchPointOf, lockJourney, recordChanges } from './edit-journey.js';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';

const FIELDS = ['touchPoint', 'journey'] as const;

/** A new touch point at the end of a live stage. */
export async function addTouchPoint(
  context: RequestContext,
  { stageId, ...input }: { stageId: string } & Record<string, unknown>,
): Promise<Payload<'TouchPointPayload'>> {
  const checked = check(touchPointInput, input);
  if (!checked.ok) return refused(FIELDS, ...checked.errors);
  const value = checked.value;
  return context.db.write(async (db) => {
    const found = await liveStageOf(db, stageId);
    if (!found) return refused(FIELDS, notFound('stageId', 'stage'));
    const journey = await lockJourney(db, found.clientId);
    const stage = await liveStageOf(db, stageId);
    if (!stage) return refused(FIELDS, notFound('stageId', 'stage'));
    const live = await db.getRepository(TouchPointEntity).count({ where: { stageId, archivedAt: IsNull() } });
    const full = touchPointAdditionRefusal(live);
    if (full) return refused(FIELDS, fieldError('stageId', 'NOT_ALLOWED', full));
    const now = new Date();
    const touchPoint: TouchPointRow = {
      tenantId: db.tenantId,
      id: randomUUID(),
      clientId: stage.clientId,
      stageId,
      name: value.name,
      channel: value.channel,
      owningTeam: value.owningTeam,
      momentOfTruth: value.momentOfTruth,
      position: live,
      archivedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await db.getRepository(TouchPointEntity).insert(touchPoint);
    const next = await recordChanges(context, db, journey, [
      {
        kind: 'TOUCH_POINT_ADDED',
        stageId,
        touchPointId: touchPoint.id,
        after: { name: value.name, stage: stage.name, channel: value.channel, owningTeam: value.owningTeam },
      },
      ...(value.momentOfTruth
        ? [{ kind: 'MOMENT_OF_TRUTH_SET' as const, touchPointId: touchPoint.id, after: { name: value.name } }]
        : []),
    ]);
    return { touchPoint, journey: journeyOf(next), userErrors: [] };
  });
}

/** Changes the fields given of a live touch point: name, channel, owning team. */
export async function updateTouchPoint(
  context: RequestContext,
  { id, ...input }: { id: string } & Record<string, unknown>,
): Promise<Payload<'TouchPointPayload'>> {
  const given = Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== null && value !== undefined),
  );
  const checked = check(touchPointChange, given);
  if (!checked.ok) return refused(FIELDS, ...checked.errors);
  const change = checked.value;
  return editLive(context, id, async (db, touchPoint) => {
    const before: JourneyChangeSide = {};
    const after: JourneyChangeSide = {};
    for (const key of ['name', 'channel', 'owningTeam'] as const) {
      const value = change[key];
      if (value !== undefined && value !== touchPoint[key]) {
        Object.assign(before, { [key]: touchPoint[key] });
        Object.assign(after, { [key]: value });
      }
    }
    if (!Object.keys(after).length) return { touchPoint, changes: [] };
    before.name ??= touchPoint.name;
    const updated = { ...touchPoint, ...after, updatedAt: new Date() } as TouchPointRow;
    await db.getRepository(TouchPointEntity).update(
      { id },
      {
        name: updated.name,
        channel: updated.channel,
        owningTeam: updated.owningTeam,
        updatedAt: updated.updatedAt,
      },
    );
    return {
      touchPoint: updated,
      changes: [{ kind: 'TOUCH_POINT_CHANGED', touchPointId: id, before, after }],
    };
  });
}

export async function setMomentOfTruth(
  context: RequestContext,
  { id, momentOfTruth }: { id: string; momentOfTruth: boolean },
): Promise<Payload<'TouchPointPayload'>> {
  return editLive(context, id, async (db, touchPoint) => {
    if (touchPoint.momentOfTruth === momentOfTruth) return { touchPoint, changes: [] };
    const updated = { ...touchPoint, momentOfTruth, updatedAt: new Date() };
    await db.getRepository(TouchPointEntity).update({ id }, { momentOfTruth, updatedAt: updated.updatedAt });
    const kind = momentOfTruth ? 'MOMENT_OF_TRUTH_SET' : 'MOMENT_OF_TRUTH_CLEARED';
    return { touchPoint: updated, changes: [{ kind, touchPointId: id, after: { name: touchPoint.name } }] };
  });
}

/** Archives a touch point (evidence keeps its link); the touch points after it in its stage move up one. */
export async function removeTouchPoint(
  context: RequestContext,
  { id }: { id: string },
): Promise<Payload<'TouchPointPayload'>> {
  return editLive(context, id, async (db, touchPoint) => {
    const now = new Date();
    await db.getRepository(TouchPointEntity).update({ id }, { archivedAt: now, updatedAt: now });
    await db.query(
      `UPDATE touch_points SET position = position - 1, updated_at = now()
        WHERE tenant_id = $1 AND stage_id = $2 AND archived_at IS NULL AND position > $3`,
      [db.tenantId, touchPoint.stageId, touchPoint.position],
    );
    return {
      touchPoint: { ...touchPoint, archivedAt: now, updatedAt: now },
      changes: [{ kind: 'TOUCH_POINT_ARCHIVED', touchPointId: id, before: { name: touchPoint.name } }],
    };
  });
}

type Edit = (
  db: TenantDb,
  touchPoint: TouchPointRow,
) => Promise<
  | { touchPoint: TouchPointRow; changes: Parameters<typeof recordChanges>[3] }
  | { refusal: ReturnType<typeof fieldError> }
>;

/**
 * The plumbing of every edit of one live touch point: find it (a removed, unknown or foreign id is `notFound` on
 * `id`), lock its journey, read it again under the lock, apply `edit`, and record its changes in the history. An
 * edit that changes nothing records nothing and keeps the revision.
 */
export async function editLive(
  context: RequestContext,
  id: string,
  edit: Edit,
): Promise<Payload<'TouchPointPayload'>> {
  return context.db.write(async (db) => {
    const found = await liveTouchPointOf(db, id);
    if (!found) return refused(FIELDS, notFound('id', 'touch point'));
    const journey = await lockJourney(db, found.clientId);
    const touchPoint = await liveTouchPointOf(db, id);
    if (!touchPoint) return refused(FIELDS, notFound('id', 'touch point'));
    const result = await edit(db, touchPoint);
    if ('refusal' in result) return refused(FIELDS, result.refusal);
    const next = result.changes.length ? await recordChanges(context, db, journey, result.changes) : journey;
    return { touchPoint: result.touchPoint, journey: journeyOf(next), userErrors: [] };
  });
}
