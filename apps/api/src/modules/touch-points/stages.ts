import { randomUUID } from 'node:crypto';
import { check, fieldError, stageAdditionRefusal, stageInput, stageRemovalRefusal } from '@csp/domain';
import { IsNull } from 'typeorm';
import type { RequestContext } from '../../core/context.js';
import { refused, type Payload } from '../../core/payloads.js';
import { notFound } from '../../core/user-errors.js';
import { clientClosedToNewWork } from '../clients/index.js';
import { JourneyStageEntity, TouchPointEntity, type JourneyStageRow } from './entities.js';
import { journeyOf, liveStageOf, lockJourney, recordChanges } from './edit-journey.js';

const FIELDS = ['stage', 'journey'] as const;

/** A new stage at the end of the journey, or at `position` with the stages from there on moved down one. */
export async function addJourneyStage(
  context: RequestContext,
  { clientId, position, ...input }: { clientId: string; name: string; position?: number | null },
): Promise<Payload<'JourneyStagePayload'>> {
  const checked = check(stageInput, input);
  if (!checked.ok) return refused(FIELDS, ...checked.errors);
  if (position != null && position < 0) {
    return refused(FIELDS, fieldError('position', 'INVALID', 'Position counts from 0.'));
  }
  return context.db.write(async (db) => {
    const closed = await clientClosedToNewWork(db, clientId);
    if (closed) return refused(FIELDS, closed);
    const journey = await lockJourney(db, clientId);
    const stages = db.getRepository(JourneyStageEntity);
    const live = await stages.count({ where: { clientId, archivedAt: IsNull() } });
    const full = stageAdditionRefusal(live);
    if (full) return refused(FIELDS, fieldError('clientId', 'NOT_ALLOWED', full));
    const at = Math.min(position ?? live, live);
    if (at < live) {
      await db.query(
        `UPDATE journey_stages SET position = position + 1, updated_at = now()
          WHERE tenant_id = $1 AND client_id = $2 AND archived_at IS NULL AND position >= $3`,
        [db.tenantId, clientId, at],
      );
    }
    const now = new Date();
    const stage: JourneyStageRow = {
      tenantId: db.tenantId,
      id: randomUUID(),
      clientId,
      name: checked.value.name,
      position: at,
      archivedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await stages.insert(stage);
    const next = await recordChanges(context, db, journey, [
      { kind: 'STAGE_ADDED', stageId: stage.id, after: { name: stage.name, position: at } },
    ]);
    return { stage, journey: journeyOf(next), userErrors: [] };
  });
}

export async function renameJourneyStage(
  context: RequestContext,
  { id, ...input }: { id: string; name: string },
): Promise<Payload<'JourneyStagePayload'>> {
  const checked = check(stageInput, input);
  if (!checked.ok) return refused(FIELDS, ...checked.errors);
  return context.db.write(async (db) => {
    const found = await liveStageOf(db, id);
    if (!found) return refused(FIELDS, notFound('id', 'stage'));
    const journey = await lockJourney(db, found.clientId);
    const stage = await liveStageOf(db, id);
    if (!stage) return refused(FIELDS, notFound('id', 'stage'));
    if (stage.name === checked.value.name) return { stage, journey: journeyOf(journey), userErrors: [] };
    const renamed = { ...stage, name: checked.value.name, updatedAt: new Date() };
    await db
      .getRepository(JourneyStageEntity)
      .update({ id }, { name: renamed.name, updatedAt: renamed.updatedAt });
    const next = await recordChanges(context, db, journey, [
      { kind: 'STAGE_RENAMED', stageId: id, before: { name: stage.name }, after: { name: renamed.name } },
    ]);
    return { stage: renamed, journey: journeyOf(next), userErrors: [] };
  });
}

/** Archives an empty stage; the stages after it move up one, so positions stay 0..n-1. */
export async function removeJourneyStage(
  context: RequestContext,
  { id }: { id: string },
): Promise<Payload<'JourneyStagePayload'>> {
  return context.db.write(async (db) => {
    const found = await liveStageOf(db, id);
    if (!found) return refused(FIELDS, notFound('id', 'stage'));
    const journey = await lockJourney(db, found.clientId);
    const stage = await liveStageOf(db, id);
    if (!stage) return refused(FIELDS, notFound('id', 'stage'));
    const inStage = await db
      .getRepository(TouchPointEntity)
      .count({ where: { stageId: id, archivedAt: IsNull() } });
    const refusal = stageRemovalRefusal(inStage);
    if (refusal) return refused(FIELDS, fieldError('id', 'NOT_ALLOWED', refusal));
    const now = new Date();
    await db.getRepository(JourneyStageEntity).update({ id }, { archivedAt: now, updatedAt: now });
    await db.query(
      `UPDATE journey_stages SET position = position - 1, updated_at = now()
        WHERE tenant_id = $1 AND client_id = $2 AND archived_at IS NULL AND position > $3`,
      [db.tenantId, stage.clientId, stage.position],
    );
    const next = await recordChanges(context, db, journey, [
      { kind: 'STAGE_ARCHIVED', stageId: id, before: { name: stage.name } },
    ]);
    return { stage: { ...stage, archivedAt: now, updatedAt: now }, journey: journeyOf(next), userErrors: [] };
  });
}
