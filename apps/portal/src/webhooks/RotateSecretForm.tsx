import { useMutation } from '@apollo/client/react';
import { DEFAULT_SECRET_OVERLAP_HOURS, MAX_SECRET_OVERLAP_HOURS } from '@csp/domain';
import { FormProblems } from '../forms/FormProblems';
import { SubmitButton } from '../forms/SubmitButton';
import { TextField } from '../forms/TextField';
import { useMutationForm } from '../forms/useMutationForm';
import { RotateWebhookSecretMutation } from './documents';
import { Button } from '../ui/Button';

const FIELDS = ['overlapHours'] as const;

/**
 * Issues a new signing secret. The old one keeps signing for the overlap, so the receiver can switch without
 * missing a delivery; the new secret goes to `onIssued`, to be shown once.
 */
export function RotateSecretForm({
  endpoint,
  onIssued,
  onCancel,
}: {
  endpoint: { id: string; url: string };
  onIssued: (secret: string) => void;
  onCancel: () => void;
}) {
  // The list is refetched too: the payload's endpoint may be read before the new secret is visible to it.
  const [rotate] = useMutation(RotateWebhookSecretMutation, { refetchQueries: ['WebhookEndpoints'] });
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm(FIELDS);
  let secret: string | null = null;
  const submit = onSubmit(
    async (v) => {
      const hours = v.overlapHours.trim() === '' ? DEFAULT_SECRET_OVERLAP_HOURS : Number(v.overlapHours);
      const payload = (await rotate({ variables: { input: { id: endpoint.id, overlapHours: hours } } })).data
        ?.rotateWebhookSecret;
      secret = payload?.secret ?? null;
      return payload;
    },
    () => {
      if (secret) onIssued(secret);
    },
  );
  return (
    <form
      ref={formRef}
      className="form form-inline"
      onSubmit={submit}
      aria-label={`Rotate the signing secret of ${endpoint.url}`}
    >
      <FormProblems failure={failure} errors={errors} />
      <TextField
        name="overlapHours"
        label="Old secret keeps signing for (hours)"
        type="number"
        inputMode="numeric"
        min={0}
        max={MAX_SECRET_OVERLAP_HOURS}
        step={1}
        defaultValue={DEFAULT_SECRET_OVERLAP_HOURS}
        hint={`0 to ${MAX_SECRET_OVERLAP_HOURS}; deliveries carry both signatures until then.`}
        errors={errors.byField.overlapHours}
      />
      <div className="form-buttons">
        <SubmitButton pending={pending} pendingLabel="Issuing…">
          Issue new secret
        </SubmitButton>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
