import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextDigestAt } from '@csp/domain';
import { inTenant } from '../../core/outbox-worker.js';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { seed } from '../../../test/seed.js';
import type { SignedIn } from '../../../test/factories.js';
import { answer, createLink } from '../../../test/feedback-factories.js';
import { notify } from './notify.js';
import { graphql } from '../../../test/generated/index.js';

/**
 * Who hears of what, and how: each trigger's email and its recipients, the digest that gathers what people chose
 * to get in a summary (and never another client's news for a client leader), and the reminders on the schedule.
 */

const CREATE_ACTION = graphql(`
  mutation TriggersCreateAction($input: CreateActionInput!) {
    createAction(input: $input) {
      action {
        id
        revision
      }
      userErrors {
        field
        message
      }
    }
  }
`);
const UPDATE_ACTION = graphql(`
  mutation TriggersUpdateAction($input: UpdateActionInput!) {
    updateAction(input: $input) {
      action {
        id
        revision
        status
      }
      userErrors {
        field
        message
      }
    }
  }
`);
const SET_DIGEST = graphql(`
  mutation TriggersSetDigest($input: SetDigestSettingsInput!) {
    setDigestSettings(input: $input) {
      userErrors {
        field
        message
      }
    }
  }
`);
const PREFERENCES = graphql(`
  query TriggersPreferences {
    myEmailPreferences {
      kinds {
        kind
        delivery
      }
    }
  }
`);

let api: TestApi;
let world: {
  admin: SignedIn;
  client: string;
  consultant: SignedIn;
  leader: SignedIn;
  otherClient: string;
  otherLeader: SignedIn;
};

beforeAll(async () => {
  api = await startTestApi();
  world = await seed(api)
    .consultancy()
    .client()
    .consultant()
    .engagement((w) => ({ leadConsultantId: w.consultant.memberId }))
    .leader()
    .client({}, 'otherClient')
    .leader('otherLeader');
});
afterAll(() => api.close());

const mailOf = async (who: SignedIn, kind: string) =>
  (await api.queuedMail()).filter((m) => m.to === who.email.toLowerCase() && m.kind === kind);

const headersOf = async (who: SignedIn, kind: string) =>
  (
    await api.ownerQuery<{ headers: Record<string, string> }>(
      `SELECT headers FROM mail_outbox WHERE to_address = $1 AND kind = $2 ORDER BY queued_at DESC LIMIT 1`,
      [who.email.toLowerCase(), kind],
    )
  )[0]?.headers;

const pendingWork = (job: string, keyPrefix: string) =>
  api.ownerQuery<{ key: string; next_attempt_at: Date; status: string }>(
    `SELECT key, next_attempt_at, status FROM scheduled_work WHERE job = $1 AND key LIKE $2 ORDER BY next_attempt_at`,
    [job, `${keyPrefix}%`],
  );

const dueNow = (job: string, key: string) =>
  api.ownerQuery(
    `UPDATE scheduled_work SET next_attempt_at = now() - interval '1 second' WHERE job = $1 AND key = $2 AND status = 'PENDING'`,
    [job, key],
  );

function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function createAction(who: SignedIn, input: { ownerId: string; description?: string; dueOn?: string }) {
  const created = await api.graphql(
    CREATE_ACTION,
    { input: { clientId: world.client, description: 'Rewrite the hold message', ...input } },
    who,
  );
  expect(created.data.createAction.userErrors).toEqual([]);
  return created.data.createAction.action!;
}

describe('an action given to someone', () => {
  it('emails its new owner at once, with one-click unsubscribe, but not someone who gave it to themselves', async () => {
    const before = (await mailOf(world.consultant, 'ACTION_ASSIGNED')).length;
    await createAction(world.admin, {
      ownerId: world.consultant.memberId,
      description: 'Call back every caller left on hold',
    });
    const mails = await mailOf(world.consultant, 'ACTION_ASSIGNED');
    expect(mails).toHaveLength(before + 1);
    expect(mails.at(-1)!.subject).toMatch(/^New action: Call back every caller left on hold \(/);
    expect(mails.at(-1)!.text).toContain(`${api.url}/actions`);
    const headers = await headersOf(world.consultant, 'ACTION_ASSIGNED');
    expect(headers?.['List-Unsubscribe']).toMatch(/^<http.*\/email\/unsubscribe\?token=.+>$/);
    expect(headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');

    await createAction(world.consultant, { ownerId: world.consultant.memberId, description: 'Mine' });
    expect(await mailOf(world.consultant, 'ACTION_ASSIGNED')).toHaveLength(before + 1);
  });

  it('sends a client leader a link to their programme page, not to the consultancy’s actions list', async () => {
    await createAction(world.admin, { ownerId: world.leader.memberId, description: 'Sign the new greeting' });
    const [mail] = await mailOf(world.leader, 'ACTION_ASSIGNED');
    expect(mail!.text).toContain(`${api.url}/programme`);
    expect(mail!.text).not.toContain('/actions');
  });
});

describe('an action’s reminders', () => {
  it('are due at 08:00 on the owner’s clock 3 days before, on the day and a week late, and stop once it is done', async () => {
    const dueOn = dayFromToday(10);
    const action = await createAction(world.admin, { ownerId: world.consultant.memberId, dueOn });
    const work = await pendingWork('ACTION_REMINDER', action.id);
    expect(
      work.map((w) => [w.key.split(':')[1], w.status, new Date(w.next_attempt_at).toISOString()]),
    ).toEqual([
      ['IN_3_DAYS', 'PENDING', `${dayFromToday(7)}T08:00:00.000Z`],
      ['TODAY', 'PENDING', `${dueOn}T08:00:00.000Z`],
      ['OVERDUE_7_DAYS', 'PENDING', `${dayFromToday(17)}T08:00:00.000Z`],
    ]);

    await dueNow('ACTION_REMINDER', `${action.id}:IN_3_DAYS`);
    await api.scheduledWork.runOnce();
    const [reminder, ...more] = (await mailOf(world.consultant, 'ACTION_REMINDER')).filter((m) =>
      m.subject.includes('Rewrite the hold message'),
    );
    expect(more).toEqual([]);
    expect(reminder!.subject).toMatch(/^Due in 3 days: Rewrite the hold message/);

    const done = await api.graphql(
      UPDATE_ACTION,
      { input: { id: action.id, expectedRevision: action.revision, status: 'DONE' } },
      world.admin,
    );
    expect(done.data.updateAction.userErrors).toEqual([]);
    expect((await pendingWork('ACTION_REMINDER', action.id)).map((w) => w.status)).toEqual([
      'DONE',
      'CANCELLED',
      'CANCELLED',
    ]);
  });

  it('skip the moments already past, and follow a due date that moves', async () => {
    const action = await createAction(world.admin, {
      ownerId: world.consultant.memberId,
      dueOn: dayFromToday(1),
    });
    const first = await pendingWork('ACTION_REMINDER', action.id);
    expect(first.filter((w) => w.status === 'PENDING').map((w) => w.key.split(':')[1])).toEqual([
      'TODAY',
      'OVERDUE_7_DAYS',
    ]);
    const moved = await api.graphql(
      UPDATE_ACTION,
      { input: { id: action.id, expectedRevision: action.revision, dueOn: dayFromToday(20) } },
      world.admin,
    );
    expect(moved.data.updateAction.userErrors).toEqual([]);
    const pending = (await pendingWork('ACTION_REMINDER', action.id)).filter((w) => w.status === 'PENDING');
    expect(pending.map((w) => new Date(w.next_attempt_at).toISOString())).toEqual([
      `${dayFromToday(17)}T08:00:00.000Z`,
      `${dayFromToday(20)}T08:00:00.000Z`,
      `${dayFromToday(27)}T08:00:00.000Z`,
    ]);
  });
});

describe('an unhappy customer’s answer', () => {
  it('emails the consultant on the engagement now, keeps it for the client leader’s digest, and tells no one else', async () => {
    const link = await createLink(api, world.admin, world.client, 'NPS');
    const sent = await answer(api, link.token, 2, 'Nobody called me back after three promises.');
    expect(sent.data.submitFeedback.userErrors).toEqual([]);

    const [mail] = await mailOf(world.consultant, 'DETRACTOR_FEEDBACK');
    expect(mail!.subject).toMatch(/^Low score 2\/10 \(/);
    expect(mail!.text).toContain('Nobody called me back');
    // The leader's default for a client's evidence is the digest; the other client's leader hears nothing.
    expect(await mailOf(world.leader, 'DETRACTOR_FEEDBACK')).toEqual([]);
    expect(await mailOf(world.otherLeader, 'DETRACTOR_FEEDBACK')).toEqual([]);
    const waiting = await api.ownerQuery<{ member_id: string; line: string }>(
      `SELECT member_id, line FROM digest_items WHERE kind = 'DETRACTOR_FEEDBACK' AND sent_in_mail_id IS NULL`,
    );
    expect(waiting.map((w) => w.member_id)).toEqual([world.leader.memberId]);
    expect(waiting[0]!.line).toMatch(/^A customer gave 2 out of 10: “Nobody called me back/);
    const [digest] = await pendingWork('DIGEST', world.leader.memberId);
    expect(new Date(digest!.next_attempt_at)).toEqual(
      nextDigestAt({ cadence: 'DAILY', weekday: null, timeZone: 'UTC' }, new Date()),
    );
  });

  it('in a run, mails a member once per quarter hour and keeps the rest for their digest', async () => {
    const link = await createLink(api, world.admin, world.client, 'CSAT');
    expect(
      (await answer(api, link.token, 1, 'Second try, still no answer.')).data.submitFeedback.userErrors,
    ).toEqual([]);
    const mails = await mailOf(world.consultant, 'DETRACTOR_FEEDBACK');
    expect(mails).toHaveLength(1);
    const kept = await api.ownerQuery<{ line: string }>(
      `SELECT line FROM digest_items WHERE member_id = $1 AND kind = 'DETRACTOR_FEEDBACK'`,
      [world.consultant.memberId],
    );
    expect(kept.map((k) => k.line)).toEqual(['A customer gave 1 out of 5: “Second try, still no answer.”']);
  });

  it('goes out in one digest at 08:00 on the leader’s clock, moved when they change it, and only once', async () => {
    const changed = await api.graphql(
      SET_DIGEST,
      { input: { cadence: 'WEEKLY', weekday: 1, timeZone: 'America/New_York' } },
      world.leader,
    );
    expect(changed.data.setDigestSettings.userErrors).toEqual([]);
    const [moved] = await pendingWork('DIGEST', world.leader.memberId);
    expect(new Date(moved!.next_attempt_at)).toEqual(
      nextDigestAt({ cadence: 'WEEKLY', weekday: 1, timeZone: 'America/New_York' }, new Date()),
    );

    await dueNow('DIGEST', world.leader.memberId);
    await api.scheduledWork.runOnce();
    const [mail, ...more] = await mailOf(world.leader, 'DIGEST');
    expect(more).toEqual([]);
    expect(mail!.subject).toMatch(/^Your weekly summary for the week to .*: 2 updates \(/);
    expect(mail!.text).toContain('Nobody called me back');
    const headers = await headersOf(world.leader, 'DIGEST');
    expect(headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const waiting = await api.ownerQuery(
      `SELECT 1 FROM digest_items WHERE member_id = $1 AND sent_in_mail_id IS NULL`,
      [world.leader.memberId],
    );
    expect(waiting).toEqual([]);
    await api.scheduledWork.runOnce();
    expect(await mailOf(world.leader, 'DIGEST')).toHaveLength(1);

    // The digest's one-click unsubscribe turns off what it gathered, and leaves what came at once as it was.
    const url = headers!['List-Unsubscribe']!.slice(1, -1);
    const posted = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(posted.status).toBe(200);
    const choices = await api.graphql(PREFERENCES, {}, world.leader);
    expect(
      Object.fromEntries(choices.data.myEmailPreferences.kinds.map((k) => [k.kind, k.delivery])),
    ).toMatchObject({
      SERVICE_LEVEL_ALERT: 'OFF',
      DETRACTOR_FEEDBACK: 'OFF',
      RISING_COMPLAINTS: 'OFF',
      ACTION_ASSIGNED: 'IMMEDIATE',
      MONTHLY_REPORT: 'IMMEDIATE',
    });
  });
});

describe('the digest’s time across a clock change, as stored', () => {
  it('is 08:00 BST the morning after London moves its clocks, 07:00 UTC, not 08:00 UTC', async () => {
    const setDigest = await api.graphql(
      SET_DIGEST,
      { input: { cadence: 'DAILY', timeZone: 'Europe/London' } },
      world.otherLeader,
    );
    expect(setDigest.data.setDigestSettings.userErrors).toEqual([]);
    // Saturday 28 March 2026, noon UTC: the clocks go forward that night, so Sunday's 08:00 is 07:00 UTC.
    await inTenant(api.dataSource, world.admin.tenantId, (db) =>
      notify(
        db,
        { publicUrl: api.url, emailLinkSecret: 'test' },
        [world.otherLeader.memberId, world.leader.memberId],
        {
          kind: 'RISING_COMPLAINTS',
          clientId: world.otherClient,
          clientName: 'The other client',
          forAudience: () => ({
            data: {
              clientName: 'The other client',
              categoryLabel: 'Billing',
              thisPeriodCount: 9,
              previousPeriodCount: 2,
              periodLabel: 'March 2026',
              complaintsUrl: `${api.url}/clients/${world.otherClient}/complaints`,
            },
            digestLine: 'Complaints about Billing are rising',
            url: `${api.url}/clients/${world.otherClient}/complaints`,
          }),
        },
        { now: new Date('2026-03-28T12:00:00Z') },
      ),
    );
    const [digest] = await pendingWork('DIGEST', world.otherLeader.memberId);
    expect(new Date(digest!.next_attempt_at).toISOString()).toBe('2026-03-29T07:00:00.000Z');
    // The first client's leader is fenced to their own client: the other client's news is not kept for them.
    const theirs = await api.ownerQuery(
      `SELECT 1 FROM digest_items WHERE member_id = $1 AND kind = 'RISING_COMPLAINTS'`,
      [world.leader.memberId],
    );
    expect(theirs).toEqual([]);

    await dueNow('DIGEST', world.otherLeader.memberId);
    await api.scheduledWork.runOnce();
    const [mail] = await mailOf(world.otherLeader, 'DIGEST');
    expect(mail!.text).toContain('The other client');
    expect(mail!.text).not.toContain('Nobody called me back');
  });
});
