import { useMutation } from '@apollo/client/react';
import { FormProblems } from '../forms/FormProblems';
import { useMutationForm } from '../forms/useMutationForm';
import type { WebhookDeliveriesQuery, WebhookDeliveryStatus } from '../generated/graphql';
import { formatDateTime, formatNumber } from '../ui/format';
import { ReplayWebhookDeliveryMutation } from './documents';
import { deliveredEventLabel, DELIVERY_STATUS_LABELS } from './labels';
import { Button } from '../ui/Button';
import './webhooks.css';

type Delivery = NonNullable<WebhookDeliveriesQuery['webhookEndpoint']>['deliveries']['nodes'][number];
type Attempt = Delivery['attempts'][number];

const STATUS_CLASS: Record<WebhookDeliveryStatus, string> = {
  DELIVERED: 'tag status-done',
  PENDING: 'tag status-in_progress',
  FAILED: 'tag tag-danger',
  CANCELLED: 'tag',
};

/** One delivery: what was sent, how it went, each attempt on demand, and a replay. */
export function DeliveryItem({ delivery }: { delivery: Delivery }) {
  const event = deliveredEventLabel(delivery.event.type);
  const queued = formatDateTime(delivery.createdAt);
  return (
    <li>
      <span className="item-title">
        {event} <code className="muted">{delivery.event.type}</code>
      </span>
      <span className={STATUS_CLASS[delivery.status]}>{DELIVERY_STATUS_LABELS[delivery.status]}</span>
      <span className="muted">
        {delivery.replayOf ? 'Replay queued' : 'Queued'} {queued} ·{' '}
        {delivery.attemptCount === 1 ? '1 attempt' : `${formatNumber(delivery.attemptCount)} attempts`} · last
        answer {delivery.lastResponseStatus ?? '—'}
        {delivery.deliveredAt && ` · delivered ${formatDateTime(delivery.deliveredAt)}`}
        {delivery.status === 'PENDING' && ` · next attempt ${formatDateTime(delivery.nextAttemptAt)}`}
      </span>
      {delivery.status !== 'PENDING' && <ReplayButton id={delivery.id} what={`${event}, queued ${queued}`} />}
      {delivery.attempts.length > 0 && (
        <details>
          <summary>
            Attempts
            <span className="visually-hidden">
              {' '}
              of {event}, queued {queued}
            </span>
          </summary>
          <ol className="notes">
            {delivery.attempts.map((attempt) => (
              <AttemptItem key={attempt.number} attempt={attempt} />
            ))}
          </ol>
        </details>
      )}
    </li>
  );
}

function AttemptItem({ attempt }: { attempt: Attempt }) {
  const answer = attempt.responseStatus === null ? 'no answer' : `answered ${String(attempt.responseStatus)}`;
  return (
    <li>
      Attempt {attempt.number} · {formatDateTime(attempt.attemptedAt)} · {answer} after{' '}
      {formatNumber(attempt.durationMs)} ms
      {attempt.error && <p className="field-error">{attempt.error}</p>}
      {attempt.responseBody && <pre className="webhook-excerpt">{attempt.responseBody}</pre>}
    </li>
  );
}

/** Sends the same event again now, as a new delivery with the same `webhook-id`; the list then shows it. */
function ReplayButton({ id, what }: { id: string; what: string }) {
  const [replay] = useMutation(ReplayWebhookDeliveryMutation, { refetchQueries: ['WebhookDeliveries'] });
  const { pending, errors, failure, run } = useMutationForm([]);
  return (
    <>
      <Button
        size="small"
        disabled={pending}
        onClick={() =>
          void run(async () => (await replay({ variables: { input: { id } } })).data?.replayWebhookDelivery)
        }
      >
        Replay<span className="visually-hidden"> {what}</span>
      </Button>
      <FormProblems failure={failure} errors={errors} title="Could not replay" />
    </>
  );
}
