import { useMutation } from '@apollo/client/react';
import { FormProblems } from '../forms/FormProblems';
import { SubmitButton } from '../forms/SubmitButton';
import { TextField } from '../forms/TextField';
import { orNull, useMutationForm } from '../forms/useMutationForm';
import type { WebhookEndpointFieldsFragment } from '../generated/graphql';
import { UpdateWebhookEndpointMutation } from './documents';
import { checkedEvents, EventChoices } from './EventChoices';
import { URL_HINT } from './RegisterEndpointForm';
import { Button } from '../ui/Button';

const FIELDS = ['url', 'events', 'description'] as const;

/** Changes an endpoint's address, description and events; the answer updates the endpoint in the cache. */
export function EditEndpointForm({
  endpoint,
  onClose,
}: {
  endpoint: WebhookEndpointFieldsFragment;
  onClose: () => void;
}) {
  const [update] = useMutation(UpdateWebhookEndpointMutation);
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm(FIELDS);
  const submit = onSubmit(
    async (v) =>
      (
        await update({
          variables: {
            input: {
              id: endpoint.id,
              url: v.url.trim(),
              description: orNull(v.description),
              events: checkedEvents(formRef.current),
            },
          },
        })
      ).data?.updateWebhookEndpoint,
    onClose,
  );
  return (
    <form ref={formRef} className="form" onSubmit={submit} aria-label={`Change the endpoint ${endpoint.url}`}>
      <FormProblems failure={failure} errors={errors} />
      <TextField
        name="url"
        label="Endpoint URL"
        type="url"
        required
        hint={URL_HINT}
        defaultValue={endpoint.url}
        errors={errors.byField.url}
      />
      <TextField
        name="description"
        label="Description (optional)"
        defaultValue={endpoint.description ?? ''}
        errors={errors.byField.description}
      />
      <EventChoices errors={errors.byField.events} checked={endpoint.events} />
      <div className="form-buttons">
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Save changes
        </SubmitButton>
        <Button onClick={onClose}>Cancel</Button>
      </div>
    </form>
  );
}
