import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import {
  addMember,
  createClient,
  createEngagement,
  signUpConsultancy,
  type SignedIn,
} from '../../../test/factories.js';
import { graphql } from '../../../test/generated/index.js';

const CREATE = graphql(`
  mutation EngagementsCreateEngagement($input: CreateEngagementInput!) {
    createEngagement(input: $input) {
      engagement {
        id
        title
        status
        nextStatuses
        phase
        startsOn
        endsOn
        leadConsultant {
          id
        }
        team {
          id
        }
        milestones {
          title
          dueOn
          phase
          done
          overdue
        }
        client {
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
const MOVE = graphql(`
  mutation EngagementsChangeEngagementStatus($id: ID!, $status: EngagementStatus!) {
    changeEngagementStatus(input: { id: $id, status: $status }) {
      engagement {
        status
        nextStatuses
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
  mutation EngagementsUpdateEngagement($input: UpdateEngagementInput!) {
    updateEngagement(input: $input) {
      engagement {
        title
        summary
        team {
          id
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
let admin: SignedIn;
let clientId: string;
beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpConsultancy(api);
  clientId = await createClient(api, admin, { name: 'Harbourline Bank' });
});
afterAll(() => api.close());

describe('engagements', () => {
  it('creates an engagement with its team and milestones, led by its creator unless named', async () => {
    const consultant = await addMember(api, admin, 'CONSULTANT');
    const response = await api.graphql(
      CREATE,
      {
        input: {
          clientId,
          title: 'Service culture diagnostic',
          kind: 'DIAGNOSTIC',
          phase: 'DELIBERATE_CULTURE',
          startsOn: '2026-01-05',
          endsOn: '2026-03-31',
          teamMemberIds: [consultant.memberId],
          milestones: [
            { title: 'Findings workshop', dueOn: '2099-02-20', phase: 'INTERACTIONS' },
            { title: 'Interviews', dueOn: '2020-01-20', done: true },
            { title: 'Survey closes', dueOn: '2020-02-01' },
          ],
        },
      },
      admin,
    );
    expect(response.data.createEngagement.engagement).toMatchObject({
      status: 'PROPOSED',
      nextStatuses: ['ACTIVE', 'CANCELLED'],
      leadConsultant: { id: admin.memberId },
      team: [{ id: consultant.memberId }],
      client: { name: 'Harbourline Bank' },
      milestones: [
        { title: 'Interviews', dueOn: '2020-01-20', done: true, overdue: false },
        { title: 'Survey closes', done: false, overdue: true },
        { title: 'Findings workshop', phase: 'INTERACTIONS', overdue: false },
      ],
    });
  });

  it('moves only along the allowed transitions and explains a refused move', async () => {
    const id = await createEngagement(api, admin, clientId);
    const skip = await api.graphql(MOVE, { id, status: 'COMPLETED' }, admin);
    expect(skip.data.changeEngagementStatus.userErrors).toEqual([
      {
        field: 'status',
        code: 'NOT_ALLOWED',
        message: 'A proposed engagement can only become active or cancelled, not completed.',
      },
    ]);
    for (const [status, next] of [
      ['ACTIVE', ['ON_HOLD', 'COMPLETED', 'CANCELLED']],
      ['ON_HOLD', ['ACTIVE', 'CANCELLED']],
      ['ACTIVE', ['ON_HOLD', 'COMPLETED', 'CANCELLED']],
      ['COMPLETED', []],
    ] as const) {
      const moved = await api.graphql(MOVE, { id, status }, admin);
      expect(moved.data.changeEngagementStatus.engagement).toEqual({ status, nextStatuses: next });
    }
    const reopen = await api.graphql(MOVE, { id, status: 'ACTIVE' }, admin);
    expect(reopen.data.changeEngagementStatus.userErrors[0]?.message).toMatch(/closed/);
    const [row] = await api.ownerQuery<{ status: string }>('SELECT status FROM engagements WHERE id = $1', [
      id,
    ]);
    expect(row?.status).toBe('COMPLETED');
    const edit = await api.graphql(UPDATE, { input: { id, title: 'Too late' } }, admin);
    expect(edit.data.updateEngagement.userErrors[0]?.code).toBe('NOT_ALLOWED');
  });

  it('serialises simultaneous moves so that no illegal one slips through', async () => {
    // ACTIVE then CANCELLED is legal; CANCELLED then ACTIVE is not. With the row locked, the engagement always ends
    // CANCELLED. Without the lock both could read PROPOSED and the later write could leave it ACTIVE after a cancel.
    for (let round = 0; round < 5; round++) {
      const id = await createEngagement(api, admin, clientId);
      const answers = await Promise.all(
        (['ACTIVE', 'CANCELLED'] as const).map((status) => api.graphql(MOVE, { id, status }, admin)),
      );
      const [row] = await api.ownerQuery<{ status: string }>('SELECT status FROM engagements WHERE id = $1', [
        id,
      ]);
      expect(row?.status).toBe('CANCELLED');
      const refused = answers.flatMap((a) => a.data.changeEngagementStatus.userErrors);
      for (const error of refused) expect(error.message).toMatch(/closed/);
    }
  });

  it.each([
    ['title', { title: '' }, 'REQUIRED'],
    ['title', { title: 't'.repeat(201) }, 'TOO_LONG'],
    ['endsOn', { startsOn: '2026-05-01', endsOn: '2026-04-01' }, 'INVALID'],
    ['milestones.0.title', { milestones: [{ title: ' ', dueOn: '2026-01-01' }] }, 'REQUIRED'],
    ['leadConsultantId', { leadConsultantId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND'],
    ['clientId', { clientId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND'],
  ])('names %s when it is wrong (%o) and writes nothing', async (field, change, code) => {
    const before = await api.countRows('engagements', admin.tenantId);
    const milestonesBefore = await api.countRows('milestones', admin.tenantId);
    const response = await api.graphql(
      CREATE,
      { input: { clientId, title: 'Valid', kind: 'TRAINING', ...change } },
      admin,
    );
    expect(response.data.createEngagement.userErrors).toEqual([expect.objectContaining({ field, code })]);
    expect(await api.countRows('engagements', admin.tenantId)).toBe(before);
    expect(await api.countRows('milestones', admin.tenantId)).toBe(milestonesBefore);
  });

  it('refuses a client leader as lead or team member', async () => {
    const leader = await addMember(api, admin, 'CLIENT_LEADER', clientId);
    const response = await api.graphql(
      CREATE,
      { input: { clientId, title: 'Valid', kind: 'TRAINING', teamMemberIds: [leader.memberId] } },
      admin,
    );
    expect(response.data.createEngagement.userErrors).toEqual([
      expect.objectContaining({ field: 'teamMemberIds.0', code: 'NOT_ALLOWED' }),
    ]);
  });

  it('adds, changes, completes and removes milestones', async () => {
    const id = await createEngagement(api, admin, clientId);
    const added = await api.graphql(
      graphql(`
        mutation EngagementsAddMilestone($input: AddMilestoneInput!) {
          addMilestone(input: $input) {
            milestone {
              id
              done
            }
            userErrors {
              field
            }
          }
        }
      `),
      { input: { engagementId: id, title: 'Charter sign-off', dueOn: '2026-06-30', phase: 'MEMORIES' } },
      admin,
    );
    const milestoneId = added.data.addMilestone.milestone!.id;
    const done = await api.graphql(
      graphql(`
        mutation EngagementsUpdateMilestone($input: UpdateMilestoneInput!) {
          updateMilestone(input: $input) {
            milestone {
              done
              doneAt
              dueOn
            }
          }
        }
      `),
      { input: { id: milestoneId, done: true, dueOn: '2026-07-01' } },
      admin,
    );
    expect(done.data.updateMilestone.milestone).toMatchObject({ done: true, dueOn: '2026-07-01' });
    const badDate = await api.graphql(
      graphql(`
        mutation EngagementsUpdateMilestone2($input: UpdateMilestoneInput!) {
          updateMilestone(input: $input) {
            milestone {
              id
            }
          }
        }
      `),
      { input: { id: milestoneId, dueOn: '2026-02-30' } },
      admin,
    );
    expect(badDate.errors?.[0]?.message).toMatch(/YYYY-MM-DD/);
    const removed = await api.graphql(
      graphql(`
        mutation EngagementsRemoveMilestone($id: ID!) {
          removeMilestone(input: { id: $id }) {
            removedId
            userErrors {
              field
            }
          }
        }
      `),
      { id: milestoneId },
      admin,
    );
    expect(removed.data.removeMilestone.removedId).toBe(milestoneId);
    expect(await api.ownerQuery('SELECT 1 FROM milestones WHERE id = $1', [milestoneId])).toHaveLength(0);
  });

  it('lists engagements across the consultancy and per client, newest first, with cursors', async () => {
    const tenant = await signUpConsultancy(api);
    const a = await createClient(api, tenant);
    const b = await createClient(api, tenant);
    const ids = [
      await createEngagement(api, tenant, a, { title: 'First' }),
      await createEngagement(api, tenant, b, { title: 'Second' }),
      await createEngagement(api, tenant, a, { title: 'Third' }),
    ];
    const LIST = graphql(`
      query EngagementsEngagements($first: Int, $after: String, $clientId: ID) {
        engagements(first: $first, after: $after, clientId: $clientId) {
          totalCount
          nodes {
            id
            title
          }
          pageInfo {
            endCursor
            hasNextPage
          }
        }
      }
    `);
    const page = await api.graphql(LIST, { first: 2 }, tenant);
    expect(page.data.engagements.totalCount).toBe(3);
    expect(page.data.engagements.nodes.map((n) => n.id)).toEqual([ids[2], ids[1]]);
    const next = await api.graphql(
      LIST,
      { first: 2, after: page.data.engagements.pageInfo.endCursor },
      tenant,
    );
    expect(next.data.engagements.nodes.map((n) => n.id)).toEqual([ids[0]]);
    const forA = await api.graphql(LIST, { clientId: a }, tenant);
    expect(forA.data.engagements.totalCount).toBe(2);
  });
});

describe('who sees which engagements', () => {
  it('shows a client leader their client\u2019s engagements and milestones only, and lets them change nothing', async () => {
    const tenant = await signUpConsultancy(api);
    const own = await createClient(api, tenant);
    const other = await createClient(api, tenant);
    const ownEngagement = await createEngagement(api, tenant, own, {
      milestones: [{ title: 'Kick-off', dueOn: '2020-01-01' }],
    });
    const otherEngagement = await createEngagement(api, tenant, other, {
      milestones: [{ title: 'Hidden', dueOn: '2020-01-01' }],
    });
    const leader = await addMember(api, tenant, 'CLIENT_LEADER', own);

    const list = await api.graphql(
      graphql(`
        query EngagementsEngagements2 {
          engagements {
            nodes {
              id
            }
          }
        }
      `),
      {},
      leader,
    );
    expect(list.data.engagements.nodes.map((n) => n.id)).toEqual([ownEngagement]);
    const hidden = await api.graphql(
      graphql(`
        query EngagementsEngagement($id: ID!) {
          engagement(id: $id) {
            id
          }
        }
      `),
      { id: otherEngagement },
      leader,
    );
    expect(hidden.data.engagement).toBeNull();
    const upcoming = await api.graphql(
      graphql(`
        query EngagementsUpcomingMilestones {
          upcomingMilestones {
            title
          }
        }
      `),
      {},
      leader,
    );
    expect(upcoming.data.upcomingMilestones.map((m) => m.title)).toEqual(['Kick-off']);
    const move = await api.graphql(MOVE, { id: ownEngagement, status: 'ACTIVE' }, leader);
    expect(move.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('treats another consultancy\u2019s engagement and milestone ids like ids that do not exist', async () => {
    const other = await signUpConsultancy(api);
    const theirClient = await createClient(api, other);
    const theirs = await createEngagement(api, other, theirClient, {
      milestones: [{ title: 'Theirs', dueOn: '2026-01-01' }],
    });
    const [milestone] = await api.ownerQuery<{ id: string }>(
      'SELECT id FROM milestones WHERE engagement_id = $1',
      [theirs],
    );
    const read = await api.graphql(
      graphql(`
        query EngagementsEngagement2($id: ID!) {
          engagement(id: $id) {
            id
          }
        }
      `),
      { id: theirs },
      admin,
    );
    expect(read.data.engagement).toBeNull();
    const move = await api.graphql(MOVE, { id: theirs, status: 'ACTIVE' }, admin);
    expect(move.data.changeEngagementStatus.userErrors).toEqual([
      { field: 'id', code: 'NOT_FOUND', message: 'No engagement has this id.' },
    ]);
    const update = await api.graphql(UPDATE, { input: { id: theirs, title: 'Mine now' } }, admin);
    expect(update.data.updateEngagement.userErrors).toEqual([
      { field: 'id', code: 'NOT_FOUND', message: 'No engagement has this id.' },
    ]);
    const create = await api.graphql(
      CREATE,
      { input: { clientId: theirClient, title: 'Sneaky', kind: 'TRAINING' } },
      admin,
    );
    expect(create.data.createEngagement.userErrors).toEqual([
      { field: 'clientId', code: 'NOT_FOUND', message: 'No client has this id.' },
    ]);
    const removeMilestone = await api.graphql(
      graphql(`
        mutation EngagementsRemoveMilestone2($id: ID!) {
          removeMilestone(input: { id: $id }) {
            removedId
            userErrors {
              field
              code
              message
            }
          }
        }
      `),
      { id: milestone?.id as string },
      admin,
    );
    expect(removeMilestone.data.removeMilestone.userErrors).toEqual([
      { field: 'id', code: 'NOT_FOUND', message: 'No milestone has this id.' },
    ]);
    const addMilestone = await api.graphql(
      graphql(`
        mutation EngagementsAddMilestone2($input: AddMilestoneInput!) {
          addMilestone(input: $input) {
            userErrors {
              field
              code
            }
          }
        }
      `),
      { input: { engagementId: theirs, title: 'Planted', dueOn: '2026-01-01' } },
      admin,
    );
    expect(addMilestone.data.addMilestone.userErrors).toEqual([{ field: 'engagementId', code: 'NOT_FOUND' }]);
    const [row] = await api.ownerQuery<{ status: string; title: string }>(
      'SELECT status, title FROM engagements WHERE id = $1',
      [theirs],
    );
    expect(row).toMatchObject({ status: 'PROPOSED' });
    expect(await api.ownerQuery('SELECT 1 FROM milestones WHERE engagement_id = $1', [theirs])).toHaveLength(
      1,
    );
  });
});
