import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { FormProblems } from '../forms/FormProblems';
import { SubmitButton } from '../forms/SubmitButton';
import { TextField } from '../forms/TextField';
import { orNull, useMutationForm } from '../forms/useMutationForm';
import { CreateWebhookEndpointMutation } from './documents';
import { checkedEvents, EventChoices } from './EventChoices';
import { WebhookSecret } from './WebhookSecret';

const FIELDS = ['url', 'events', 'description'] as const;

export const URL_HINT = 'Where deliveries are posted, e.g. https://intranet.example.com/hooks/service.';

/** Registers an endpoint; its signing secret is shown once, above the emptied form. */
export function RegisterEndpointForm() {
  const [issued, setIssued] = useState<string | null>(null);
  const [create] = useMutation(CreateWebhookEndpointMutation, { refetchQueries: ['WebhookEndpoints'] });
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm(FIELDS);
  let secret: string | null = null;
  const submit = onSubmit(
    async (v) => {
      setIssued(null);
      const payload = (
        await create({
          variables: {
            input: {
              url: v.url.trim(),
              events: checkedEvents(formRef.current),
              description: orNull(v.description),
            },
          },
        })
      ).data?.createWebhookEndpoint;
      secret = payload?.secret ?? null;
      return payload;
    },
    (form) => {
      setIssued(secret);
      form.reset();
    },
  );
  return (
    <>
      {issued && (
        <WebhookSecret title="Endpoint registered." secret={issued} onDone={() => setIssued(null)} />
      )}
      <form ref={formRef} className="form" onSubmit={submit} aria-label="Register an endpoint">
        <FormProblems failure={failure} errors={errors} />
        <TextField
          name="url"
          label="Endpoint URL"
          type="url"
          required
          hint={URL_HINT}
          errors={errors.byField.url}
        />
        <TextField name="description" label="Description (optional)" errors={errors.byField.description} />
        <EventChoices errors={errors.byField.events} />
        <SubmitButton pending={pending} pendingLabel="Registering…">
          Register endpoint
        </SubmitButton>
      </form>
    </>
  );
}
