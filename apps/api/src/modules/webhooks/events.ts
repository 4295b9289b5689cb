import type {
  ActionStatus,
  ComplaintSeverity,
  EngagementStatus,
  FeedbackKind,
  WebhookEventType,
} from '@csp/domain';

/**
 * What each event's `data` holds: ids and the change, so a receiver can fetch the rest with a key that may read
 * it. `queueWebhookEvent` takes its data from here, so a payload with a missing, misspelt or extra key does not
 * compile; docs/api.md's webhook table lists the same keys (events.test.ts compares them). Times are ISO strings.
 */
export interface WebhookEvents {
  AUDIT_PUBLISHED: {
    auditId: string;
    clientId: string;
    engagementId: string | null;
    title: string;
    /** The framework's key. */
    framework: string;
    conductedOn: string;
    overallScore: number | null;
    publishedAt: string | undefined;
  };
  CHARTER_PUBLISHED: {
    charterId: string;
    versionId: string;
    clientId: string;
    versionNumber: number;
    promiseCount: number;
    publishedAt: string;
  };
  CHARTER_SIGNED_OFF: {
    charterId: string;
    versionId: string;
    clientId: string;
    versionNumber: number;
    signedOffBy: string;
    signedOffAt: string | undefined;
  };
  ACTION_STATUS_CHANGED: {
    actionId: string;
    clientId: string;
    from: ActionStatus;
    to: ActionStatus;
    changedAt: string;
  };
  ENGAGEMENT_STATUS_CHANGED: {
    engagementId: string;
    clientId: string;
    from: EngagementStatus;
    to: EngagementStatus;
    changedAt: string;
  };
  /** The running period of a service level is on course to miss its target (once per period). */
  SERVICE_LEVEL_AT_RISK: ServiceLevelEvent;
  /** The newest closed period with figures missed the target, and the service level was not in breach. */
  SERVICE_LEVEL_BREACHED: ServiceLevelEvent;
  /** The newest closed period with figures met the target, after a breach. */
  SERVICE_LEVEL_RECOVERED: ServiceLevelEvent;
  /** A complaint new to a client's log (a resend of a known external reference is not new). */
  COMPLAINT_RECORDED: {
    complaintId: string;
    clientId: string;
    categoryId: string;
    touchPointId: string | null;
    promiseKey: string | null;
    severity: ComplaintSeverity;
    receivedAt: string;
    externalReference: string | null;
  };
  /** A category's count this month became improbable against the six months before (once per category and month). */
  COMPLAINT_RISING: {
    clientId: string;
    categoryId: string;
    /** `YYYY-MM` in the client's time zone. */
    month: string;
    count: number;
    trailingMean: number;
    probability: number;
  };
  /** A customer answered through a public feedback link; `detractor` by the kind's rule (docs/feedback.md). */
  FEEDBACK_RECEIVED: {
    feedbackResponseId: string;
    clientId: string;
    linkId: string;
    touchPointId: string | null;
    kind: FeedbackKind;
    score: number;
    detractor: boolean;
    hasComment: boolean;
    receivedAt: string;
  };
  /** Sent on request (`sendTestWebhook`), never for a change. */
  TEST: { endpointId: string; note: string };
}

/**
 * A service level's events carry the period that caused them and its figures: compliance so far (Σgood ÷ Σvalid),
 * where the period ends at the current rate (the compliance itself once closed), and the target, all as shares
 * from 0 to 1.
 */
interface ServiceLevelEvent {
  serviceLevelId: string;
  clientId: string;
  promiseKey: string;
  period: { label: string; start: string; end: string };
  compliance: number | null;
  projected: number | null;
  target: number;
}

/** Every event type is in the map, and the map holds nothing else (besides TEST). */
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const everyEventMapped: Exact<keyof WebhookEvents, WebhookEventType | 'TEST'> = true;
void everyEventMapped;

/**
 * The keys of each event's data, as a value the docs test can read. The check below fails to compile when a key
 * is in `WebhookEvents` and not here, or the other way round.
 */
const SERVICE_LEVEL_EVENT_KEYS = [
  'serviceLevelId',
  'clientId',
  'promiseKey',
  'period',
  'compliance',
  'projected',
  'target',
] as const;

export const WEBHOOK_EVENT_KEYS = {
  AUDIT_PUBLISHED: [
    'auditId',
    'clientId',
    'engagementId',
    'title',
    'framework',
    'conductedOn',
    'overallScore',
    'publishedAt',
  ],
  CHARTER_PUBLISHED: ['charterId', 'versionId', 'clientId', 'versionNumber', 'promiseCount', 'publishedAt'],
  CHARTER_SIGNED_OFF: ['charterId', 'versionId', 'clientId', 'versionNumber', 'signedOffBy', 'signedOffAt'],
  ACTION_STATUS_CHANGED: ['actionId', 'clientId', 'from', 'to', 'changedAt'],
  ENGAGEMENT_STATUS_CHANGED: ['engagementId', 'clientId', 'from', 'to', 'changedAt'],
  SERVICE_LEVEL_AT_RISK: SERVICE_LEVEL_EVENT_KEYS,
  SERVICE_LEVEL_BREACHED: SERVICE_LEVEL_EVENT_KEYS,
  SERVICE_LEVEL_RECOVERED: SERVICE_LEVEL_EVENT_KEYS,
  COMPLAINT_RECORDED: [
    'complaintId',
    'clientId',
    'categoryId',
    'touchPointId',
    'promiseKey',
    'severity',
    'receivedAt',
    'externalReference',
  ],
  COMPLAINT_RISING: ['clientId', 'categoryId', 'month', 'count', 'trailingMean', 'probability'],
  FEEDBACK_RECEIVED: [
    'feedbackResponseId',
    'clientId',
    'linkId',
    'touchPointId',
    'kind',
    'score',
    'detractor',
    'hasComment',
    'receivedAt',
  ],
  TEST: ['endpointId', 'note'],
} as const satisfies { [T in keyof WebhookEvents]: readonly (keyof WebhookEvents[T])[] };

type Unlisted = {
  [T in keyof WebhookEvents]: Exclude<keyof WebhookEvents[T], (typeof WEBHOOK_EVENT_KEYS)[T][number]>;
}[keyof WebhookEvents];
const everyKeyListed: Exact<Unlisted, never> = true;
void everyKeyListed;

/** One event as the outbox takes it: its type decides what its data must hold. */
export type WebhookEvent<T extends WebhookEventType> = {
  tenantId: string;
  type: T;
  data: WebhookEvents[T];
  /** Required, so no caller forgets the link from an event to the request's logs. */
  requestId: string;
};
