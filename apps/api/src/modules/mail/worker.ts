import { mailAddressKey, mailOutcome } from '@csp/domain';
import type { DataSource } from 'typeorm';
import { TenantDb } from '../../core/tenancy/tenant-db.js';
import type { MailSettings } from '../../core/config.js';
import { logger } from '../../core/logger.js';
import { createSmtpSender, leaseSecondsOf, type MailSender, type SendResult } from './smtp-sender.js';

const BATCH = 20;

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
}

export interface MailWorker {
  /** Claims and sends (or keeps) what is due now; returns how many mails it handled. */
  runOnce(): Promise<number>;
  /** Stops polling and waits for the attempts in flight to be recorded. */
  stop(): Promise<void>;
}

/**
 * Sends the outbox, as the webhook worker delivers its own (modules/webhooks/worker.ts): every API process may
 * run one; claims are leased with SKIP LOCKED, so processes share the work, and a mail whose process died
 * mid-conversation is claimed again when its lease runs out. Sending is therefore at least once, with the same
 * Message-ID each time.
 *
 * A round asks which consultancies have mail due (`mail_tenants_due`, the one look-up that crosses tenants), then
 * claims in each consultancy's own transaction with its tenant in the WHERE, a share of the batch each.
 *
 * Without an SMTP server (no SMTP_URL) mail is KEPT: marked as kept, not sent, and admins read it on the "Sent
 * mail" page. Nothing waits to be sent later: a server configured afterwards sends only mail queued from then on.
 */
export function startMailWorker(
  dataSource: DataSource,
  settings: MailSettings,
  options: { random?: () => number; sender?: MailSender | null } = {},
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
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> = Promise.resolve(0);

  function inTenant<T>(tenantId: string, work: (db: TenantDb) => Promise<T>): Promise<T> {
    return dataSource.transaction(async (db) => {
      await db.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      return work(new TenantDb(db, tenantId));
    });
  }

  async function handle({ tenantId, mailId }: ClaimedMail): Promise<void> {
    const [job] = await inTenant(
      tenantId,
      (db) =>
        db.query(
          `SELECT status, attempt_count, message_id, to_address, subject, html, text, headers
             FROM mail_outbox WHERE tenant_id = $1 AND id = $2`,
          [tenantId, mailId],
        ) as Promise<MailJob[]>,
    );
    if (!job || job.status !== 'PENDING') return;
    if (!send) {
      await inTenant(tenantId, (db) =>
        db.query(
          `UPDATE mail_outbox SET status = 'KEPT', next_attempt_at = NULL, locked_until = NULL
            WHERE tenant_id = $1 AND id = $2 AND status = 'PENDING'`,
          [tenantId, mailId],
        ),
      );
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
    const attempt = job.attempt_count + 1;
    const outcome = mailOutcome(result, attempt, random());
    const status = outcome.kind === 'SENT' ? 'SENT' : outcome.kind === 'RETRY' ? 'PENDING' : 'FAILED';
    const nextAttemptAt = outcome.kind === 'RETRY' ? new Date(Date.now() + outcome.delayMs) : null;
    const lastError = outcome.kind === 'SENT' ? null : result.response;
    await inTenant(tenantId, async (db) => {
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

  /** Leases up to `limit` of one consultancy's due mail, oldest first. */
  function claim(tenantId: string, limit: number): Promise<ClaimedMail[]> {
    return inTenant(tenantId, async (db) => {
      const rows = (await db.query(
        `UPDATE mail_outbox m
            SET locked_until = now() + make_interval(secs => $3)
           FROM (SELECT o.id FROM mail_outbox o
                  WHERE o.tenant_id = $1 AND o.status = 'PENDING' AND o.next_attempt_at <= now()
                    AND (o.locked_until IS NULL OR o.locked_until <= now())
                  ORDER BY o.next_attempt_at
                  LIMIT $2
                  FOR UPDATE SKIP LOCKED) due
          WHERE m.tenant_id = $1 AND m.id = due.id
         RETURNING m.id`,
        [tenantId, limit, leaseSeconds],
      )) as [{ id: string }[], number];
      return rows[0].map((row) => ({ tenantId, mailId: row.id }));
    });
  }

  let fullRound = false;
  async function runOnce(): Promise<number> {
    const tenants = (await dataSource.query('SELECT tenant_id FROM mail_tenants_due($1)', [BATCH])) as {
      tenant_id: string;
    }[];
    const share = Math.max(1, Math.floor(BATCH / Math.max(tenants.length, 1)));
    const claimed: ClaimedMail[] = [];
    fullRound = false;
    for (const { tenant_id: tenantId } of tenants) {
      const mine = await claim(tenantId, share);
      fullRound ||= mine.length === share;
      claimed.push(...mine);
    }
    await Promise.all(
      claimed.map((mail) =>
        handle(mail).catch((error: unknown) => {
          // The lease stays: the mail is tried again when it runs out.
          logger.warn({ err: error, mailId: mail.mailId }, 'mail attempt could not be recorded');
        }),
      ),
    );
    return claimed.length;
  }

  function schedule(delayMs: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce().catch((error: unknown) => {
        logger.warn({ err: error }, 'mail worker could not claim mail');
        return 0;
      });
      // A consultancy that filled its share may have more due: go again at once.
      void running.then(() => schedule(fullRound ? 0 : settings.pollMs));
    }, delayMs);
    timer.unref();
  }

  if (settings.worker) schedule(0);

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
