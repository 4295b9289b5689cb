import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { SelectField } from '../forms/SelectField';
import type { WebhookDeliveryStatus } from '../generated/graphql';
import { EmptyState, QueryState } from '../ui/QueryState';
import { DeliveryItem } from './DeliveryItem';
import { WebhookDeliveriesQuery } from './documents';
import { DELIVERY_FILTERS, DELIVERY_STATUS_LABELS } from './labels';

/**
 * An endpoint's 20 latest deliveries, optionally of one status. Deliveries change in the background (the worker
 * sends and retries them), so the list is refreshed on request rather than kept live.
 */
export function DeliveryList({ endpointId, url }: { endpointId: string; url: string }) {
  const headingId = useId();
  const [status, setStatus] = useState<WebhookDeliveryStatus | ''>('');
  const { data, loading, error, refetch, networkStatus } = useQuery(WebhookDeliveriesQuery, {
    variables: { endpointId, status: status || null },
    notifyOnNetworkStatusChange: true,
  });
  const refreshing = networkStatus === NetworkStatus.refetch;
  const deliveries = data?.webhookEndpoint?.deliveries;
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
        <button
          type="button"
          className="button button-quiet"
          disabled={refreshing}
          aria-busy={refreshing || undefined}
          onClick={() => void refetch()}
        >
          {refreshing ? 'Refreshing…' : 'Refresh'}
          <span className="visually-hidden"> deliveries to {url}</span>
        </button>
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
