import { fieldError, type Checked, type FieldError } from '../validation/field-errors.js';
import { JOURNEY_LIMITS } from './touch-point-input.js';

/**
 * The order of a client's journey: its live stages in order, each with its live touch points in order. Positions
 * are never sent or stored apart from this order: a stage's position is its index here, and a touch point's its
 * index in its stage, so they are always dense (0..n-1) and never tie.
 *
 * An editor reorders by computing a new order with `moveStage` / `moveTouchPoint` (drag and drop, or a keyboard
 * step: `stepTouchPoint`, `stepStage`) and sending the whole of it; the API accepts it only when it holds exactly
 * the same stages and touch points as the journey now has (`checkNewOrder`), and only on the revision the editor
 * last saw, so nobody's change is silently lost.
 */
export interface StageOrder {
  stageId: string;
  touchPointIds: string[];
}
export type JourneyOrder = StageOrder[];

/** `list` with the item at `from` taken out and put back at `to` (both clamped into the list). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  const at = Math.max(0, Math.min(to, next.length));
  next.splice(at, 0, item as T);
  return next;
}

/** The journey with the stage moved to index `to` among the stages; unchanged when there is no such stage. */
export function moveStage(order: JourneyOrder, stageId: string, to: number): JourneyOrder {
  const from = order.findIndex((stage) => stage.stageId === stageId);
  return moveItem(order, from, to).map(copyStage);
}

/**
 * The journey with the touch point taken out of its stage and put at index `to` of stage `toStageId` (the same stage
 * or another). Unchanged when the touch point or the stage does not exist.
 */
export function moveTouchPoint(
  order: JourneyOrder,
  touchPointId: string,
  toStageId: string,
  to: number,
): JourneyOrder {
  const from = locateTouchPoint(order, touchPointId);
  if (!from || !order.some((stage) => stage.stageId === toStageId)) return order.map(copyStage);
  return order.map((stage) => {
    let ids = stage.touchPointIds.filter((id) => id !== touchPointId);
    if (stage.stageId === toStageId) {
      ids = [...ids];
      ids.splice(Math.max(0, Math.min(to, ids.length)), 0, touchPointId);
    }
    return { stageId: stage.stageId, touchPointIds: ids };
  });
}

/** Where a touch point is: its stage's index, the stage's id, and its own index in the stage; null when absent. */
export function locateTouchPoint(
  order: JourneyOrder,
  touchPointId: string,
): { stageIndex: number; stageId: string; index: number } | null {
  for (const [stageIndex, stage] of order.entries()) {
    const index = stage.touchPointIds.indexOf(touchPointId);
    if (index >= 0) return { stageIndex, stageId: stage.stageId, index };
  }
  return null;
}

/** A keyboard step: up and down inside the stage, left and right to the end of the neighbouring stage. */
export type Step = 'EARLIER' | 'LATER' | 'PREVIOUS_STAGE' | 'NEXT_STAGE';

/**
 * The journey after one keyboard step of a touch point, or null when the step goes nowhere (the first item moved
 * earlier, the last stage's item moved to the next stage). Moving to a neighbouring stage puts it at the end of that
 * stage, where a sighted user would look for it and a screen reader user is told it is.
 */
export function stepTouchPoint(order: JourneyOrder, touchPointId: string, step: Step): JourneyOrder | null {
  const at = locateTouchPoint(order, touchPointId);
  if (!at) return null;
  const stage = order[at.stageIndex]!;
  switch (step) {
    case 'EARLIER':
      return at.index === 0 ? null : moveTouchPoint(order, touchPointId, at.stageId, at.index - 1);
    case 'LATER':
      return at.index === stage.touchPointIds.length - 1
        ? null
        : moveTouchPoint(order, touchPointId, at.stageId, at.index + 1);
    case 'PREVIOUS_STAGE':
    case 'NEXT_STAGE': {
      const target = order[at.stageIndex + (step === 'NEXT_STAGE' ? 1 : -1)];
      return target ? moveTouchPoint(order, touchPointId, target.stageId, target.touchPointIds.length) : null;
    }
  }
}

/** The journey after one keyboard step of a stage (earlier or later among the stages), or null at either end. */
export function stepStage(
  order: JourneyOrder,
  stageId: string,
  step: 'EARLIER' | 'LATER',
): JourneyOrder | null {
  const from = order.findIndex((stage) => stage.stageId === stageId);
  if (from < 0) return null;
  const to = from + (step === 'LATER' ? 1 : -1);
  if (to < 0 || to >= order.length) return null;
  return moveStage(order, stageId, to);
}

/**
 * Whether `proposed` is a reordering of `current`: every stage of the journey once, every touch point once (in any
 * stage), nothing else. Errors name the field of the API's input (`stages`, `stages.2.stageId`,
 * `stages.0.touchPointIds.3`).
 */
export function checkNewOrder(current: JourneyOrder, proposed: JourneyOrder): Checked<JourneyOrder> {
  const errors: FieldError[] = [];
  const stageIds = new Set(current.map((stage) => stage.stageId));
  const touchPointIds = new Set(current.flatMap((stage) => stage.touchPointIds));
  const seenStages = new Set<string>();
  const seenTouchPoints = new Set<string>();
  for (const [i, stage] of proposed.entries()) {
    if (!stageIds.has(stage.stageId)) {
      errors.push(
        fieldError(`stages.${i}.stageId`, 'NOT_FOUND', 'No live stage of this journey has this id.'),
      );
    } else if (seenStages.has(stage.stageId)) {
      errors.push(fieldError(`stages.${i}.stageId`, 'INVALID', 'This stage is listed twice.'));
    }
    seenStages.add(stage.stageId);
    if (stage.touchPointIds.length > JOURNEY_LIMITS.touchPointsPerStage) {
      errors.push(
        fieldError(
          `stages.${i}.touchPointIds`,
          'TOO_LONG',
          `A stage holds at most ${JOURNEY_LIMITS.touchPointsPerStage} touch points.`,
        ),
      );
    }
    for (const [j, id] of stage.touchPointIds.entries()) {
      const field = `stages.${i}.touchPointIds.${j}`;
      if (!touchPointIds.has(id)) {
        errors.push(fieldError(field, 'NOT_FOUND', 'No live touch point of this journey has this id.'));
      } else if (seenTouchPoints.has(id)) {
        errors.push(fieldError(field, 'INVALID', 'This touch point is listed twice.'));
      }
      seenTouchPoints.add(id);
    }
  }
  if (!errors.length) {
    const missingStages = [...stageIds].filter((id) => !seenStages.has(id)).length;
    const missingTouchPoints = [...touchPointIds].filter((id) => !seenTouchPoints.has(id)).length;
    if (missingStages || missingTouchPoints) {
      errors.push(
        fieldError(
          'stages',
          'INVALID',
          `The new order leaves out ${describeMissing(missingStages, missingTouchPoints)}: list every live stage and touch point once.`,
        ),
      );
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: proposed.map(copyStage) };
}

function describeMissing(stages: number, touchPoints: number): string {
  const parts = [];
  if (stages) parts.push(`${stages} stage${stages === 1 ? '' : 's'}`);
  if (touchPoints) parts.push(`${touchPoints} touch point${touchPoints === 1 ? '' : 's'}`);
  return parts.join(' and ');
}

/** A placement to store: where one stage or touch point now stands. */
export interface Placement {
  id: string;
  position: number;
}
export interface TouchPointPlacement extends Placement {
  stageId: string;
}

/** The positions an order gives: each stage's index, and each touch point's stage and index in it. */
export function placementsOf(order: JourneyOrder): {
  stages: Placement[];
  touchPoints: TouchPointPlacement[];
} {
  return {
    stages: order.map((stage, position) => ({ id: stage.stageId, position })),
    touchPoints: order.flatMap((stage) =>
      stage.touchPointIds.map((id, position) => ({ id, stageId: stage.stageId, position })),
    ),
  };
}

/** Only what moved between two orders of the same journey: the rows a reorder has to write. */
export function movedPlacements(
  before: JourneyOrder,
  after: JourneyOrder,
): { stages: Placement[]; touchPoints: TouchPointPlacement[] } {
  const was = placementsOf(before);
  const now = placementsOf(after);
  const stageAt = new Map(was.stages.map((s) => [s.id, s.position]));
  const pointAt = new Map(was.touchPoints.map((t) => [t.id, t]));
  return {
    stages: now.stages.filter((s) => stageAt.get(s.id) !== s.position),
    touchPoints: now.touchPoints.filter((t) => {
      const old = pointAt.get(t.id);
      return !old || old.stageId !== t.stageId || old.position !== t.position;
    }),
  };
}

/**
 * Orders stored rows by their positions into a journey order: stages by position (then id, so a damaged table still
 * reads the same way twice), touch points by position within their stage. Touch points of a stage not listed are
 * left out.
 */
export function orderOfRows(
  stages: readonly { id: string; position: number }[],
  touchPoints: readonly { id: string; stageId: string; position: number }[],
): JourneyOrder {
  const byPosition = (a: { id: string; position: number }, b: { id: string; position: number }) =>
    a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return [...stages].sort(byPosition).map((stage) => ({
    stageId: stage.id,
    touchPointIds: touchPoints
      .filter((t) => t.stageId === stage.id)
      .sort(byPosition)
      .map((t) => t.id),
  }));
}

function copyStage(stage: StageOrder): StageOrder {
  return { stageId: stage.stageId, touchPointIds: [...stage.touchPointIds] };
}
