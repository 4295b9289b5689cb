import nodemailer from 'nodemailer';
import type { MailAttempt } from '@csp/domain';
import type { MailSettings } from '../../core/config.js';

export interface OutgoingMail {
  messageId: string;
  to: string;
  subject: string;
  /** Null for a plain-text mail (the sign-up mails). */
  html: string | null;
  text: string;
  headers: Record<string, string>;
}

/** An attempt's result, with the server's words (or the connection's error) for the admin's list. */
export type SendResult = MailAttempt & { response: string | null };

export type MailSender = (mail: OutgoingMail) => Promise<SendResult>;

interface SmtpError {
  responseCode?: number;
  response?: string;
  message?: string;
}

/** The server's reply kept for the record; enough to read, never a whole transcript. */
const clip = (text: string) => text.slice(0, 1000);

/**
 * Sends through the SMTP server of SMTP_URL, one connection per mail (no pool: mail is rare, and a pooled
 * connection a server dropped would fail the next mail for nothing). The timeouts are short so that a server that
 * accepts the connection and then hangs holds a mail no longer than its lease allows; it is then tried again.
 */
export function createSmtpSender(settings: MailSettings & { smtpUrl: string }): MailSender {
  const transport = nodemailer.createTransport({
    url: settings.smtpUrl,
    pool: false,
    connectionTimeout: settings.timeoutMs,
    greetingTimeout: settings.timeoutMs,
    socketTimeout: settings.timeoutMs,
  });
  return async (mail) => {
    try {
      const info = await transport.sendMail({
        from: settings.from,
        to: mail.to,
        subject: mail.subject,
        html: mail.html ?? undefined,
        text: mail.text,
        messageId: mail.messageId,
        headers: mail.headers,
      });
      return { accepted: true, response: clip(String(info.response ?? '')) };
    } catch (error) {
      const failure = error as SmtpError;
      return {
        accepted: false,
        replyCode: typeof failure.responseCode === 'number' ? failure.responseCode : null,
        response: clip(failure.response ?? failure.message ?? String(error)),
      };
    }
  };
}

/** The lease a claimed mail holds: the three timeouts of one conversation, and some margin for recording it. */
export const leaseSecondsOf = (settings: MailSettings) => Math.ceil((3 * settings.timeoutMs) / 1000) + 30;
