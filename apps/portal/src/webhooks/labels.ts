import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_NAMES, WEBHOOK_EVENT_TYPES } from '@csp/domain';
import type { WebhookDeliveryStatus } from '../generated/graphql';

export const DELIVERY_STATUS_LABELS: Record<WebhookDeliveryStatus, string> = {
  PENDING: 'Pending',
  DELIVERED: 'Delivered',
  FAILED: 'Failed',
  CANCELLED: 'Cancelled',
};

/** The filter offers the states an admin looks for; "cancelled" only follows turning an endpoint off. */
export const DELIVERY_FILTERS: readonly { value: WebhookDeliveryStatus; label: string }[] = [
  { value: 'FAILED', label: 'Failed' },
  { value: 'PENDING', label: 'Pending' },
  { value: 'DELIVERED', label: 'Delivered' },
  { value: 'CANCELLED', label: 'Cancelled' },
];

const TEST_LABEL = 'Test event, sent on request';

/**
 * A delivery names its event as the receiver sees it (`audit.published`, `webhook.test`); people read the domain's
 * label instead, and an unknown name (a newer API) is shown as it is.
 */
export function deliveredEventLabel(type: string): string {
  if (type === WEBHOOK_EVENT_NAMES.TEST) return TEST_LABEL;
  const known = WEBHOOK_EVENT_TYPES.find((event) => WEBHOOK_EVENT_NAMES[event] === type);
  return known ? WEBHOOK_EVENT_LABELS[known] : type;
}
