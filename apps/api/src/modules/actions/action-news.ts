import { instantOfLocalTime } from '@csp/domain';
import { cancelWork, scheduleWork, type ScheduledJob } from '../../core/scheduled-work.js';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { membersByIds } from '../accounts/index.js';
import { clientOf } from '../clients/index.js';
import {
  digestSettingsOf,
  notify,
  type Audience,
  type EmailLinkSettings,
  type ReminderWhen,
} from '../notifications/index.js';
import { ActionEntity, type ActionRow } from './entities.js';

export const ACTION_REMINDER_JOB = 'ACTION_REMINDER';

/** Days from the due date, and the local time the reminder goes: the start of the owner's working day. */
const REMINDERS: readonly { when: ReminderWhen; days: number }[] = [
  { when: 'IN_3_DAYS', days: -3 },
  { when: 'TODAY', days: 0 },
  { when: 'OVERDUE_7_DAYS', days: 7 },
];
const REMINDER_LOCAL_TIME = '08:00';

interface ReminderPayload {
  actionId: string;
  dueOn: string;
  when: ReminderWhen;
}

const keyOf = (actionId: string, when: ReminderWhen) => `${actionId}:${when}`;

/** A client leader follows actions on their programme page; the consultancy's people on the actions list. */
const actionUrl = (links: EmailLinkSettings, audience: Audience) =>
  audience === 'LEADER' ? `${links.publicUrl}/programme` : `${links.publicUrl}/actions`;

function dayPlus(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * What an action's change means for email, in the change's transaction: its new owner hears of it (unless they
 * gave it to themselves), and its reminders follow its due date, owner and status (an action done has none).
 */
export async function announceAction(
  db: TenantDb,
  links: EmailLinkSettings,
  before: ActionRow | null,
  after: ActionRow,
  actorId: string,
): Promise<void> {
  if ((!before || before.ownerId !== after.ownerId) && after.status !== 'DONE') {
    const client = await clientOf(db, after.clientId);
    const people = await membersByIds(db, [after.ownerId, actorId]);
    const clientName = client?.name ?? 'a client';
    const assigneeName = people.get(after.ownerId)?.name ?? 'you';
    const assignedByName = people.get(actorId)?.name ?? 'Someone';
    await notify(
      db,
      links,
      [after.ownerId],
      {
        kind: 'ACTION_ASSIGNED',
        clientId: after.clientId,
        clientName,
        forAudience: (audience) => ({
          data: {
            assigneeName,
            assignedByName,
            clientName,
            actionTitle: after.description,
            dueDate: after.dueOn,
            actionUrl: actionUrl(links, audience),
          },
          digestLine: `${assignedByName} gave you an action: ${after.description}`,
          url: actionUrl(links, audience),
        }),
      },
      { except: actorId },
    );
  }
  const remindersChanged =
    !before ||
    before.dueOn !== after.dueOn ||
    before.ownerId !== after.ownerId ||
    (before.status === 'DONE') !== (after.status === 'DONE');
  if (remindersChanged) await scheduleReminders(db, after, new Date());
}

/** The three reminders still to come, at 08:00 on the owner's clock; any other pending one is called off. */
async function scheduleReminders(db: TenantDb, action: ActionRow, now: Date): Promise<void> {
  const keys = REMINDERS.map(({ when }) => keyOf(action.id, when));
  if (action.status === 'DONE' || !action.dueOn) {
    await cancelWork(db, ACTION_REMINDER_JOB, keys);
    return;
  }
  const dueOn = action.dueOn;
  const settings = (await digestSettingsOf(db, [action.ownerId])).get(action.ownerId)!;
  const past: string[] = [];
  for (const { when, days } of REMINDERS) {
    const runAt = instantOfLocalTime(dayPlus(dueOn, days), REMINDER_LOCAL_TIME, settings.timeZone);
    // A reminder whose moment has passed (a due date set for tomorrow has no "in 3 days") is not sent late.
    if (runAt <= now) past.push(keyOf(action.id, when));
    else {
      const payload: ReminderPayload = { actionId: action.id, dueOn, when };
      await scheduleWork(db, { job: ACTION_REMINDER_JOB, key: keyOf(action.id, when), runAt, payload });
    }
  }
  await cancelWork(db, ACTION_REMINDER_JOB, past);
}

const REMINDER_LINE: Record<ReminderWhen, string> = {
  IN_3_DAYS: 'Due in 3 days',
  TODAY: 'Due today',
  OVERDUE_7_DAYS: 'A week overdue',
};

/**
 * One reminder, when it comes. The action is read again: if it is done, gone, or due on another day than the
 * reminder was made for, the reminder no longer applies and nothing is sent.
 */
export const actionReminderJob: ScheduledJob = {
  name: ACTION_REMINDER_JOB,
  async run(db, work, environment) {
    const { actionId, dueOn, when } = work.payload as ReminderPayload;
    const action = await db.getRepository(ActionEntity).findOneBy({ id: actionId });
    if (!action || action.status === 'DONE' || action.dueOn !== dueOn) return;
    const client = await clientOf(db, action.clientId);
    const owner = (await membersByIds(db, [action.ownerId])).get(action.ownerId);
    const clientName = client?.name ?? 'a client';
    await notify(db, environment, [action.ownerId], {
      kind: 'ACTION_REMINDER',
      clientId: action.clientId,
      clientName,
      forAudience: (audience) => ({
        data: {
          assigneeName: owner?.name ?? 'you',
          clientName,
          actionTitle: action.description,
          dueDate: dueOn,
          when,
          actionUrl: actionUrl(environment, audience),
        },
        digestLine: `${REMINDER_LINE[when]}: ${action.description}`,
        url: actionUrl(environment, audience),
      }),
    });
  },
};
