import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { FormProblems } from '../forms/FormProblems';
import { useMutationForm } from '../forms/useMutationForm';
import type { WebhookEndpointFieldsFragment } from '../generated/graphql';
import {
  DeleteWebhookEndpointMutation,
  SendTestWebhookMutation,
  UpdateWebhookEndpointMutation,
} from './documents';
import { Button } from '../ui/Button';

/** One-click actions on an endpoint: turn it off or on, send a test event, delete it. */
export function EndpointControls({
  endpoint,
  onEdit,
  onRotate,
}: {
  endpoint: WebhookEndpointFieldsFragment;
  onEdit: () => void;
  onRotate: () => void;
}) {
  const [update] = useMutation(UpdateWebhookEndpointMutation);
  const [sendTest] = useMutation(SendTestWebhookMutation, { refetchQueries: ['WebhookDeliveries'] });
  const [remove] = useMutation(DeleteWebhookEndpointMutation, { refetchQueries: ['WebhookEndpoints'] });
  const { pending, errors, failure, run } = useMutationForm([]);
  const [done, setDone] = useState('');
  const { url } = endpoint;

  async function toggle() {
    const enabled = !endpoint.enabled;
    if (
      !enabled &&
      !window.confirm(
        `Turn off deliveries to ${url}? Deliveries still waiting are cancelled; you can replay them later.`,
      )
    ) {
      return;
    }
    setDone('');
    const ok = await run(
      async () =>
        (await update({ variables: { input: { id: endpoint.id, enabled } } })).data?.updateWebhookEndpoint,
    );
    if (ok) setDone(enabled ? 'Turned on.' : 'Turned off.');
  }

  async function test() {
    setDone('');
    const ok = await run(
      async () =>
        (await sendTest({ variables: { input: { endpointId: endpoint.id } } })).data?.sendTestWebhook,
    );
    if (ok) setDone('Test event queued: it appears in the deliveries below.');
  }

  function destroy() {
    if (
      !window.confirm(`Delete the endpoint ${url}? Its secrets and delivery records are deleted with it.`)
    ) {
      return;
    }
    setDone('');
    void run(
      async () => (await remove({ variables: { input: { id: endpoint.id } } })).data?.deleteWebhookEndpoint,
    );
  }

  return (
    <>
      <FormProblems failure={failure} errors={errors} title="That did not work" />
      <div className="button-row">
        <Button size="small" disabled={pending} onClick={() => void toggle()}>
          {endpoint.enabled ? 'Turn off' : 'Turn on'}
          <span className="visually-hidden"> {url}</span>
        </Button>
        <Button size="small" disabled={pending} onClick={onEdit}>
          Change<span className="visually-hidden"> {url}</span>
        </Button>
        <Button size="small" disabled={pending} onClick={onRotate}>
          Rotate secret<span className="visually-hidden"> of {url}</span>
        </Button>
        <Button size="small" disabled={pending || !endpoint.enabled} onClick={() => void test()}>
          Send a test event<span className="visually-hidden"> to {url}</span>
        </Button>
        <Button size="small" disabled={pending} onClick={destroy}>
          Delete<span className="visually-hidden"> {url}</span>
        </Button>
        {/* Always present, so screen readers announce the text when it appears. */}
        <span role="status" className="muted">
          {done}
        </span>
      </div>
    </>
  );
}
