import { checkNewOrder, fieldError, movedPlacements, orderOfRows, type JourneyOrder } from '@csp/domain';
import { IsNull } from 'typeorm';
import type { RequestContext } from '../../core/context.js';
import { loadParent, refused, type Payload } from '../../core/payloads.js';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { clientOf } from '../clients/index.js';
import {
  JourneyStageEntity,
  TouchPointEntity,
  type JourneyStageRow,
  type TouchPointRow,
} from './entities.js';
import { journeyOf, lockJourney, recordChanges, type Change } from './edit-journey.js';

/**
 * Puts the whole journey in the order given, on the revision the editor saw. Only the stages and touch points
 * whose place changed are written (two statements whatever their number); the history records the new order of
 * the stages, of each stage whose touch points changed order, and each move of a touch point to another stage.
 */
export async function reorderJourney(
  context: RequestContext,
  input: { clientId: string; expectedRevision: number; stages: JourneyOrder },
): Promise<Payload<'CustomerJourneyPayload'>> {
  return context.db.write(async (db) => {
    const client = await loadParent({ clientId: input.clientId }, 'client', (id) => clientOf(db, id));
    if (!client.ok) return refused('journey', ...client.errors);
    const journey = await lockJourney(db, input.clientId);
    if (journey.revision !== input.expectedRevision) {
      return refused(
        'journey',
        fieldError(
          'expectedRevision',
          'CONFLICT',
          'The journey changed since you loaded it. Reload it to see the change, then move this again.',
        ),
      );
    }
    const { stages, touchPoints } = await liveJourney(db, input.clientId);
    const current = orderOfRows(stages, touchPoints);
    const checked = checkNewOrder(current, input.stages);
    if (!checked.ok) return refused('journey', ...checked.errors);
    const moved = movedPlacements(current, checked.value);
    if (!moved.stages.length && !moved.touchPoints.length) {
      return { journey: journeyOf(journey), userErrors: [] };
    }
    if (moved.stages.length) {
      await db.query(
        `UPDATE journey_stages s SET position = m.position, updated_at = now()
           FROM unnest($2::uuid[], $3::int[]) AS m(id, position)
          WHERE s.tenant_id = $1 AND s.id = m.id`,
        [db.tenantId, moved.stages.map((s) => s.id), moved.stages.map((s) => s.position)],
      );
    }
    if (moved.touchPoints.length) {
      await db.query(
        `UPDATE touch_points t SET stage_id = m.stage_id, position = m.position, updated_at = now()
           FROM unnest($2::uuid[], $3::uuid[], $4::int[]) AS m(id, stage_id, position)
          WHERE t.tenant_id = $1 AND t.id = m.id`,
        [
          db.tenantId,
          moved.touchPoints.map((t) => t.id),
          moved.touchPoints.map((t) => t.stageId),
          moved.touchPoints.map((t) => t.position),
        ],
      );
    }
    const next = await recordChanges(
      context,
      db,
      journey,
      changesOf(current, checked.value, stages, touchPoints),
    );
    return { journey: journeyOf(next), userErrors: [] };
  });
}

async function liveJourney(db: TenantDb, clientId: string) {
  const [stages, touchPoints] = await Promise.all([
    db.getRepository(JourneyStageEntity).find({ where: { clientId, archivedAt: IsNull() } }),
    db.getRepository(TouchPointEntity).find({ where: { clientId, archivedAt: IsNull() } }),
  ]);
  return { stages, touchPoints };
}

function changesOf(
  before: JourneyOrder,
  after: JourneyOrder,
  stages: JourneyStageRow[],
  touchPoints: TouchPointRow[],
): Change[] {
  const stageName = new Map(stages.map((s) => [s.id, s.name]));
  const pointName = new Map(touchPoints.map((t) => [t.id, t.name]));
  const names = (ids: string[], of: Map<string, string>) => ids.map((id) => of.get(id) ?? '?');
  const changes: Change[] = [];
  const stageOrder = (order: JourneyOrder) => order.map((s) => s.stageId);
  if (stageOrder(before).join() !== stageOrder(after).join()) {
    changes.push({
      kind: 'STAGES_REORDERED',
      before: { order: names(stageOrder(before), stageName) },
      after: { order: names(stageOrder(after), stageName) },
    });
  }
  const stageOf = (order: JourneyOrder, id: string) =>
    order.find((s) => s.touchPointIds.includes(id))?.stageId;
  for (const stage of after) {
    const was = before.find((s) => s.stageId === stage.stageId)?.touchPointIds ?? [];
    const stayed = (ids: string[]) => ids.filter((id) => stageOf(before, id) === stageOf(after, id));
    // A stage whose own touch points changed order among themselves; arrivals and departures are told below.
    if (stayed(was).join() !== stayed(stage.touchPointIds).join()) {
      changes.push({
        kind: 'TOUCH_POINTS_REORDERED',
        stageId: stage.stageId,
        before: { stage: stageName.get(stage.stageId), order: names(was, pointName) },
        after: { stage: stageName.get(stage.stageId), order: names(stage.touchPointIds, pointName) },
      });
    }
    for (const [position, id] of stage.touchPointIds.entries()) {
      const from = stageOf(before, id);
      if (from !== stage.stageId) {
        changes.push({
          kind: 'TOUCH_POINTS_REORDERED',
          stageId: stage.stageId,
          touchPointId: id,
          before: { name: pointName.get(id), stage: stageName.get(from ?? '') },
          after: { name: pointName.get(id), stage: stageName.get(stage.stageId), position },
        });
      }
    }
  }
  return changes;
}
