/**
 * What an integration can be told about. Each is something a client's other systems would act on: a published
 * result to pull into a dashboard, a charter to show on an intranet, a task to mirror in a ticket system, a
 * service level slipping to page a team lead.
 */
export const WEBHOOK_EVENT_TYPES = [
  'AUDIT_PUBLISHED',
  'CHARTER_PUBLISHED',
  'CHARTER_SIGNED_OFF',
  'ACTION_STATUS_CHANGED',
  'ENGAGEMENT_STATUS_CHANGED',
  'SERVICE_LEVEL_AT_RISK',
  'SERVICE_LEVEL_BREACHED',
  'SERVICE_LEVEL_RECOVERED',
  'COMPLAINT_RECORDED',
  'COMPLAINT_RISING',
  'FEEDBACK_RECEIVED',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The `type` a receiver sees in the body: dotted and lower case, as Standard Webhooks suggests. */
export const WEBHOOK_EVENT_NAMES: Record<WebhookEventType | 'TEST', string> = {
  AUDIT_PUBLISHED: 'audit.published',
  CHARTER_PUBLISHED: 'charter.published',
  CHARTER_SIGNED_OFF: 'charter.signed_off',
  ACTION_STATUS_CHANGED: 'action.status_changed',
  ENGAGEMENT_STATUS_CHANGED: 'engagement.status_changed',
  SERVICE_LEVEL_AT_RISK: 'service_level.at_risk',
  SERVICE_LEVEL_BREACHED: 'service_level.breached',
  SERVICE_LEVEL_RECOVERED: 'service_level.recovered',
  COMPLAINT_RECORDED: 'complaint.recorded',
  COMPLAINT_RISING: 'complaint.rising',
  FEEDBACK_RECEIVED: 'feedback.received',
  TEST: 'webhook.test',
};

export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  AUDIT_PUBLISHED: 'An audit is published to its client',
  CHARTER_PUBLISHED: 'A charter version is published',
  CHARTER_SIGNED_OFF: 'A client leader signs off a charter version',
  ACTION_STATUS_CHANGED: 'An action moves to another status',
  ENGAGEMENT_STATUS_CHANGED: 'An engagement moves to another status',
  SERVICE_LEVEL_AT_RISK: 'A service level’s running period is on course to miss its target',
  SERVICE_LEVEL_BREACHED: 'A service level’s period closes under its target',
  SERVICE_LEVEL_RECOVERED: 'A service level meets its target again after a breach',
  COMPLAINT_RECORDED: 'A complaint is recorded in a client’s log',
  COMPLAINT_RISING: 'A complaint category is rising this month',
  FEEDBACK_RECEIVED: 'A customer answers a feedback link (detractors flagged)',
};

/** The body every delivery carries; `data` holds ids and the change, so the receiver can fetch the rest. */
export interface WebhookMessage {
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

export function webhookMessage(
  type: WebhookEventType | 'TEST',
  occurredAt: Date,
  data: Record<string, unknown>,
): WebhookMessage {
  return { type: WEBHOOK_EVENT_NAMES[type], timestamp: occurredAt.toISOString(), data };
}
