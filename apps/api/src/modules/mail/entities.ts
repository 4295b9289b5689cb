import { EntitySchema } from 'typeorm';

export type MailStatus = 'PENDING' | 'SENT' | 'KEPT' | 'FAILED' | 'SUPPRESSED';

export interface MailOutboxRow {
  tenantId: string;
  id: string;
  messageId: string;
  /** What the mail is (an invitation, a notification's kind), for the admin's list and for preferences later. */
  kind: string;
  memberId: string | null;
  clientId: string | null;
  toAddress: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  /** Strings the "Sent mail" list masks (migration 1763800027000). */
  secrets: string[];
  status: MailStatus;
  attemptCount: number;
  nextAttemptAt: Date | null;
  lockedUntil: Date | null;
  lastError: string | null;
  queuedAt: Date;
  sentAt: Date | null;
}

export const MailOutboxEntity = new EntitySchema<MailOutboxRow>({
  name: 'MailOutbox',
  tableName: 'mail_outbox',
  columns: {
    tenantId: { type: 'uuid', primary: true, name: 'tenant_id' },
    id: { type: 'uuid', primary: true },
    messageId: { type: 'text', name: 'message_id' },
    kind: { type: 'text' },
    memberId: { type: 'uuid', name: 'member_id', nullable: true },
    clientId: { type: 'uuid', name: 'client_id', nullable: true },
    toAddress: { type: 'text', name: 'to_address' },
    subject: { type: 'text' },
    html: { type: 'text' },
    text: { type: 'text' },
    headers: { type: 'jsonb' },
    secrets: { type: 'text', array: true },
    status: { type: 'text' },
    attemptCount: { type: 'int', name: 'attempt_count' },
    nextAttemptAt: { type: 'timestamptz', name: 'next_attempt_at', nullable: true },
    lockedUntil: { type: 'timestamptz', name: 'locked_until', nullable: true },
    lastError: { type: 'text', name: 'last_error', nullable: true },
    queuedAt: { type: 'timestamptz', name: 'queued_at' },
    sentAt: { type: 'timestamptz', name: 'sent_at', nullable: true },
  },
});

export interface MailSuppressionRow {
  tenantId: string;
  /** Lower-cased. */
  address: string;
  reason: string;
  smtpResponse: string | null;
  createdAt: Date;
}

export const MailSuppressionEntity = new EntitySchema<MailSuppressionRow>({
  name: 'MailSuppression',
  tableName: 'mail_suppressions',
  columns: {
    tenantId: { type: 'uuid', primary: true, name: 'tenant_id' },
    address: { type: 'text', primary: true },
    reason: { type: 'text' },
    smtpResponse: { type: 'text', name: 'smtp_response', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at' },
  },
});
