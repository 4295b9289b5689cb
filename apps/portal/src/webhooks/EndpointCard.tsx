import { WEBHOOK_EVENT_LABELS } from '@csp/domain';
import { useState } from 'react';
import type { WebhookEndpointFieldsFragment } from '../generated/graphql';
import { formatDateTime } from '../ui/format';
import { DeliveryList } from './DeliveryList';
import { EditEndpointForm } from './EditEndpointForm';
import { EndpointControls } from './EndpointControls';
import { RotateSecretForm } from './RotateSecretForm';
import { WebhookSecret } from './WebhookSecret';
import './webhooks.css';

type Editing = 'none' | 'details' | 'secret';

/** An endpoint with its state, events and secrets, what can be done to it, and its recent deliveries. */
export function EndpointCard({ endpoint }: { endpoint: WebhookEndpointFieldsFragment }) {
  const [editing, setEditing] = useState<Editing>('none');
  const [issued, setIssued] = useState<string | null>(null);
  return (
    <li className="card">
      <h3 className="webhook-url">{endpoint.url}</h3>
      <p>
        <span className={endpoint.enabled ? 'tag status-done' : 'tag tag-danger'}>
          {endpoint.enabled ? 'On' : 'Off'}
        </span>
        {endpoint.description && <span>{endpoint.description}</span>}
      </p>
      {endpoint.disabledReason && (
        <div className="banner banner-error">
          <p className="banner-title">Turned off automatically</p>
          <p>{endpoint.disabledReason}</p>
          <p>Nothing is sent until you turn it on again.</p>
        </div>
      )}
      <dl className="facts">
        <dt>Events</dt>
        <dd>{endpoint.events.map((event) => WEBHOOK_EVENT_LABELS[event]).join('; ')}</dd>
        <dt>Signing secrets</dt>
        <dd>
          {endpoint.secrets.map((secret, index) => (
            <span key={secret.id}>
              {index > 0 && '; '}
              <code>{secret.hint}</code>{' '}
              {secret.expiresAt ? `signs until ${formatDateTime(secret.expiresAt)}` : 'current'}
            </span>
          ))}
        </dd>
        <dt>Registered</dt>
        <dd>{formatDateTime(endpoint.createdAt)}</dd>
      </dl>
      {issued && <WebhookSecret title="New secret issued." secret={issued} onDone={() => setIssued(null)} />}
      <EndpointControls
        endpoint={endpoint}
        onEdit={() => setEditing('details')}
        onRotate={() => {
          setIssued(null);
          setEditing('secret');
        }}
      />
      {editing === 'details' && <EditEndpointForm endpoint={endpoint} onClose={() => setEditing('none')} />}
      {editing === 'secret' && (
        <RotateSecretForm
          endpoint={endpoint}
          onIssued={(secret) => {
            setIssued(secret);
            setEditing('none');
          }}
          onCancel={() => setEditing('none')}
        />
      )}
      <DeliveryList endpointId={endpoint.id} url={endpoint.url} />
    </li>
  );
}
