import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { addMember, createClient, signUpConsultancy, type SignedIn } from '../../../test/factories.js';
import { graphql } from '../../../test/generated/index.js';

graphql(`
  fragment ActionsTestAction on Action {
    id
    description
    status
    priority
    dueOn
    overdue
    revision
    owner {
      id
    }
    notes {
      body
      author {
        id
      }
    }
  }
`);
const CREATE = graphql(`
  mutation ActionsCreateAction($input: CreateActionInput!) {
    createAction(input: $input) {
      action {
        ...ActionsTestAction
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const UPDATE = graphql(`
  mutation ActionsUpdateAction($input: UpdateActionInput!) {
    updateAction(input: $input) {
      action {
        ...ActionsTestAction
        completedAt
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const UPDATE_OWN = graphql(`
  mutation ActionsUpdateOwnAction($input: UpdateOwnActionInput!) {
    updateOwnAction(input: $input) {
      action {
        ...ActionsTestAction
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const LIST = graphql(`
  query ActionsActions(
    $clientId: ID
    $mine: Boolean
    $overdue: Boolean
    $status: ActionStatus
    $first: Int
    $after: String
  ) {
    actions(
      clientId: $clientId
      mine: $mine
      overdue: $overdue
      status: $status
      first: $first
      after: $after
    ) {
      totalCount
      nodes {
        id
        description
        dueOn
        overdue
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

interface ActionView {
  id: string;
  status: string;
  revision: number;
  overdue: boolean;
  notes: { body: string }[];
}

let api: TestApi;
let admin: SignedIn;
let clientId: string;
let leader: SignedIn;
beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpConsultancy(api);
  clientId = await createClient(api, admin, { name: 'Harbourline Bank' });
  leader = await addMember(api, admin, 'CLIENT_LEADER', clientId);
});
afterAll(() => api.close());

async function create(input: Record<string, unknown>, who: SignedIn = admin): Promise<ActionView> {
  const response = await api.graphql(
    CREATE,
    {
      input: {
        clientId,
        description: 'Coach the branch teams on first-contact ownership',
        ownerId: leader.memberId,
        ...input,
      },
    },
    who,
  );
  expect(response.data.createAction.userErrors).toEqual([]);
  return response.data.createAction.action!;
}

describe('actions', () => {
  it('raises an action for a client leader, overdue once its date has passed', async () => {
    const action = await create({ dueOn: '2020-01-31', priority: 'HIGH' });
    expect(action).toMatchObject({
      status: 'OPEN',
      priority: 'HIGH',
      overdue: true,
      revision: 1,
      owner: { id: leader.memberId },
    });
    const overdue = await api.graphql(LIST, { overdue: true }, admin);
    expect(overdue.data.actions.nodes.map((a) => a.id)).toContain(action.id);
    const upcoming = await create({ dueOn: '2099-01-31' });
    expect(upcoming.overdue).toBe(false);
    const stillOverdue = await api.graphql(LIST, { overdue: true }, admin);
    expect(stillOverdue.data.actions.nodes.map((a) => a.id)).not.toContain(upcoming.id);
  });

  it('lists soonest due first, undated last, page by page', async () => {
    const tenant = await signUpConsultancy(api);
    const client = await createClient(api, tenant);
    const dates = ['2026-05-01', null, '2026-01-15', '2026-03-01', null];
    for (const [i, dueOn] of dates.entries()) {
      const response = await api.graphql(
        CREATE,
        { input: { clientId: client, description: `Action ${i}`, ownerId: tenant.memberId, dueOn } },
        tenant,
      );
      expect(response.data.createAction.userErrors).toEqual([]);
    }
    const seen: (string | null)[] = [];
    let after: string | null = null;
    do {
      const page: {
        data: {
          actions: {
            nodes: { dueOn: string | null }[];
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
          };
        };
      } = await api.graphql(LIST, { first: 2, after }, tenant);
      seen.push(...page.data.actions.nodes.map((a) => a.dueOn));
      after = page.data.actions.pageInfo.hasNextPage ? page.data.actions.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(['2026-01-15', '2026-03-01', '2026-05-01', null, null]);
  });

  it('lets a consultant change any field, stamps completion, and refuses a stale revision', async () => {
    const action = await create({});
    const done = await api.graphql(
      UPDATE,
      { input: { id: action.id, expectedRevision: 1, status: 'DONE', priority: 'LOW' } },
      admin,
    );
    expect(done.data.updateAction.action).toMatchObject({ status: 'DONE', priority: 'LOW', revision: 2 });
    expect(Date.parse(done.data.updateAction.action!.completedAt!)).not.toBeNaN();
    const stale = await api.graphql(
      UPDATE,
      { input: { id: action.id, expectedRevision: 1, description: 'Overwritten?' } },
      admin,
    );
    expect(stale.data.updateAction.userErrors).toEqual([
      expect.objectContaining({ field: 'expectedRevision', code: 'CONFLICT' }),
    ]);
    const [row] = await api.ownerQuery<{ description: string; revision: number }>(
      'SELECT description, revision FROM actions WHERE id = $1',
      [action.id],
    );
    expect(row).toEqual({ description: 'Coach the branch teams on first-contact ownership', revision: 2 });
  });

  it('lets only one of two simultaneous edits of the same revision through', async () => {
    const action = await create({});
    const answers = await Promise.all(
      ['First edit', 'Second edit'].map((description) =>
        api.graphql(UPDATE, { input: { id: action.id, expectedRevision: 1, description } }, admin),
      ),
    );
    const codes = answers.map((a) => a.data.updateAction.userErrors[0]?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
  });

  it.each([
    ['description', { description: ' ' }, 'REQUIRED'],
    ['description', { description: 'd'.repeat(4001) }, 'TOO_LONG'],
    ['ownerId', { ownerId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND'],
    ['criterionKey', { auditId: '00000000-0000-4000-8000-000000000000' }, 'INVALID'],
    ['auditId', { auditId: '00000000-0000-4000-8000-000000000000', criterionKey: 'x' }, 'NOT_FOUND'],
    ['charterId', { charterId: '00000000-0000-4000-8000-000000000000', promiseKey: 'x' }, 'NOT_FOUND'],
    ['dueOn', { dueOn: '2026-13-01' }, undefined],
  ])('names %s when it is wrong (%o) and writes nothing', async (field, change, code) => {
    const before = await api.countRows('actions', admin.tenantId);
    const response = await api.graphql(
      CREATE,
      { input: { clientId, description: 'Valid', ownerId: admin.memberId, ...change } },
      admin,
    );
    if (code)
      expect(response.data.createAction.userErrors).toEqual([expect.objectContaining({ field, code })]);
    else expect(response.errors?.[0]?.message).toMatch(/YYYY-MM-DD/);
    expect(await api.countRows('actions', admin.tenantId)).toBe(before);
  });

  it('refuses a leader of another client as owner', async () => {
    const otherClient = await createClient(api, admin);
    const otherLeader = await addMember(api, admin, 'CLIENT_LEADER', otherClient);
    const response = await api.graphql(
      CREATE,
      { input: { clientId, description: 'Valid', ownerId: otherLeader.memberId } },
      admin,
    );
    expect(response.data.createAction.userErrors).toEqual([
      expect.objectContaining({ field: 'ownerId', code: 'NOT_ALLOWED' }),
    ]);
  });
});

describe('client leaders and their actions', () => {
  it('see their client’s actions, move their own along with a note, and change nothing else', async () => {
    const mine = await create({ ownerId: leader.memberId });
    const consultants = await create({ ownerId: admin.memberId });
    const listed = await api.graphql(LIST, { mine: true }, leader);
    expect(listed.data.actions.nodes.map((a) => a.id)).toContain(mine.id);
    expect(listed.data.actions.nodes.map((a) => a.id)).not.toContain(consultants.id);

    const moved = await api.graphql(
      UPDATE_OWN,
      {
        input: {
          id: mine.id,
          expectedRevision: 1,
          status: 'IN_PROGRESS',
          note: 'Started with the Wellington branch.',
        },
      },
      leader,
    );
    expect(moved.data.updateOwnAction.action).toMatchObject({
      status: 'IN_PROGRESS',
      revision: 2,
      notes: [{ body: 'Started with the Wellington branch.', author: { id: leader.memberId } }],
    });
    const notTheirs = await api.graphql(
      UPDATE_OWN,
      { input: { id: consultants.id, expectedRevision: 1, status: 'DONE' } },
      leader,
    );
    expect(notTheirs.data.updateOwnAction.userErrors).toEqual([
      expect.objectContaining({ field: 'id', code: 'NOT_ALLOWED' }),
    ]);
    const edit = await api.graphql(
      UPDATE,
      { input: { id: mine.id, expectedRevision: 2, description: 'Rewritten' } },
      leader,
    );
    expect(edit.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const [row] = await api.ownerQuery<{ status: string }>('SELECT status FROM actions WHERE id = $1', [
      consultants.id,
    ]);
    expect(row?.status).toBe('OPEN');
  });

  it('never shows a leader another client’s actions', async () => {
    const otherClient = await createClient(api, admin);
    const hidden = await api.graphql(
      CREATE,
      { input: { clientId: otherClient, description: 'Elsewhere', ownerId: admin.memberId } },
      admin,
    );
    const id = hidden.data.createAction.action!.id;
    const read = await api.graphql(
      graphql(`
        query ActionsAction($id: ID!) {
          action(id: $id) {
            id
          }
        }
      `),
      { id },
      leader,
    );
    expect(read.data.action).toBeNull();
    const list = await api.graphql(LIST, { first: 100 }, leader);
    expect(list.data.actions.nodes.map((a) => a.id)).not.toContain(id);
  });
});

describe('another consultancy', () => {
  it('cannot read, change, annotate or raise actions with our ids', async () => {
    const action = await create({});
    const other = await signUpConsultancy(api);
    const read = await api.graphql(
      graphql(`
        query ActionsAction2($id: ID!) {
          action(id: $id) {
            id
          }
        }
      `),
      { id: action.id },
      other,
    );
    expect(read.data.action).toBeNull();
    const update = await api.graphql(
      UPDATE,
      { input: { id: action.id, expectedRevision: 1, description: 'Hijacked' } },
      other,
    );
    expect(update.data.updateAction.userErrors).toEqual([
      { field: 'id', code: 'NOT_FOUND', message: 'No action has this id.' },
    ]);
    const note = await api.graphql(
      graphql(`
        mutation ActionsAddActionNote($input: AddActionNoteInput!) {
          addActionNote(input: $input) {
            userErrors {
              field
              code
              message
            }
          }
        }
      `),
      { input: { actionId: action.id, body: 'Planted' } },
      other,
    );
    expect(note.data.addActionNote.userErrors).toEqual([
      { field: 'actionId', code: 'NOT_FOUND', message: 'No action has this id.' },
    ]);
    const raise = await api.graphql(
      CREATE,
      { input: { clientId, description: 'In your client', ownerId: other.memberId } },
      other,
    );
    expect(raise.data.createAction.userErrors).toEqual([
      { field: 'clientId', code: 'NOT_FOUND', message: 'No client has this id.' },
    ]);
    const [row] = await api.ownerQuery<{ description: string }>(
      'SELECT description FROM actions WHERE id = $1',
      [action.id],
    );
    expect(row?.description).toBe('Coach the branch teams on first-contact ownership');
    expect(await api.ownerQuery('SELECT 1 FROM action_notes WHERE action_id = $1', [action.id])).toHaveLength(
      0,
    );
  });
});
