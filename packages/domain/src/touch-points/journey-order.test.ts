import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkNewOrder,
  moveItem,
  moveStage,
  moveTouchPoint,
  movedPlacements,
  orderOfRows,
  placementsOf,
  stepStage,
  stepTouchPoint,
  type JourneyOrder,
} from './journey-order.js';
import { stageRemovalRefusal, touchPointInput } from './touch-point-input.js';
import { check } from '../validation/field-errors.js';

// A bank's journey: finding us (advert, website), joining (branch visit, welcome call), getting help (phone line).
const journey: JourneyOrder = [
  { stageId: 'find', touchPointIds: ['advert', 'website'] },
  { stageId: 'join', touchPointIds: ['branch', 'welcome'] },
  { stageId: 'help', touchPointIds: ['phone'] },
];

describe('moving within the journey (worked examples)', () => {
  it('moves an item to a new index, the others closing up behind it', () => {
    expect(moveItem(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(['a', 'b', 'c', 'd'], 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveItem(['a', 'b'], 0, 99)).toEqual(['b', 'a']);
  });

  it('moves the welcome call to the top of "getting help": both stages renumber from 0', () => {
    const next = moveTouchPoint(journey, 'welcome', 'help', 0);
    expect(next).toEqual([
      { stageId: 'find', touchPointIds: ['advert', 'website'] },
      { stageId: 'join', touchPointIds: ['branch'] },
      { stageId: 'help', touchPointIds: ['welcome', 'phone'] },
    ]);
    expect(placementsOf(next).touchPoints.filter((t) => t.stageId === 'help')).toEqual([
      { id: 'welcome', stageId: 'help', position: 0 },
      { id: 'phone', stageId: 'help', position: 1 },
    ]);
    // Only what moved is written: the welcome call, and the phone line pushed down one place.
    expect(movedPlacements(journey, next).touchPoints.map((t) => t.id)).toEqual(['welcome', 'phone']);
    expect(movedPlacements(journey, next).stages).toEqual([]);
  });

  it('moves a stage, keeping its touch points', () => {
    expect(moveStage(journey, 'help', 0).map((s) => s.stageId)).toEqual(['help', 'find', 'join']);
    expect(moveStage(journey, 'help', 0)[0]!.touchPointIds).toEqual(['phone']);
  });

  it('steps by keyboard: earlier and later inside a stage, to the end of the neighbouring stage', () => {
    expect(stepTouchPoint(journey, 'website', 'EARLIER')![0]!.touchPointIds).toEqual(['website', 'advert']);
    expect(stepTouchPoint(journey, 'advert', 'EARLIER')).toBeNull();
    expect(stepTouchPoint(journey, 'website', 'LATER')).toBeNull();
    expect(stepTouchPoint(journey, 'branch', 'NEXT_STAGE')![2]!.touchPointIds).toEqual(['phone', 'branch']);
    expect(stepTouchPoint(journey, 'advert', 'PREVIOUS_STAGE')).toBeNull();
    expect(stepTouchPoint(journey, 'phone', 'NEXT_STAGE')).toBeNull();
    expect(stepStage(journey, 'join', 'EARLIER')!.map((s) => s.stageId)).toEqual(['join', 'find', 'help']);
    expect(stepStage(journey, 'find', 'EARLIER')).toBeNull();
    expect(stepStage(journey, 'help', 'LATER')).toBeNull();
    expect(stepStage(journey, 'find', 'LATER')!.map((s) => s.stageId)).toEqual(['join', 'find', 'help']);
    expect(stepStage(journey, 'nowhere', 'LATER')).toBeNull();
  });

  it('reads stored rows back into order, positions first, ids breaking ties', () => {
    const order = orderOfRows(
      [
        { id: 's2', position: 1 },
        { id: 's1', position: 0 },
      ],
      [
        { id: 't3', stageId: 's1', position: 1 },
        { id: 't1', stageId: 's1', position: 0 },
        { id: 't2', stageId: 's2', position: 0 },
      ],
    );
    expect(order).toEqual([
      { stageId: 's1', touchPointIds: ['t1', 't3'] },
      { stageId: 's2', touchPointIds: ['t2'] },
    ]);
  });
});

describe('checking a new order against the journey', () => {
  it('takes any rearrangement of the same stages and touch points', () => {
    const next = moveTouchPoint(moveStage(journey, 'help', 0), 'advert', 'help', 1);
    expect(checkNewOrder(journey, next)).toEqual({ ok: true, value: next });
  });

  it('names the field of an unknown, a repeated, and a left-out item', () => {
    const bad = checkNewOrder(journey, [
      { stageId: 'find', touchPointIds: ['advert', 'advert'] },
      { stageId: 'elsewhere', touchPointIds: [] },
      { stageId: 'help', touchPointIds: ['phone', 'nowhere'] },
    ]);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.map((e) => [e.field, e.code])).toEqual([
      ['stages.0.touchPointIds.1', 'INVALID'],
      ['stages.1.stageId', 'NOT_FOUND'],
      ['stages.2.touchPointIds.1', 'NOT_FOUND'],
    ]);
    const short = checkNewOrder(journey, journey.slice(0, 2));
    expect(short).toMatchObject({ ok: false, errors: [{ field: 'stages', code: 'INVALID' }] });
    if (!short.ok) expect(short.errors[0]!.message).toContain('1 stage and 1 touch point');
  });
});

describe('touch point input', () => {
  it('trims names and teams, refuses an unknown channel on its field, and defaults the moment of truth', () => {
    const ok = check(touchPointInput, {
      name: '  Welcome call ',
      channel: 'PHONE',
      owningTeam: ' Onboarding ',
    });
    expect(ok).toEqual({
      ok: true,
      value: { name: 'Welcome call', channel: 'PHONE', owningTeam: 'Onboarding', momentOfTruth: false },
    });
    const bad = check(touchPointInput, { name: '   ', channel: 'PIGEON', owningTeam: '' });
    expect(bad.ok ? [] : bad.errors.map((e) => e.field)).toEqual(['name', 'channel', 'owningTeam']);
  });

  it('lets only an empty stage be removed', () => {
    expect(stageRemovalRefusal(0)).toBeNull();
    expect(stageRemovalRefusal(2)).toMatch(/still has 2 touch points/);
  });
});

/** Journeys of up to 6 stages with up to 6 touch points each, with distinct ids. */
const journeys = fc.array(fc.nat({ max: 6 }), { maxLength: 6 }).map((sizes): JourneyOrder =>
  sizes.map((n, s) => ({
    stageId: `s${s}`,
    touchPointIds: Array.from({ length: n }, (_, t) => `s${s}t${t}`),
  })),
);

const allTouchPoints = (order: JourneyOrder) => order.flatMap((s) => s.touchPointIds).sort();
const dense = (order: JourneyOrder) => {
  const placed = placementsOf(order);
  const stagesDense = placed.stages.every((s, i) => s.position === i);
  const pointsDense = order.every((stage) =>
    placed.touchPoints.filter((t) => t.stageId === stage.stageId).every((t, i) => t.position === i),
  );
  return stagesDense && pointsDense;
};

describe('reorder properties', () => {
  it('a move of a touch point keeps the same set, positions dense, and passes the check', () => {
    fc.assert(
      fc.property(journeys, fc.nat(), fc.nat(), fc.nat(), (order, pick, stagePick, to) => {
        const ids = order.flatMap((s) => s.touchPointIds);
        fc.pre(ids.length > 0);
        const id = ids[pick % ids.length]!;
        const target = order[stagePick % order.length]!.stageId;
        const next = moveTouchPoint(order, id, target, to % 8);
        expect(allTouchPoints(next)).toEqual(allTouchPoints(order));
        expect(next.map((s) => s.stageId)).toEqual(order.map((s) => s.stageId));
        expect(locateTouchPointStage(next, id)).toBe(target);
        expect(dense(next)).toBe(true);
        expect(checkNewOrder(order, next).ok).toBe(true);
      }),
    );
  });

  it('a move of a stage keeps every stage with its own touch points', () => {
    fc.assert(
      fc.property(journeys, fc.nat(), fc.nat(), (order, pick, to) => {
        fc.pre(order.length > 0);
        const stage = order[pick % order.length]!;
        const next = moveStage(order, stage.stageId, to % 8);
        expect([...next].sort(byStage)).toEqual([...order].sort(byStage));
        expect(checkNewOrder(order, next).ok).toBe(true);
      }),
    );
  });

  it('writing only the moved placements over the old rows gives the new order', () => {
    fc.assert(
      fc.property(journeys, fc.nat(), fc.nat(), fc.nat(), (order, pick, stagePick, to) => {
        const ids = order.flatMap((s) => s.touchPointIds);
        fc.pre(ids.length > 0);
        const next = moveStage(
          moveTouchPoint(order, ids[pick % ids.length]!, order[stagePick % order.length]!.stageId, to % 8),
          order[stagePick % order.length]!.stageId,
          pick % 8,
        );
        const rows = placementsOf(order);
        const moved = movedPlacements(order, next);
        const stages = rows.stages.map((s) => moved.stages.find((m) => m.id === s.id) ?? s);
        const points = rows.touchPoints.map((t) => moved.touchPoints.find((m) => m.id === t.id) ?? t);
        expect(orderOfRows(stages, points)).toEqual(next);
      }),
    );
  });

  it('a step and its opposite step bring the journey back', () => {
    fc.assert(
      fc.property(journeys, fc.nat(), (order, pick) => {
        const ids = order.flatMap((s) => s.touchPointIds);
        fc.pre(ids.length > 0);
        const id = ids[pick % ids.length]!;
        const later = stepTouchPoint(order, id, 'LATER');
        if (later) expect(stepTouchPoint(later, id, 'EARLIER')).toEqual(order);
        const earlier = stepTouchPoint(order, id, 'EARLIER');
        if (earlier) expect(stepTouchPoint(earlier, id, 'LATER')).toEqual(order);
      }),
    );
  });

  it('a stage step moves that stage exactly one place, its opposite brings it back, and only the ends refuse', () => {
    fc.assert(
      fc.property(journeys, fc.nat(), fc.boolean(), (order, pick, later) => {
        fc.pre(order.length > 0);
        const from = pick % order.length;
        const { stageId } = order[from]!;
        const step = later ? 'LATER' : 'EARLIER';
        const next = stepStage(order, stageId, step);
        const atEnd = later ? from === order.length - 1 : from === 0;
        expect(next === null).toBe(atEnd);
        if (!next) return;
        const to = from + (later ? 1 : -1);
        expect(next[to]).toEqual(order[from]);
        // Only the stage it swapped with moved besides itself.
        expect(next.filter((stage, i) => stage.stageId !== order[i]!.stageId)).toHaveLength(2);
        expect(checkNewOrder(order, next).ok).toBe(true);
        expect(stepStage(next, stageId, later ? 'EARLIER' : 'LATER')).toEqual(order);
        expect(movedPlacements(order, next).touchPoints).toEqual([]);
      }),
    );
  });

  it('refuses any order that drops or duplicates a touch point', () => {
    fc.assert(
      fc.property(journeys, fc.nat(), fc.boolean(), (order, pick, duplicate) => {
        const ids = order.flatMap((s) => s.touchPointIds);
        fc.pre(ids.length > 0);
        const id = ids[pick % ids.length]!;
        const next = order.map((s) => ({
          stageId: s.stageId,
          touchPointIds: duplicate ? [...s.touchPointIds, id] : s.touchPointIds.filter((t) => t !== id),
        }));
        expect(checkNewOrder(order, next).ok).toBe(false);
      }),
    );
  });
});

function byStage(a: { stageId: string }, b: { stageId: string }) {
  return a.stageId < b.stageId ? -1 : 1;
}

function locateTouchPointStage(order: JourneyOrder, id: string) {
  return order.find((s) => s.touchPointIds.includes(id))?.stageId;
}
