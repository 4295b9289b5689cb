import type { ScheduledJob } from '../../core/scheduled-work.js';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { consultancyNameOf, membersByIds } from '../accounts/index.js';
import { queueMail } from '../mail/index.js';
import type { DigestGroup, DigestItemKind } from './email-kinds.js';
import { DIGEST_JOB } from './notify.js';
import { digestSettingsOf } from './recipient-delivery.js';
import { renderEmail } from './render-email.js';
import { preferencesUrl, unsubscribeHeaders, unsubscribeUrl } from './unsubscribe-links.js';

interface WaitingItem {
  id: string;
  client_id: string | null;
  client_name: string;
  kind: DigestItemKind;
  line: string;
  url: string;
}

/** "Thursday 3 December" in the member's zone: the day the digest covers, as its reader lives it. */
function dayLabel(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone })
    .format(instant)
    .replace(',', '');
}

/**
 * A member's digest, due at 08:00 on their clock (notify.ts schedules it when it keeps the first item): every item
 * waiting for them, grouped by client in the order the news came, in one email queued in this transaction, and
 * the items marked as carried by it in the same transaction, so a digest that fails keeps them for the next try
 * and one that is queued never repeats them. A client leader's items are only their own client's, whatever is
 * stored: the fence is checked again as they are read.
 */
export const digestJob: ScheduledJob = {
  name: DIGEST_JOB,
  async run(db, work, environment) {
    const memberId = work.key;
    const member = (await membersByIds(db, [memberId])).get(memberId);
    // A member removed since: their items went with them (ON DELETE CASCADE).
    if (!member) return;
    const items = await waitingItems(db, memberId);
    const shown = items.filter(
      (item) => member.role !== 'CLIENT_LEADER' || item.client_id === member.clientId,
    );
    if (!shown.length) return;
    const settings = (await digestSettingsOf(db, [memberId])).get(memberId)!;
    const groups = new Map<string, DigestGroup>();
    for (const item of shown) {
      const key = item.client_id ?? item.client_name;
      const group = groups.get(key) ?? { clientName: item.client_name, items: [] };
      group.items.push({ kind: item.kind, line: item.line, url: item.url });
      groups.set(key, group);
    }
    const periodLabel =
      settings.cadence === 'DAILY'
        ? dayLabel(work.dueAt, settings.timeZone)
        : `the week to ${dayLabel(work.dueAt, settings.timeZone)}`;
    const unsubscribe = unsubscribeUrl(environment, {
      tenantId: db.tenantId,
      memberId,
      kind: 'DIGEST',
    });
    const email = await renderEmail(
      'DIGEST',
      { recipientName: member.name, cadence: settings.cadence, periodLabel, groups: [...groups.values()] },
      {
        recipientName: member.name,
        consultancyName: await consultancyNameOf(db),
        unsubscribeUrl: unsubscribe,
        preferencesUrl: preferencesUrl(environment),
      },
    );
    const mail = await queueMail(db, {
      kind: 'DIGEST',
      to: member.email,
      memberId,
      clientId: member.role === 'CLIENT_LEADER' ? member.clientId : null,
      ...email,
      headers: unsubscribeHeaders(unsubscribe),
    });
    await db.query(
      `UPDATE digest_items SET sent_in_mail_id = $3 WHERE tenant_id = $1 AND member_id = $2 AND id = ANY ($4)`,
      [db.tenantId, memberId, mail.id, items.map((item) => item.id)],
    );
  },
};

async function waitingItems(db: TenantDb, memberId: string): Promise<WaitingItem[]> {
  return (await db.query(
    `SELECT id, client_id, client_name, kind, line, url FROM digest_items
      WHERE tenant_id = $1 AND member_id = $2 AND sent_in_mail_id IS NULL AND created_at <= now()
      ORDER BY created_at, id`,
    [db.tenantId, memberId],
  )) as WaitingItem[];
}
