import { randomUUID } from 'node:crypto';
import { mailAddressKey } from '@csp/domain';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import type { MailStatus } from './entities.js';

export interface QueuedMail {
  /** What the mail is, e.g. INVITATION or a notification's kind. */
  kind: string;
  to: string;
  /** The member it is written to, when it is one (for their preferences). */
  memberId?: string | null;
  clientId?: string | null;
  subject: string;
  html: string;
  text: string;
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post. */
  headers?: Record<string, string>;
  /**
   * Exact strings the admins' "Sent mail" list masks (an invitation's token): they go out in the mail, but an
   * admin who read them could act as the recipient.
   */
  secrets?: string[];
}

/** Ours alone, so a mail system that sees the same Message-ID twice knows it is one mail sent again. */
const messageId = () => `<${randomUUID()}@mail.service-programme>`;

/**
 * Puts a mail in the outbox in the caller's transaction: it exists exactly when the change that caused it
 * commits, and a mail server that is down or slow never delays or fails the request. An address the consultancy's
 * mail server refused for good is recorded as SUPPRESSED and never sent, in the same statement.
 */
export async function queueMail(
  db: TenantDb,
  mail: QueuedMail,
): Promise<{ id: string; messageId: string; status: MailStatus }> {
  const id = randomUUID();
  const rows = (await db.query(
    `WITH suppressed AS (
       SELECT count(*) > 0 AS yes FROM mail_suppressions WHERE tenant_id = $1 AND address = $12
     )
     INSERT INTO mail_outbox (tenant_id, id, message_id, kind, member_id, client_id, to_address, subject, html, text,
                              headers, secrets, status, next_attempt_at)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $13,
            CASE WHEN suppressed.yes THEN 'SUPPRESSED' ELSE 'PENDING' END,
            CASE WHEN suppressed.yes THEN NULL ELSE now() END
       FROM suppressed
     RETURNING message_id, status`,
    [
      db.tenantId,
      id,
      messageId(),
      mail.kind,
      mail.memberId ?? null,
      mail.clientId ?? null,
      mail.to.trim(),
      mail.subject,
      mail.html,
      mail.text,
      JSON.stringify(mail.headers ?? {}),
      mailAddressKey(mail.to),
      (mail.secrets ?? []).filter((secret) => secret.length > 0),
    ],
  )) as { message_id: string; status: MailStatus }[];
  const [row] = rows;
  if (!row) throw new Error('The mail was not queued.');
  return { id, messageId: row.message_id, status: row.status };
}

/**
 * The whole text of the latest mail queued to an address in this consultancy, secrets included: for the demo seed,
 * which follows its own invitation links as the invitee would from their inbox. Never for an admin's eyes.
 */
export async function latestMailTo(db: TenantDb, to: string): Promise<string | null> {
  const rows = (await db.query(
    `SELECT text FROM mail_outbox WHERE tenant_id = $1 AND to_address = $2 ORDER BY queued_at DESC, id DESC LIMIT 1`,
    [db.tenantId, to.trim()],
  )) as { text: string }[];
  return rows[0]?.text ?? null;
}

/**
 * Which of these members were mailed this kind about this client in the last `minutes` (queued, whatever became of
 * it), for whoever would rather not send a burst of the same news (notify.ts's `quietMinutes`).
 */
export async function recentlyMailed(
  db: TenantDb,
  query: { kind: string; clientId: string; memberIds: readonly string[]; minutes: number },
): Promise<Set<string>> {
  if (!query.memberIds.length) return new Set();
  const rows = (await db.query(
    `SELECT DISTINCT member_id FROM mail_outbox
      WHERE tenant_id = $1 AND kind = $2 AND client_id = $3 AND member_id = ANY ($4)
        AND queued_at > now() - make_interval(mins => $5)`,
    [db.tenantId, query.kind, query.clientId, [...query.memberIds], query.minutes],
  )) as { member_id: string }[];
  return new Set(rows.map((row) => row.member_id));
}
