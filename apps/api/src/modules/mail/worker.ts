import { mailAddressKey, mailOutcome } from '@csp/domain';
import type { DataSource } from 'typeorm';
import { inTenant, startOutboxWorker, type OutboxWorker } from '../../core/outbox-worker.js';
import type { MailSettings } from '../../core/config.js';
import { logger } from '../../core/logger.js';
import { keepPreTenantMail, preTenantMailJob, recordPreTenantMail } from './pre-tenant-outbox.js';
import { createSmtpSender, leaseSecondsOf, type MailSender, type SendResult } from './smtp-sender.js';

interface ClaimedMail {
  tenantId: string;
  mailId: string;
}

interface MailJob {
  status: string;
  attempt_count: number;
  message_id: string;
  to_address: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  /** Strings admins may not read on the "Sent mail" page (an invitation's token); null for most mail. */
  secrets: string[] | null;
}

/** Claims and sends (or keeps) what is due now (`runOnce`), on a timer unless MAIL_WORKER=off. */
export type MailWorker = OutboxWorker;

/**
 * Sends the mail outbox on core's outbox loop, as the webhook worker delivers its own (core/outbox-worker.ts:
 * leased claims per consultancy, several processes safe, `mail_tenants_due` the one look-up across tenants). A
 * mail whose process died mid-conversation is claimed again when its lease runs out: sending is at least once,
 * with the same Message-ID each time.
 *
 * Without an SMTP server (no SMTP_URL) mail is KEPT: marked as kept, not sent, and admins read it on the "Sent
 * mail" page. Nothing waits to be sent later: a server configured afterwards sends only mail queued from then on.
 *
 * The same loop drains the pre-tenant outbox (the sign-up mails, pre-tenant-outbox.ts) with the same sender and
 * retries; kept, such a mail has no admin to read it, so its line goes to `showKept` instead.
 */
export function startMailWorker(
  dataSource: DataSource,
  settings: MailSettings,
  options: {
    random?: () => number;
    sender?: MailSender | null;
    /**
     * Where a kept sign-up mail's line goes (recipient, subject, links), and a kept mail whose link admins may not
     * read (an invitation's). Outside production main.ts prints it, so
     * whoever runs the product without SMTP_URL can still follow their sign-up link: no admin exists yet to read
     * it on the "Sent mail" page. Never in production, where the address and the link are personal and secret.
     */
    showKept?: ((line: string) => void) | null;
  } = {},
): MailWorker {
  const random = options.random ?? Math.random;
  const smtpUrl = settings.smtpUrl;
  const send: MailSender | null =
    options.sender !== undefined
      ? options.sender
      : smtpUrl
        ? createSmtpSender({ ...settings, smtpUrl })
        : null;
  const leaseSeconds = leaseSecondsOf(settings);

  /** What one attempt's result means for the mail: its next status, when it is tried again, the error kept. */
  function outcomeOf(job: { attempt_count: number }, result: SendResult) {
    const attempt = job.attempt_count + 1;
    const outcome = mailOutcome(result, attempt, random());
    const status = outcome.kind === 'SENT' ? 'SENT' : outcome.kind === 'RETRY' ? 'PENDING' : 'FAILED';
    const nextAttemptAt = outcome.kind === 'RETRY' ? new Date(Date.now() + outcome.delayMs) : null;
    const lastError = outcome.kind === 'SENT' ? null : result.response;
    return { attempt, outcome, status, nextAttemptAt, lastError };
  }

  async function handle({ tenantId, mailId }: ClaimedMail): Promise<void> {
    const [job] = await inTenant(
      dataSource,
      tenantId,
      (db) =>
        db.query(
          `SELECT status, attempt_count, message_id, to_address, subject, html, text, headers, secrets
             FROM mail_outbox WHERE tenant_id = $1 AND id = $2`,
          [tenantId, mailId],
        ) as Promise<MailJob[]>,
    );
    if (!job || job.status !== 'PENDING') return;
    if (!send) {
      await inTenant(dataSource, tenantId, (db) =>
        db.query(
          `UPDATE mail_outbox SET status = 'KEPT', next_attempt_at = NULL, locked_until = NULL
            WHERE tenant_id = $1 AND id = $2 AND status = 'PENDING'`,
          [tenantId, mailId],
        ),
      );
      // Its link is hidden from admins on the "Sent mail" page (an invitation's): whoever runs the product without
      // SMTP follows it from the console instead, as for a sign-up.
      if (job.secrets?.length) options.showKept?.(mailLine(job.to_address, job));
      return;
    }
    const result = await send({
      messageId: job.message_id,
      to: job.to_address,
      subject: job.subject,
      html: job.html,
      text: job.text,
      headers: job.headers,
    });
    await record(tenantId, mailId, job, result);
  }

  async function record(tenantId: string, mailId: string, job: MailJob, result: SendResult): Promise<void> {
    const { attempt, outcome, status, nextAttemptAt, lastError } = outcomeOf(job, result);
    await inTenant(dataSource, tenantId, async (db) => {
      // Guarded by the attempt count: if this process's lease ran out and another process already recorded the
      // attempt, this late answer is dropped rather than counted twice.
      const [, updated] = (await db.query(
        `UPDATE mail_outbox
            SET status = $3, attempt_count = $2, next_attempt_at = $4, locked_until = NULL, last_error = $5,
                sent_at = CASE WHEN $3 = 'SENT' THEN now() END
          WHERE tenant_id = $6 AND id = $1 AND status = 'PENDING' AND attempt_count = $2 - 1`,
        [mailId, attempt, status, nextAttemptAt, lastError, tenantId],
      )) as [unknown, number];
      if (!updated || outcome.kind !== 'REFUSED' || !outcome.suppress) return;
      const address = mailAddressKey(job.to_address);
      const code = result.accepted ? null : result.replyCode;
      await db.query(
        `INSERT INTO mail_suppressions (tenant_id, address, reason, smtp_response)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id, address) DO NOTHING`,
        [
          tenantId,
          address,
          `The mail server refused this address (${code ?? 'no code'}): no more mail goes to it until it is allowed again.`,
          result.response,
        ],
      );
      // Mail already waiting for the same address would only be refused again.
      await db.query(
        `UPDATE mail_outbox SET status = 'SUPPRESSED', next_attempt_at = NULL, locked_until = NULL
          WHERE tenant_id = $1 AND status = 'PENDING' AND lower(to_address) = $2 AND id <> $3`,
        [tenantId, address, mailId],
      );
    });
    logger.info({ tenantId, mailId, attempt, outcome: outcome.kind }, 'mail attempt');
  }

  /**
   * A mail of no consultancy (the sign-up mails, modules/mail/pre-tenant-outbox.ts): sent by the same sender with
   * the same retries; a refusal for good is FAILED without a suppression, which belongs to a consultancy.
   */
  async function handlePreTenant(mailId: string): Promise<void> {
    const job = await preTenantMailJob(dataSource, mailId);
    if (!job || job.status !== 'PENDING') return;
    if (!send) {
      if (await keepPreTenantMail(dataSource, mailId)) options.showKept?.(mailLine(job.to_address, job));
      return;
    }
    const result = await send({
      messageId: job.message_id,
      to: job.to_address,
      subject: job.subject,
      html: null,
      text: job.text,
      headers: {},
    });
    const { attempt, outcome, status, nextAttemptAt, lastError } = outcomeOf(job, result);
    await recordPreTenantMail(dataSource, mailId, { attempt, status, nextAttemptAt, lastError });
    logger.info({ mailId, attempt, outcome: outcome.kind }, 'pre-tenant mail attempt');
  }

  return startOutboxWorker(dataSource, {
    name: 'mail',
    table: 'mail_outbox',
    tenantsDue: 'mail_tenants_due',
    leaseSeconds,
    pollMs: settings.pollMs,
    poll: settings.worker,
    attempt: (tenantId, mailId) => handle({ tenantId, mailId }),
    global: { claim: 'claim_pre_tenant_mail', attempt: handlePreTenant },
  });
}

/** `mail to ava@example.com: Confirm your account  http://…` on one line, easy to read and to search for. */
export function mailLine(to: string, mail: { subject: string; text: string }): string {
  const links = mail.text.match(/https?:\/\/\S+/g) ?? [];
  return [`mail to ${to}: ${mail.subject}`, ...links].join('  ');
}
