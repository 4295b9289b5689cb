import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInFramework, frameworkCriteria } from '@csp/domain';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { seed } from '../../../test/seed.js';
import type { SignedIn } from '../../../test/factories.js';
import { graphql } from '../../../test/generated/index.js';

graphql(`
  fragment JourneyTestJourney on CustomerJourney {
    revision
    momentsOfTruth
    stages {
      id
      name
      position
      touchPoints {
        id
        name
        channel
        owningTeam
        momentOfTruth
        position
      }
    }
  }
`);
const JOURNEY = graphql(`
  query JourneyOfClient($id: ID!) {
    client(id: $id) {
      journey {
        ...JourneyTestJourney
        changes {
          kind
          summary
          revision
          changedBy {
            id
          }
          touchPoint {
            id
          }
        }
      }
    }
  }
`);
const ADD_STAGE = graphql(`
  mutation JourneyAddStage($input: AddJourneyStageInput!) {
    addJourneyStage(input: $input) {
      stage {
        id
        name
        position
      }
      journey {
        revision
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const RENAME_STAGE = graphql(`
  mutation JourneyRenameStage($input: RenameJourneyStageInput!) {
    renameJourneyStage(input: $input) {
      stage {
        id
        name
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const REMOVE_STAGE = graphql(`
  mutation JourneyRemoveStage($input: RemoveJourneyStageInput!) {
    removeJourneyStage(input: $input) {
      stage {
        id
        archivedAt
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const ADD_TOUCH_POINT = graphql(`
  mutation JourneyAddTouchPoint($input: AddTouchPointInput!) {
    addTouchPoint(input: $input) {
      touchPoint {
        id
        name
        position
        momentOfTruth
      }
      journey {
        revision
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const UPDATE_TOUCH_POINT = graphql(`
  mutation JourneyUpdateTouchPoint($input: UpdateTouchPointInput!) {
    updateTouchPoint(input: $input) {
      touchPoint {
        id
        name
        channel
        owningTeam
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const SET_MOMENT = graphql(`
  mutation JourneySetMomentOfTruth($input: SetMomentOfTruthInput!) {
    setMomentOfTruth(input: $input) {
      touchPoint {
        id
        momentOfTruth
      }
      journey {
        revision
        momentsOfTruth
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const REMOVE_TOUCH_POINT = graphql(`
  mutation JourneyRemoveTouchPoint($input: RemoveTouchPointInput!) {
    removeTouchPoint(input: $input) {
      touchPoint {
        id
        archivedAt
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const REORDER = graphql(`
  mutation JourneyReorder($input: ReorderJourneyInput!) {
    reorderJourney(input: $input) {
      journey {
        ...JourneyTestJourney
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const LINK_PROMISE = graphql(`
  mutation JourneyLinkPromise($input: TouchPointPromiseInput!) {
    linkTouchPointPromise(input: $input) {
      touchPoint {
        id
        promises {
          promiseKey
          title
        }
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const UNLINK_PROMISE = graphql(`
  mutation JourneyUnlinkPromise($input: TouchPointPromiseInput!) {
    unlinkTouchPointPromise(input: $input) {
      touchPoint {
        id
        promises {
          promiseKey
        }
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const LINK_CRITERION = graphql(`
  mutation JourneyLinkCriterion($input: TouchPointCriterionInput!) {
    linkTouchPointCriterion(input: $input) {
      touchPoint {
        id
        criteria {
          frameworkKey
          criterionKey
        }
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const TOUCH_POINT = graphql(`
  query JourneyTouchPoint($id: ID!) {
    touchPoint(id: $id) {
      id
      name
      archivedAt
      stage {
        id
        name
      }
      client {
        id
      }
      promises {
        promiseKey
        title
        serviceLevel {
          id
          summary
        }
      }
      criteria {
        frameworkKey
        criterionKey
      }
      openActions {
        id
        description
      }
      changes {
        kind
        summary
      }
    }
  }
`);
const CREATE_ACTION = graphql(`
  mutation JourneyCreateAction($input: CreateActionInput!) {
    createAction(input: $input) {
      action {
        id
        touchPoint {
          id
          name
        }
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const world = () =>
  seed(api)
    .consultancy()
    .client()
    .leader()
    .consultant()
    .charter({
      content: {
        promises: [
          {
            title: 'We answer quickly',
            standard: { metric: 'Calls answered within 20 seconds', target: 90, unit: '%' },
          },
          { title: 'The first person you reach owns your problem' },
        ],
      },
    });

async function addStage(who: SignedIn, clientId: string, name: string, position?: number) {
  const answer = await api.graphql(ADD_STAGE, { input: { clientId, name, position } }, who);
  expect(answer.data.addJourneyStage.userErrors).toEqual([]);
  return answer.data.addJourneyStage.stage!;
}

async function addTouchPoint(
  who: SignedIn,
  stageId: string,
  name: string,
  more: { momentOfTruth?: boolean } = {},
) {
  const answer = await api.graphql(
    ADD_TOUCH_POINT,
    { input: { stageId, name, channel: 'PHONE', owningTeam: 'Contact centre', ...more } },
    who,
  );
  expect(answer.data.addTouchPoint.userErrors).toEqual([]);
  return answer.data.addTouchPoint.touchPoint!;
}

async function journeyOf(who: SignedIn, clientId: string) {
  const answer = await api.graphql(JOURNEY, { id: clientId }, who);
  expect(answer.errors).toBeUndefined();
  return answer.data.client!.journey;
}

const order = (journey: { stages: { id: string; touchPoints: { id: string }[] }[] }) =>
  journey.stages.map((s) => ({ stageId: s.id, touchPointIds: s.touchPoints.map((t) => t.id) }));

describe('building a journey', () => {
  it('adds stages and touch points in order, moves them between stages, and keeps positions dense', async () => {
    const { consultant, client, leader } = await world();
    const empty = await journeyOf(consultant, client);
    expect(empty).toMatchObject({ revision: 0, stages: [], momentsOfTruth: 0 });

    const find = await addStage(consultant, client, 'Finding us');
    const help = await addStage(consultant, client, 'Getting help');
    const join = await addStage(consultant, client, 'Joining', 1);
    expect([find.position, help.position, join.position]).toEqual([0, 1, 1]);
    const advert = await addTouchPoint(consultant, find.id, 'Radio advert');
    const website = await addTouchPoint(consultant, find.id, 'Website');
    const call = await addTouchPoint(consultant, help.id, 'First call', { momentOfTruth: true });
    expect([advert.position, website.position, call.position]).toEqual([0, 1, 0]);

    const journey = await journeyOf(consultant, client);
    expect(journey.stages.map((s) => [s.name, s.position])).toEqual([
      ['Finding us', 0],
      ['Joining', 1],
      ['Getting help', 2],
    ]);
    expect(journey.momentsOfTruth).toBe(1);

    // Move the website to the start of "Joining" and "Getting help" first.
    const next = [
      { stageId: help.id, touchPointIds: [call.id] },
      { stageId: find.id, touchPointIds: [advert.id] },
      { stageId: join.id, touchPointIds: [website.id] },
    ];
    const reordered = await api.graphql(
      REORDER,
      { input: { clientId: client, expectedRevision: journey.revision, stages: next } },
      consultant,
    );
    expect(reordered.data.reorderJourney.userErrors).toEqual([]);
    const after = reordered.data.reorderJourney.journey!;
    expect(order(after)).toEqual(next);
    for (const stage of after.stages) {
      expect(stage.touchPoints.map((t) => t.position)).toEqual(stage.touchPoints.map((_, i) => i));
    }
    expect(after.stages.map((s) => s.position)).toEqual([0, 1, 2]);

    // The leader reads the same journey, and its history in plain words, newest first.
    const seen = await journeyOf(leader, client);
    expect(order(seen)).toEqual(next);
    const summaries = seen.changes.map((c) => c.summary);
    expect(summaries).toContain('Moved the touch point “Website” from “Finding us” to “Joining”.');
    expect(summaries).toContain('Put the stages in a new order: “Getting help”, “Finding us”, “Joining”.');
    expect(summaries).toContain('Marked “First call” as a moment of truth.');
    expect(summaries.at(-1)).toBe('Added the stage “Finding us”.');
    expect(seen.changes[0]!.revision).toBe(after.revision);
    expect(seen.changes[0]!.changedBy).toEqual({ id: consultant.memberId });
  });

  it('refuses an order made on a stale revision, and names each bad entry of an order', async () => {
    const { consultant, admin, client } = await world();
    const stage = await addStage(consultant, client, 'Joining');
    const a = await addTouchPoint(consultant, stage.id, 'Welcome pack');
    const b = await addTouchPoint(consultant, stage.id, 'Welcome call');
    const seen = await journeyOf(consultant, client);
    // Someone else changes the journey in the meantime.
    await api.graphql(SET_MOMENT, { input: { id: a.id, momentOfTruth: true } }, admin);
    const stale = await api.graphql(
      REORDER,
      {
        input: {
          clientId: client,
          expectedRevision: seen.revision,
          stages: [{ stageId: stage.id, touchPointIds: [b.id, a.id] }],
        },
      },
      consultant,
    );
    expect(stale.data.reorderJourney).toMatchObject({
      journey: null,
      userErrors: [{ field: 'expectedRevision', code: 'CONFLICT' }],
    });
    const now = await journeyOf(consultant, client);
    expect(order(now)).toEqual(order(seen));

    const bad = await api.graphql(
      REORDER,
      {
        input: {
          clientId: client,
          expectedRevision: now.revision,
          stages: [
            { stageId: stage.id, touchPointIds: [b.id, b.id, '00000000-0000-4000-8000-000000000000'] },
          ],
        },
      },
      consultant,
    );
    expect(bad.data.reorderJourney.userErrors.map((e) => [e.field, e.code])).toEqual([
      ['stages.0.touchPointIds.1', 'INVALID'],
      ['stages.0.touchPointIds.2', 'NOT_FOUND'],
    ]);
    const short = await api.graphql(
      REORDER,
      {
        input: {
          clientId: client,
          expectedRevision: now.revision,
          stages: [{ stageId: stage.id, touchPointIds: [b.id] }],
        },
      },
      consultant,
    );
    expect(short.data.reorderJourney.userErrors).toMatchObject([{ field: 'stages', code: 'INVALID' }]);
  });

  it('names the field of bad input, stores markup as text, and removes only empty stages', async () => {
    const { consultant, client } = await world();
    const blank = await api.graphql(ADD_STAGE, { input: { clientId: client, name: '   ' } }, consultant);
    expect(blank.data.addJourneyStage.userErrors).toMatchObject([{ field: 'name', code: 'REQUIRED' }]);
    const long = await api.graphql(
      ADD_STAGE,
      { input: { clientId: client, name: 'x'.repeat(201) } },
      consultant,
    );
    expect(long.data.addJourneyStage.userErrors).toMatchObject([{ field: 'name', code: 'TOO_LONG' }]);
    const negative = await api.graphql(
      ADD_STAGE,
      { input: { clientId: client, name: 'Ok', position: -1 } },
      consultant,
    );
    expect(negative.data.addJourneyStage.userErrors).toMatchObject([{ field: 'position', code: 'INVALID' }]);

    const stage = await addStage(consultant, client, '<b>Joining</b>');
    const noTeam = await api.graphql(
      ADD_TOUCH_POINT,
      { input: { stageId: stage.id, name: 'Call', channel: 'PHONE', owningTeam: ' ' } },
      consultant,
    );
    expect(noTeam.data.addTouchPoint.userErrors).toMatchObject([{ field: 'owningTeam', code: 'REQUIRED' }]);
    const point = await addTouchPoint(consultant, stage.id, '<script>alert(1)</script>');
    const journey = await journeyOf(consultant, client);
    expect(journey.stages[0]!.name).toBe('<b>Joining</b>');
    expect(journey.stages[0]!.touchPoints[0]!.name).toBe('<script>alert(1)</script>');

    const changed = await api.graphql(
      UPDATE_TOUCH_POINT,
      { input: { id: point.id, channel: 'CHAT', owningTeam: 'Digital' } },
      consultant,
    );
    expect(changed.data.updateTouchPoint.touchPoint).toMatchObject({
      channel: 'CHAT',
      owningTeam: 'Digital',
    });
    const badRename = await api.graphql(RENAME_STAGE, { input: { id: stage.id, name: '' } }, consultant);
    expect(badRename.data.renameJourneyStage.userErrors).toMatchObject([{ field: 'name', code: 'REQUIRED' }]);

    const notEmpty = await api.graphql(REMOVE_STAGE, { input: { id: stage.id } }, consultant);
    expect(notEmpty.data.removeJourneyStage.userErrors).toMatchObject([{ field: 'id', code: 'NOT_ALLOWED' }]);
    const removed = await api.graphql(REMOVE_TOUCH_POINT, { input: { id: point.id } }, consultant);
    expect(removed.data.removeTouchPoint.touchPoint!.archivedAt).toBeTruthy();
    const gone = await api.graphql(REMOVE_STAGE, { input: { id: stage.id } }, consultant);
    expect(gone.data.removeJourneyStage.userErrors).toEqual([]);
    expect((await journeyOf(consultant, client)).stages).toEqual([]);
    // The removed touch point's page stays readable, with its history.
    const page = await api.graphql(TOUCH_POINT, { id: point.id }, consultant);
    expect(page.data.touchPoint!.archivedAt).toBeTruthy();
    expect(page.data.touchPoint!.changes.map((c) => c.kind)).toContain('TOUCH_POINT_ARCHIVED');
  });
});

describe('who may see and change a journey', () => {
  it('lets a client leader read their journey but change nothing', async () => {
    const { consultant, leader, client } = await world();
    const stage = await addStage(consultant, client, 'Joining');
    const refused = await api.graphql(ADD_STAGE, { input: { clientId: client, name: 'Mine' } }, leader);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const rename = await api.graphql(RENAME_STAGE, { input: { id: stage.id, name: 'Mine' } }, leader);
    expect(rename.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await journeyOf(leader, client)).stages.map((s) => s.name)).toEqual(['Joining']);
  });

  it('answers another consultancy’s and another client’s ids exactly like unknown ones', async () => {
    const mine = await world();
    const stage = await addStage(mine.consultant, mine.client, 'Joining');
    const point = await addTouchPoint(mine.consultant, stage.id, 'Welcome call');
    const other = await seed(api).consultancy().client();
    const unknown = '00000000-0000-4000-8000-000000000000';

    for (const id of [point.id, unknown]) {
      const answer = await api.graphql(SET_MOMENT, { input: { id, momentOfTruth: true } }, other.admin);
      expect(answer.data.setMomentOfTruth).toEqual({
        touchPoint: null,
        journey: null,
        userErrors: [{ field: 'id', code: 'NOT_FOUND', message: 'No touch point has this id.' }],
      });
      const read = await api.graphql(TOUCH_POINT, { id }, other.admin);
      expect(read.data.touchPoint).toBeNull();
    }
    for (const stageId of [stage.id, unknown]) {
      const answer = await api.graphql(
        ADD_TOUCH_POINT,
        { input: { stageId, name: 'Mine', channel: 'WEB', owningTeam: 'Web' } },
        other.admin,
      );
      expect(answer.data.addTouchPoint.userErrors).toEqual([
        { field: 'stageId', code: 'NOT_FOUND', message: 'No stage has this id.' },
      ]);
    }
    for (const clientId of [mine.client, unknown]) {
      const answer = await api.graphql(
        REORDER,
        { input: { clientId, expectedRevision: 0, stages: [] } },
        other.admin,
      );
      expect(answer.data.reorderJourney.userErrors).toEqual([
        { field: 'clientId', code: 'NOT_FOUND', message: 'No client has this id.' },
      ]);
    }
    // Another client's leader in the same consultancy sees nothing of it either.
    const neighbour = await seed(api, mine.admin).client().leader();
    expect((await api.graphql(TOUCH_POINT, { id: point.id }, neighbour.leader)).data.touchPoint).toBeNull();
    // And an action for another client cannot name this client's touch point.
    const action = await api.graphql(
      CREATE_ACTION,
      {
        input: {
          clientId: neighbour.client,
          description: 'Call back',
          ownerId: mine.admin.memberId,
          touchPointId: point.id,
        },
      },
      mine.admin,
    );
    expect(action.data.createAction.userErrors).toMatchObject([{ field: 'touchPointId', code: 'NOT_FOUND' }]);
  });
});

describe('what a touch point is linked to', () => {
  it('links promises of the charter and criteria of the client’s audits, and gathers its evidence', async () => {
    const { consultant, admin, client, charter, leader } = await seed(api)
      .consultancy()
      .client()
      .leader()
      .consultant()
      .charter({ content: { promises: [{ title: 'We answer quickly' }, { title: 'We keep you informed' }] } })
      .audit();
    const stage = await addStage(consultant, client, 'Getting help');
    const point = await addTouchPoint(consultant, stage.id, 'Phone line', { momentOfTruth: true });
    const promise = charter.promises[0]!;

    const unknownPromise = await api.graphql(
      LINK_PROMISE,
      { input: { id: point.id, promiseKey: 'no-such-promise' } },
      consultant,
    );
    expect(unknownPromise.data.linkTouchPointPromise.userErrors).toMatchObject([
      { field: 'promiseKey', code: 'NOT_FOUND' },
    ]);
    const linked = await api.graphql(
      LINK_PROMISE,
      { input: { id: point.id, promiseKey: promise.key } },
      consultant,
    );
    expect(linked.data.linkTouchPointPromise).toMatchObject({
      userErrors: [],
      touchPoint: { promises: [{ promiseKey: promise.key, title: 'We answer quickly' }] },
    });
    // Linking twice changes nothing.
    await api.graphql(LINK_PROMISE, { input: { id: point.id, promiseKey: promise.key } }, consultant);

    const criterionKey = frameworkCriteria(builtInFramework('aeiou-values')!)[0]!.criterion.key;
    const notUsed = await api.graphql(
      LINK_CRITERION,
      { input: { id: point.id, frameworkKey: 'dime-maturity', criterionKey } },
      consultant,
    );
    expect(notUsed.data.linkTouchPointCriterion.userErrors).toMatchObject([
      { field: 'frameworkKey', code: 'NOT_FOUND' },
    ]);
    const noCriterion = await api.graphql(
      LINK_CRITERION,
      { input: { id: point.id, frameworkKey: 'aeiou-values', criterionKey: 'no-such-criterion' } },
      consultant,
    );
    expect(noCriterion.data.linkTouchPointCriterion.userErrors).toMatchObject([
      { field: 'criterionKey', code: 'NOT_FOUND' },
    ]);
    const criterion = await api.graphql(
      LINK_CRITERION,
      { input: { id: point.id, frameworkKey: 'aeiou-values', criterionKey } },
      consultant,
    );
    expect(criterion.data.linkTouchPointCriterion.touchPoint!.criteria).toEqual([
      { frameworkKey: 'aeiou-values', criterionKey },
    ]);

    const action = await api.graphql(
      CREATE_ACTION,
      {
        input: {
          clientId: client,
          description: 'Shorten the menu',
          ownerId: admin.memberId,
          touchPointId: point.id,
        },
      },
      admin,
    );
    expect(action.data.createAction.action!.touchPoint).toEqual({ id: point.id, name: 'Phone line' });

    const page = await api.graphql(TOUCH_POINT, { id: point.id }, leader);
    expect(page.data.touchPoint).toMatchObject({
      name: 'Phone line',
      stage: { name: 'Getting help' },
      promises: [{ promiseKey: promise.key, title: 'We answer quickly', serviceLevel: null }],
      criteria: [{ frameworkKey: 'aeiou-values', criterionKey }],
      openActions: [{ description: 'Shorten the menu' }],
    });
    expect(page.data.touchPoint!.changes.map((c) => c.kind)).toEqual([
      'CRITERION_LINKED',
      'PROMISE_LINKED',
      'MOMENT_OF_TRUTH_SET',
      'TOUCH_POINT_ADDED',
    ]);

    const unlinked = await api.graphql(
      UNLINK_PROMISE,
      { input: { id: point.id, promiseKey: promise.key } },
      consultant,
    );
    expect(unlinked.data.unlinkTouchPointPromise.touchPoint!.promises).toEqual([]);
    // A removed touch point keeps the action's link, but takes no new one.
    await api.graphql(REMOVE_TOUCH_POINT, { input: { id: point.id } }, consultant);
    const late = await api.graphql(
      CREATE_ACTION,
      {
        input: { clientId: client, description: 'Too late', ownerId: admin.memberId, touchPointId: point.id },
      },
      admin,
    );
    expect(late.data.createAction.userErrors).toMatchObject([{ field: 'touchPointId', code: 'NOT_ALLOWED' }]);
  });
});
