import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { seed } from '../../../test/seed.js';
import { graphql } from '../../../test/generated/index.js';
import { createCategory, createTouchPoint } from '../../../test/complaint-factories.js';
import type { ComplaintRowInput, RecordComplaintInput } from '../../../test/generated/graphql.js';

graphql(`
  fragment ComplaintsTestComplaint on Complaint {
    id
    receivedAt
    channel
    touchPoint {
      id
    }
    category {
      id
      name
    }
    promiseKey
    promiseTitle
    severity
    whatHappened
    customerReference
    status
    resolvedAt
    resolution
    rootCause
    hoursToResolve
    externalReference
    revision
  }
`);
const RECORD = graphql(`
  mutation ComplaintsRecord($input: RecordComplaintInput!) {
    recordComplaint(input: $input) {
      complaint {
        ...ComplaintsTestComplaint
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);
const UPDATE = graphql(`
  mutation ComplaintsUpdate($input: UpdateComplaintInput!) {
    updateComplaint(input: $input) {
      complaint {
        ...ComplaintsTestComplaint
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);
const RECORD_MANY = graphql(`
  mutation ComplaintsRecordMany($input: RecordComplaintsInput!) {
    recordComplaints(input: $input) {
      complaints {
        id
        externalReference
        severity
        touchPoint {
          id
        }
      }
      added
      replaced
      unchanged
      userErrors {
        field
        code
        message
      }
    }
  }
`);
const READ = graphql(`
  query ComplaintsRead($id: ID!) {
    complaint(id: $id) {
      ...ComplaintsTestComplaint
      actions {
        id
        promise {
          promiseKey
        }
        touchPoint {
          id
        }
        complaint {
          id
        }
      }
    }
  }
`);
const LOG = graphql(`
  query ComplaintsLog($id: ID!, $first: Int, $after: String, $status: ComplaintStatus, $categoryId: ID) {
    client(id: $id) {
      complaints(first: $first, after: $after, status: $status, categoryId: $categoryId) {
        nodes {
          id
          whatHappened
        }
        pageInfo {
          hasNextPage
          endCursor
        }
        totalCount
      }
      complaintCategories {
        id
        name
      }
    }
  }
`);
const UPDATE_CATEGORY = graphql(`
  mutation ComplaintsUpdateCategory($input: UpdateComplaintCategoryInput!) {
    updateComplaintCategory(input: $input) {
      complaintCategory {
        id
        name
      }
      userErrors {
        field
        code
      }
    }
  }
`);
const CREATE_CATEGORY = graphql(`
  mutation ComplaintsCreateCategory($input: CreateComplaintCategoryInput!) {
    createComplaintCategory(input: $input) {
      complaintCategory {
        id
      }
      userErrors {
        field
        code
      }
    }
  }
`);
const REMOVE_CATEGORY = graphql(`
  mutation ComplaintsRemoveCategory($input: RemoveComplaintCategoryInput!) {
    removeComplaintCategory(input: $input) {
      removedComplaintCategoryId
      archived
      userErrors {
        field
        code
      }
    }
  }
`);
const RAISE = graphql(`
  mutation ComplaintsRaiseAction($input: RaiseComplaintActionInput!) {
    raiseComplaintAction(input: $input) {
      action {
        id
        promise {
          promiseKey
        }
        touchPoint {
          id
        }
        complaint {
          id
        }
      }
      userErrors {
        field
        code
      }
    }
  }
`);
const RAISE_FROM_CATEGORY = graphql(`
  mutation ComplaintsRaiseCategoryAction($input: RaiseComplaintCategoryActionInput!) {
    raiseComplaintCategoryAction(input: $input) {
      action {
        id
        complaintCategory {
          id
        }
      }
      userErrors {
        field
        code
      }
    }
  }
`);
const CREATE_KEY = graphql(`
  mutation ComplaintsCreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      userErrors {
        field
        message
      }
    }
  }
`);

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

const world = async () => {
  const w = await seed(api).consultancy().client().leader().consultant().charter({ published: true });
  const categoryId = await createCategory(api, w.admin, w.client, 'Waiting times');
  const touchPointId = await createTouchPoint(api, w.admin, w.client);
  return { ...w, categoryId, touchPointId };
};

const complaintOf = (
  w: { client: string; categoryId: string },
  extra: Partial<RecordComplaintInput> = {},
) => ({
  clientId: w.client,
  receivedAt: '2026-01-05T09:30:00Z',
  channel: 'PHONE' as const,
  categoryId: w.categoryId,
  severity: 'HIGH' as const,
  whatHappened: 'Held for forty minutes, then the line dropped.',
  ...extra,
});

describe('recording a complaint', () => {
  it('records what happened, with its touch point and the promise it broke', async () => {
    const w = await world();
    const promiseKey = w.charter.promises[0]!.key;
    const answer = await api.graphql(
      RECORD,
      { input: complaintOf(w, { touchPointId: w.touchPointId, promiseKey, customerReference: 'CASE-118' }) },
      w.consultant,
    );
    expect(answer.data.recordComplaint.userErrors).toEqual([]);
    expect(answer.data.recordComplaint.complaint).toMatchObject({
      channel: 'PHONE',
      touchPoint: { id: w.touchPointId },
      category: { id: w.categoryId, name: 'Waiting times' },
      promiseKey,
      promiseTitle: 'We answer quickly',
      severity: 'HIGH',
      status: 'OPEN',
      customerReference: 'CASE-118',
      hoursToResolve: null,
      revision: 1,
    });
  });

  it('lets a client leader record for their own client, and no other', async () => {
    const w = await world();
    const own = await api.graphql(RECORD, { input: complaintOf(w) }, w.leader);
    expect(own.data.recordComplaint.userErrors).toEqual([]);
    const other = await seed(api, w.admin).client({}, 'otherClient');
    const otherCategory = await createCategory(api, w.admin, other.otherClient, 'Billing');
    const refused = await api.graphql(
      RECORD,
      { input: complaintOf({ client: other.otherClient, categoryId: otherCategory }) },
      w.leader,
    );
    expect(refused.data.recordComplaint).toEqual({
      complaint: null,
      userErrors: [{ field: 'clientId', code: 'NOT_FOUND', message: 'No client has this id.' }],
    });
  });

  it('refuses bad input, naming each field', async () => {
    const w = await world();
    const fields = async (extra: Partial<RecordComplaintInput>) =>
      (
        await api.graphql(RECORD, { input: complaintOf(w, extra) }, w.admin)
      ).data.recordComplaint.userErrors.map((e) => `${e.field}:${e.code}`);
    expect(await fields({ whatHappened: '  ' })).toEqual(['whatHappened:REQUIRED']);
    expect(await fields({ whatHappened: 'x'.repeat(4001) })).toEqual(['whatHappened:TOO_LONG']);
    expect(await fields({ receivedAt: '2999-01-01T00:00:00Z' })).toEqual(['receivedAt:INVALID']);
    expect(await fields({ resolvedAt: '2026-01-04T00:00:00Z', resolution: 'Called back.' })).toEqual([
      'resolvedAt:INVALID',
    ]);
    expect(await fields({ resolvedAt: '2026-01-06T00:00:00Z' })).toEqual(['resolution:INVALID']);
    expect(await fields({ customerReference: 'r'.repeat(65) })).toEqual(['customerReference:TOO_LONG']);
    expect(await fields({ promiseKey: 'no-such-promise' })).toEqual(['promiseKey:NOT_FOUND']);
    expect(await fields({ categoryId: '00000000-0000-4000-8000-000000000000' })).toEqual([
      'categoryId:NOT_FOUND',
    ]);
    expect(await fields({ touchPointId: '00000000-0000-4000-8000-000000000000' })).toEqual([
      'touchPointId:NOT_FOUND',
    ]);
  });

  it('answers another consultancy’s category, touch point and client like unknown ids', async () => {
    const w = await world();
    const them = await world();
    const answer = async (input: RecordComplaintInput) =>
      (await api.graphql(RECORD, { input }, w.admin)).data.recordComplaint.userErrors;
    expect(await answer(complaintOf(w, { categoryId: them.categoryId }))).toEqual([
      {
        field: 'categoryId',
        code: 'NOT_FOUND',
        message: 'No complaint category of this client has this id.',
      },
    ]);
    expect(await answer(complaintOf(w, { touchPointId: them.touchPointId }))).toEqual([
      { field: 'touchPointId', code: 'NOT_FOUND', message: 'No touch point of this client has this id.' },
    ]);
    expect(await answer(complaintOf({ client: them.client, categoryId: them.categoryId }))).toEqual([
      { field: 'clientId', code: 'NOT_FOUND', message: 'No client has this id.' },
    ]);
    const theirs = await api.graphql(RECORD, { input: complaintOf(them) }, them.admin);
    const id = theirs.data.recordComplaint.complaint!.id;
    expect((await api.graphql(READ, { id }, w.admin)).data.complaint).toBeNull();
    const update = await api.graphql(
      UPDATE,
      { input: { id, expectedRevision: 1, severity: 'LOW' } },
      w.admin,
    );
    const unknown = await api.graphql(
      UPDATE,
      { input: { id: '00000000-0000-4000-8000-000000000000', expectedRevision: 1, severity: 'LOW' } },
      w.admin,
    );
    expect(update.data.updateComplaint).toEqual(unknown.data.updateComplaint);
    expect(update.data.updateComplaint.userErrors).toEqual([
      { field: 'id', code: 'NOT_FOUND', message: 'No complaint has this id.' },
    ]);
  });

  it('keeps markup in its texts as text', async () => {
    const w = await world();
    const markup = '<script>alert("x")</script><b>rude</b> & "quoted"';
    const answer = await api.graphql(
      RECORD,
      { input: complaintOf(w, { whatHappened: markup, rootCause: '<img src=x onerror=alert(1)>' }) },
      w.admin,
    );
    const read = await api.graphql(READ, { id: answer.data.recordComplaint.complaint!.id }, w.leader);
    expect(read.data.complaint?.whatHappened).toBe(markup);
    expect(read.data.complaint?.rootCause).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('resolving a complaint', () => {
  it('needs when and how, at or after it was received, on the revision last seen', async () => {
    const w = await world();
    const recorded = (await api.graphql(RECORD, { input: complaintOf(w) }, w.admin)).data.recordComplaint
      .complaint!;
    const early = await api.graphql(
      UPDATE,
      {
        input: {
          id: recorded.id,
          expectedRevision: 1,
          resolvedAt: '2026-01-05T09:00:00Z',
          resolution: 'Refund.',
        },
      },
      w.leader,
    );
    expect(early.data.updateComplaint.userErrors.map((e) => e.field)).toEqual(['resolvedAt']);
    const resolved = await api.graphql(
      UPDATE,
      {
        input: {
          id: recorded.id,
          expectedRevision: 1,
          resolvedAt: '2026-01-06T11:30:00Z',
          resolution: 'Called back and refunded the call.',
          rootCause: 'Rota gap on Mondays',
        },
      },
      w.leader,
    );
    expect(resolved.data.updateComplaint.complaint).toMatchObject({
      status: 'RESOLVED',
      hoursToResolve: 26,
      rootCause: 'Rota gap on Mondays',
      revision: 2,
    });
    const stale = await api.graphql(
      UPDATE,
      { input: { id: recorded.id, expectedRevision: 1, severity: 'LOW' } },
      w.admin,
    );
    expect(stale.data.updateComplaint.userErrors.map((e) => e.code)).toEqual(['CONFLICT']);
    const nothing = await api.graphql(UPDATE, { input: { id: recorded.id, expectedRevision: 2 } }, w.admin);
    expect(nothing.data.updateComplaint.userErrors.map((e) => e.code)).toEqual(['REQUIRED']);
  });
});

describe('the complaint log', () => {
  it('pages newest first and filters', async () => {
    const w = await world();
    for (const day of ['01', '02', '03']) {
      await api.graphql(
        RECORD,
        { input: complaintOf(w, { receivedAt: `2026-02-${day}T10:00:00Z`, whatHappened: `Day ${day}` }) },
        w.admin,
      );
    }
    const first = await api.graphql(LOG, { id: w.client, first: 2 }, w.leader);
    expect(first.data.client?.complaints.nodes.map((c) => c.whatHappened)).toEqual(['Day 03', 'Day 02']);
    expect(first.data.client?.complaints.totalCount).toBe(3);
    const next = await api.graphql(
      LOG,
      { id: w.client, first: 2, after: first.data.client!.complaints.pageInfo.endCursor },
      w.leader,
    );
    expect(next.data.client?.complaints.nodes.map((c) => c.whatHappened)).toEqual(['Day 01']);
    expect(next.data.client?.complaints.pageInfo.hasNextPage).toBe(false);
    const resolved = await api.graphql(LOG, { id: w.client, status: 'RESOLVED' }, w.leader);
    expect(resolved.data.client?.complaints.nodes).toEqual([]);
  });
});

describe('complaint categories', () => {
  it('are archived, not deleted, when only an action points at them', async () => {
    const w = await world();
    const raised = await api.graphql(
      RAISE_FROM_CATEGORY,
      {
        input: {
          categoryId: w.categoryId,
          description: 'Add a Saturday shift',
          ownerId: w.consultant.memberId,
        },
      },
      w.admin,
    );
    expect(raised.data.raiseComplaintCategoryAction.userErrors).toEqual([]);
    const removed = await api.graphql(REMOVE_CATEGORY, { input: { id: w.categoryId } }, w.admin);
    expect(removed.data.removeComplaintCategory).toEqual({
      removedComplaintCategoryId: w.categoryId,
      archived: true,
      userErrors: [],
    });
  });

  it('are the client’s own list: unique names, archived when in use', async () => {
    const w = await world();
    const taken = await api.graphql(
      CREATE_CATEGORY,
      { input: { clientId: w.client, name: ' waiting TIMES ' } },
      w.admin,
    );
    expect(taken.data.createComplaintCategory.userErrors).toEqual([{ field: 'name', code: 'TAKEN' }]);
    const blank = await api.graphql(CREATE_CATEGORY, { input: { clientId: w.client, name: '' } }, w.admin);
    expect(blank.data.createComplaintCategory.userErrors).toEqual([{ field: 'name', code: 'REQUIRED' }]);
    const renamed = await api.graphql(
      UPDATE_CATEGORY,
      { input: { id: w.categoryId, name: 'Waiting' } },
      w.leader,
    );
    expect(renamed.data.updateComplaintCategory.complaintCategory?.name).toBe('Waiting');
    const spare = await createCategory(api, w.admin, w.client, 'Spare');
    expect(
      (await api.graphql(REMOVE_CATEGORY, { input: { id: spare } }, w.admin)).data.removeComplaintCategory,
    ).toEqual({
      removedComplaintCategoryId: spare,
      archived: false,
      userErrors: [],
    });
    await api.graphql(RECORD, { input: complaintOf(w) }, w.admin);
    const archived = await api.graphql(REMOVE_CATEGORY, { input: { id: w.categoryId } }, w.admin);
    expect(archived.data.removeComplaintCategory.archived).toBe(true);
    const log = await api.graphql(LOG, { id: w.client }, w.admin);
    expect(log.data.client?.complaintCategories).toEqual([]);
    const onArchived = await api.graphql(RECORD, { input: complaintOf(w) }, w.admin);
    expect(onArchived.data.recordComplaint.userErrors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'categoryId:NOT_ALLOWED',
    ]);
    const them = await world();
    const foreign = await api.graphql(
      UPDATE_CATEGORY,
      { input: { id: them.categoryId, name: 'Mine' } },
      w.admin,
    );
    expect(foreign.data.updateComplaintCategory.userErrors).toEqual([{ field: 'id', code: 'NOT_FOUND' }]);
  });
});

describe('a batch from the client’s CRM', () => {
  const row = (extra: Partial<ComplaintRowInput> = {}): ComplaintRowInput => ({
    receivedAt: '2026-03-02T08:00:00Z',
    channel: 'EMAIL',
    category: 'waiting times',
    severity: 'MEDIUM',
    whatHappened: 'No answer to two emails.',
    ...extra,
  });

  it('is all or nothing, naming each bad row', async () => {
    const w = await world();
    const answer = await api.graphql(
      RECORD_MANY,
      {
        input: {
          clientId: w.client,
          rows: [
            row(),
            row({ category: 'Parking' }),
            row({ receivedAt: '2999-01-01T00:00:00Z' }),
            row({ whatHappened: '' }),
          ],
        },
      },
      w.admin,
    );
    expect(answer.data.recordComplaints.userErrors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'rows.2.receivedAt:INVALID',
      'rows.3.whatHappened:REQUIRED',
    ]);
    const links = await api.graphql(
      RECORD_MANY,
      { input: { clientId: w.client, rows: [row(), row({ category: 'Parking' })] } },
      w.admin,
    );
    expect(links.data.recordComplaints.userErrors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'rows.1.category:NOT_FOUND',
    ]);
    expect(await api.countRows('complaints', w.admin.tenantId)).toBe(0);
  });

  it('names the touch point by name: trimmed, without case, among the client’s current ones only', async () => {
    const w = await world();
    const other = await seed(api).consultancy().client();
    await createTouchPoint(api, other.admin, other.client, 'Branch desk');
    const [stage] = await api.ownerQuery<{ id: string }>(
      `SELECT id FROM journey_stages WHERE tenant_id = $1 AND client_id = $2`,
      [w.admin.tenantId, w.client],
    );
    for (const [position, name, archived] of [
      [1, 'Shop counter', false],
      [2, 'shop counter', false],
      [3, 'Old kiosk', true],
    ] as const) {
      await api.ownerQuery(
        `INSERT INTO touch_points (tenant_id, client_id, stage_id, name, channel, owning_team, position, archived_at)
         VALUES ($1, $2, $3, $4, 'BRANCH', 'Shops', $5, $6)`,
        [w.admin.tenantId, w.client, stage!.id, name, position, archived ? new Date() : null],
      );
    }
    const bad = await api.graphql(
      RECORD_MANY,
      {
        input: {
          clientId: w.client,
          rows: [
            row({ touchPointName: '  PHONE line ' }),
            row({ touchPointName: 'Helpline' }),
            row({ touchPointName: 'Shop Counter' }),
            row({ touchPointName: 'Old kiosk' }),
            row({ touchPointName: 'Branch desk' }),
            row({ touchPointName: 'Phone line', touchPointId: w.touchPointId }),
            row({ touchPointName: 'Helpline', category: 'Parking' }),
          ],
        },
      },
      w.admin,
    );
    expect(bad.data.recordComplaints.userErrors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'rows.5.touchPointName:INVALID',
    ]);
    const unknown = await api.graphql(
      RECORD_MANY,
      {
        input: {
          clientId: w.client,
          rows: [
            row({ touchPointName: '  PHONE line ' }),
            row({ touchPointName: 'Helpline' }),
            row({ touchPointName: 'Shop Counter' }),
            row({ touchPointName: 'Old kiosk' }),
            row({ touchPointName: 'Branch desk' }),
            row({ touchPointName: 'Helpline', category: 'Parking' }),
          ],
        },
      },
      w.admin,
    );
    expect(unknown.data.recordComplaints.userErrors).toEqual([
      {
        field: 'rows.1.touchPointName',
        code: 'NOT_FOUND',
        message:
          'The client’s journey has no current touch point named “Helpline”: use a name from the journey, or leave it empty.',
      },
      {
        field: 'rows.2.touchPointName',
        code: 'CONFLICT',
        message:
          '2 touch points of the client’s journey are named “Shop Counter”: rename one of them, or give the touch point’s id instead.',
      },
      expect.objectContaining({ field: 'rows.3.touchPointName', code: 'NOT_FOUND' }),
      expect.objectContaining({ field: 'rows.4.touchPointName', code: 'NOT_FOUND' }),
      expect.objectContaining({ field: 'rows.5.touchPointName', code: 'NOT_FOUND' }),
      expect.objectContaining({ field: 'rows.5.category', code: 'NOT_FOUND' }),
    ]);
    expect(await api.countRows('complaints', w.admin.tenantId)).toBe(0);

    const good = await api.graphql(
      RECORD_MANY,
      { input: { clientId: w.client, rows: [row({ touchPointName: '  PHONE line ' }), row()] } },
      w.admin,
    );
    expect(good.data.recordComplaints.userErrors).toEqual([]);
    expect(good.data.recordComplaints.complaints?.map((c) => c.touchPoint?.id ?? null)).toEqual([
      w.touchPointId,
      null,
    ]);
  });

  it('checks without writing on a dry run', async () => {
    const w = await world();
    const dry = await api.graphql(
      RECORD_MANY,
      { input: { clientId: w.client, rows: [row(), row()], dryRun: true } },
      w.admin,
    );
    expect(dry.data.recordComplaints).toMatchObject({
      complaints: null,
      added: 2,
      replaced: 0,
      userErrors: [],
    });
    expect(await api.countRows('complaints', w.admin.tenantId)).toBe(0);
  });

  it('replaces, not duplicates, a complaint sent again with its external reference', async () => {
    const w = await world();
    const key = await api.graphql(
      CREATE_KEY,
      { input: { name: 'Client CRM', scopes: ['COMPLAINTS_WRITE'], clientId: w.client } },
      w.admin,
    );
    const token = key.data.createApiKey.secret!;
    const send = (rows: ComplaintRowInput[]) =>
      api.graphql(RECORD_MANY, { input: { clientId: w.client, rows } }, { token });
    const first = await send([row({ externalReference: 'CRM-1' }), row({ externalReference: 'CRM-2' })]);
    expect(first.data.recordComplaints).toMatchObject({
      added: 2,
      replaced: 0,
      unchanged: 0,
      userErrors: [],
    });
    const again = await send([
      row({ externalReference: 'CRM-1' }),
      row({ externalReference: 'CRM-2', severity: 'CRITICAL' }),
    ]);
    expect(again.data.recordComplaints).toMatchObject({
      added: 0,
      replaced: 1,
      unchanged: 1,
      userErrors: [],
    });
    expect(again.data.recordComplaints.complaints?.map((c) => c.id)).toEqual(
      first.data.recordComplaints.complaints?.map((c) => c.id),
    );
    expect(again.data.recordComplaints.complaints?.[1]?.severity).toBe('CRITICAL');
    expect(await api.countRows('complaints', w.admin.tenantId)).toBe(2);
    const twice = await send([row({ externalReference: 'CRM-3' }), row({ externalReference: 'CRM-3' })]);
    expect(twice.data.recordComplaints.userErrors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'rows.1.externalReference:CONFLICT',
    ]);
  });

  it('stores one complaint when two first sends of a reference arrive at once, the later replacing it', async () => {
    const w = await world();
    const send = (severity: ComplaintRowInput['severity']) =>
      api.graphql(
        RECORD_MANY,
        { input: { clientId: w.client, rows: [row({ externalReference: 'CRM-RACE', severity })] } },
        w.admin,
      );
    const answers = await Promise.all([send('LOW'), send('HIGH')]);
    for (const answer of answers) expect(answer.data.recordComplaints.userErrors).toEqual([]);
    const counts = answers.map((a) => `${a.data.recordComplaints.added}/${a.data.recordComplaints.replaced}`);
    expect(counts.sort()).toEqual(['0/1', '1/0']);
    const ids = answers.map((a) => a.data.recordComplaints.complaints?.[0]?.id);
    expect(ids[0]).toBe(ids[1]);
    expect(await api.countRows('complaints', w.admin.tenantId)).toBe(1);
  });

  it('lets a client-fenced key write only its own client’s complaints', async () => {
    const w = await world();
    const other = await seed(api, w.admin).client({}, 'otherClient');
    await createCategory(api, w.admin, other.otherClient, 'Waiting times');
    const key = await api.graphql(
      CREATE_KEY,
      { input: { name: 'Client CRM', scopes: ['COMPLAINTS_WRITE'], clientId: w.client } },
      w.admin,
    );
    const refused = await api.graphql(
      RECORD_MANY,
      { input: { clientId: other.otherClient, rows: [row()] } },
      { token: key.data.createApiKey.secret! },
    );
    expect(refused.data.recordComplaints.userErrors).toEqual([
      { field: 'clientId', code: 'NOT_FOUND', message: 'No client has this id.' },
    ]);
    const readOnly = await api.graphql(
      CREATE_KEY,
      { input: { name: 'BI', scopes: ['COMPLAINTS_READ'], clientId: w.client } },
      w.admin,
    );
    const forbidden = await api.graphql(
      RECORD_MANY,
      { input: { clientId: w.client, rows: [row()] } },
      { token: readOnly.data.createApiKey.secret! },
    );
    expect(forbidden.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      requires: 'complaint:write',
    });
  });
});

describe('an action from a complaint', () => {
  it('follows the complaint’s promise and touch point, and links back', async () => {
    const w = await world();
    const promiseKey = w.charter.promises[0]!.key;
    const complaint = (
      await api.graphql(
        RECORD,
        { input: complaintOf(w, { touchPointId: w.touchPointId, promiseKey }) },
        w.leader,
      )
    ).data.recordComplaint.complaint!;
    const raised = await api.graphql(
      RAISE,
      {
        input: {
          complaintId: complaint.id,
          description: 'Cover the Monday rota',
          ownerId: w.consultant.memberId,
        },
      },
      w.consultant,
    );
    expect(raised.data.raiseComplaintAction).toMatchObject({
      action: {
        promise: { promiseKey },
        touchPoint: { id: w.touchPointId },
        complaint: { id: complaint.id },
      },
      userErrors: [],
    });
    const read = await api.graphql(READ, { id: complaint.id }, w.admin);
    expect(read.data.complaint?.actions.map((a) => a.id)).toEqual([
      raised.data.raiseComplaintAction.action!.id,
    ]);
    const bad = await api.graphql(
      RAISE,
      { input: { complaintId: complaint.id, description: '', ownerId: w.consultant.memberId } },
      w.consultant,
    );
    expect(bad.data.raiseComplaintAction.userErrors.map((e) => e.field)).toEqual(['description']);
    const them = await world();
    const foreign = await api.graphql(
      RAISE,
      { input: { complaintId: complaint.id, description: 'Mine now', ownerId: them.admin.memberId } },
      them.admin,
    );
    expect(foreign.data.raiseComplaintAction.userErrors).toEqual([
      { field: 'complaintId', code: 'NOT_FOUND' },
    ]);
    const fromCategory = await api.graphql(
      RAISE_FROM_CATEGORY,
      { input: { categoryId: w.categoryId, description: 'Review staffing', ownerId: w.consultant.memberId } },
      w.admin,
    );
    expect(fromCategory.data.raiseComplaintCategoryAction.action?.complaintCategory?.id).toBe(w.categoryId);
  });
});
