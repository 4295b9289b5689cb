import { randomUUID } from 'node:crypto';
import { nextDigestAt, type PreferenceKind } from '@csp/domain';
import { scheduleWork } from '../../core/scheduled-work.js';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { consultancyNameOf, membersByIds, type MemberRow } from '../accounts/index.js';
import { queueMail, recentlyMailed } from '../mail/index.js';
import type { EmailData } from './email-kinds.js';
import { deliveriesOf } from './preferences.js';
import { digestSettingsOf } from './recipient-delivery.js';
import { renderEmail } from './render-email.js';
import {
  preferencesUrl,
  unsubscribeHeaders,
  unsubscribeUrl,
  type EmailLinkSettings,
} from './unsubscribe-links.js';

/** Which side of the table a recipient is on: their links go to the pages they can open. */
export type Audience = 'STAFF' | 'LEADER';

/** One piece of news as one recipient gets it: the email's data, and its line in a digest. */
export interface NoticeFor<K extends PreferenceKind> {
  data: EmailData[K];
  /** One sentence for the digest, about one client, already in the recipient's words. */
  digestLine: string;
  /** Where the digest's line leads; usually the same page as the email's button. */
  url: string;
}

export interface Notice<K extends PreferenceKind> {
  kind: K;
  /** The client the news is about; a client leader of another client never gets it. */
  clientId: string;
  clientName: string;
  /** Called once per audience, so a link never leads a client leader to a page of the consultancy's. */
  forAudience(audience: Audience): NoticeFor<K>;
}

/** The digest job's name: one pending run per member (its key), at their next 08:00. */
export const DIGEST_JOB = 'DIGEST';

const audienceOf = (member: MemberRow): Audience => (member.role === 'CLIENT_LEADER' ? 'LEADER' : 'STAFF');

/**
 * Tells these members of a piece of news, each as they chose (recipientDelivery): an email now, queued in the
 * caller's transaction (so nothing is sent for a change that rolls back), a line kept for their next digest, or
 * nothing. The fence is kept here as well as by whoever chose the recipients: a client leader is told only of
 * their own client, and the author of a change (`except`) is not told of it.
 */
export async function notify<K extends PreferenceKind>(
  db: TenantDb,
  links: EmailLinkSettings,
  memberIds: readonly string[],
  notice: Notice<K>,
  options: {
    except?: string | null;
    now?: Date;
    /**
     * News that can come in bursts (a run of unhappy answers): a member mailed this kind about this client within
     * these minutes gets the rest in their digest instead of one email each.
     */
    quietMinutes?: number;
  } = {},
): Promise<void> {
  const candidates = [...new Set(memberIds)].filter((id) => id !== options.except);
  if (!candidates.length) return;
  // The members' rows give their roles too, so their choices need one statement more, not two.
  const members = await membersByIds(db, candidates);
  const roles = new Map([...members].map(([id, member]) => [id, member.role]));
  const deliveries = await deliveriesOf(db, roles, candidates, notice.kind);
  const allowed = candidates
    .map((id) => members.get(id))
    .filter((member): member is MemberRow => !!member)
    .filter((member) => member.role !== 'CLIENT_LEADER' || member.clientId === notice.clientId);
  const now = options.now ?? new Date();
  const byAudience = new Map<Audience, NoticeFor<K>>();
  const noticeFor = (member: MemberRow) => {
    const audience = audienceOf(member);
    let found = byAudience.get(audience);
    if (!found) byAudience.set(audience, (found = notice.forAudience(audience)));
    return found;
  };

  const wantNow = allowed.filter((member) => deliveries.get(member.id) === 'IMMEDIATE');
  const quieted = options.quietMinutes
    ? await recentlyMailed(db, {
        kind: notice.kind,
        clientId: notice.clientId,
        memberIds: wantNow.map((member) => member.id),
        minutes: options.quietMinutes,
      })
    : new Set<string>();
  const immediate = wantNow.filter((member) => !quieted.has(member.id));
  const later = allowed.filter((member) => deliveries.get(member.id) === 'DIGEST' || quieted.has(member.id));
  if (immediate.length) {
    const consultancyName = await consultancyNameOf(db);
    for (const member of immediate) {
      const unsubscribe = unsubscribeUrl(links, {
        tenantId: db.tenantId,
        memberId: member.id,
        kind: notice.kind,
      });
      const email = await renderEmail(notice.kind, noticeFor(member).data, {
        recipientName: member.name,
        consultancyName,
        unsubscribeUrl: unsubscribe,
        preferencesUrl: preferencesUrl(links),
      });
      await queueMail(db, {
        kind: notice.kind,
        to: member.email,
        memberId: member.id,
        clientId: notice.clientId,
        ...email,
        headers: unsubscribeHeaders(unsubscribe),
      });
    }
  }
  if (later.length) await keepForDigest(db, later, notice, noticeFor, now);
}

/** One statement for the items, one for the members' digest times, one upsert per member's digest run. */
async function keepForDigest<K extends PreferenceKind>(
  db: TenantDb,
  members: readonly MemberRow[],
  notice: Notice<K>,
  noticeFor: (member: MemberRow) => NoticeFor<K>,
  now: Date,
): Promise<void> {
  const items = members.map((member) => ({ member, ...noticeFor(member) }));
  await db.query(
    `INSERT INTO digest_items (tenant_id, id, member_id, client_id, client_name, kind, line, url, created_at)
     SELECT $1, unnest($2::uuid[]), unnest($3::uuid[]), $4, $5, $6, unnest($7::text[]), unnest($8::text[]), $9`,
    [
      db.tenantId,
      items.map(() => randomUUID()),
      items.map((item) => item.member.id),
      notice.clientId,
      notice.clientName,
      notice.kind,
      items.map((item) => item.digestLine),
      items.map((item) => item.url),
      now,
    ],
  );
  const settings = await digestSettingsOf(
    db,
    members.map((member) => member.id),
  );
  for (const member of members) {
    const runAt = nextDigestAt(settings.get(member.id)!, now);
    // `keep`: a digest already due takes this item along; its time moves only when the member changes it.
    await scheduleWork(db, { job: DIGEST_JOB, key: member.id, runAt }, 'keep');
  }
}
