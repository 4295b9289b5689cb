import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useEffect, useId, useState } from 'react';
import { SelectField } from '../forms/SelectField';
import type { WebhookDeliveryStatus } from '../generated/graphql';
import { EmptyState, QueryState } from '../ui/QueryState';
import { DeliveryItem } from './DeliveryItem';
import { WebhookDeliveriesQuery } from './documents';
import { DELIVERY_FILTERS, DELIVERY_STATUS_LABELS } from './labels';
import { Button } from '../ui/Button';

/** While a delivery is due within this long, the list refreshes itself to show it land. */
const DUE_SOON_MS = 60_000;
const POLL_MS = 3_000;

/**
 * An endpoint's 20 latest deliveries, optionally of one status. Deliveries change in the background (the worker
 * sends and retries them): the list follows by itself while one is about to be sent, and otherwise on request,
 * since a retry may be hours away.
 */
export function DeliveryList({ endpointId, url }: { endpointId: string; url: string }) {
  const headingId = useId();
  const [status, setStatus] = useState<WebhookDeliveryStatus | ''>('');
  const { data, loading, error, refetch, networkStatus, startPolling, stopPolling } = useQuery(
    WebhookDeliveriesQuery,
    { variables: { endpointId, status: status || null }, notifyOnNetworkStatusChange: true },
  );
  const refreshing = networkStatus === NetworkStatus.refetch;
  const deliveries = data?.webhookEndpoint?.deliveries;
  const dueSoon = Boolean(
    deliveries?.nodes.some(
      (delivery) =>
        delivery.status === 'PENDING' &&
        delivery.nextAttemptAt !== null &&
        new Date(delivery.nextAttemptAt).getTime() - Date.now() < DUE_SOON_MS,
    ),
  );
  useEffect(() => {
    if (!dueSoon) return undefined;
    startPolling(POLL_MS);
    return () => stopPolling();
  }, [dueSoon, startPolling, stopPolling]);
  return (
    <section aria-labelledby={headingId}>
      <h4 id={headingId}>
        Recent deliveries<span className="visually-hidden"> to {url}</span>
      </h4>
      <div className="filters">
        <SelectField
          name="status"
          label="Show"
          placeholder="All deliveries"
          value={status}
          onChange={(e) => setStatus(e.target.value as WebhookDeliveryStatus | '')}
          options={DELIVERY_FILTERS}
        />
        <Button disabled={refreshing} aria-busy={refreshing || undefined} onClick={() => void refetch()}>
          {refreshing ? 'Refreshing…' : 'Refresh'}
          <span className="visually-hidden"> deliveries to {url}</span>
        </Button>
      </div>
      <QueryState loading={loading} error={error} what="deliveries" retry={refetch} hasData={Boolean(data)}>
        {!deliveries ? (
          // Deleted meanwhile (in another tab, say): the endpoint list drops it on its next load.
          <EmptyState title="This endpoint no longer exists" />
        ) : deliveries.nodes.length === 0 ? (
          <EmptyState
            title={
              status ? `No ${DELIVERY_STATUS_LABELS[status].toLowerCase()} deliveries` : 'No deliveries yet'
            }
          >
            {status ? 'Choose “All deliveries” to see the others.' : 'Send a test event to see one arrive.'}
          </EmptyState>
        ) : (
          <ul className="item-list" aria-label={`Deliveries to ${url}`}>
            {deliveries.nodes.map((delivery) => (
              <DeliveryItem key={delivery.id} delivery={delivery} />
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}
