import { ENGAGEMENT_KIND_LABELS } from '@csp/domain';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { FormProblems } from '../forms/FormProblems';
import { SelectField, optionsFrom } from '../forms/SelectField';
import { SubmitButton } from '../forms/SubmitButton';
import { TextField } from '../forms/TextField';
import { orNull, useMutationForm } from '../forms/useMutationForm';
import { graphql } from '../generated/gql';
import type { EngagementKind } from '../generated/graphql';
import { Button } from '../ui/Button';

export const CreateEngagementMutation = graphql(`
  mutation CreateEngagement($input: CreateEngagementInput!) {
    createEngagement(input: $input) {
      engagement {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const FIELDS = ['title', 'kind', 'startsOn', 'endsOn'] as const;

/** Proposes a new engagement for the client; folded away until asked for. */
export function NewEngagementForm({ clientId }: { clientId: string }) {
  const [open, setOpen] = useState(false);
  const [create] = useMutation(CreateEngagementMutation, { refetchQueries: ['ClientEngagements'] });
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm(FIELDS);
  if (!open) {
    return (
      <p>
        <Button onClick={() => setOpen(true)}>New engagement</Button>
      </p>
    );
  }
  const submit = onSubmit(
    async (v) =>
      (
        await create({
          variables: {
            input: {
              clientId,
              title: v.title,
              kind: v.kind as EngagementKind,
              startsOn: orNull(v.startsOn),
              endsOn: orNull(v.endsOn),
            },
          },
        })
      ).data?.createEngagement,
    () => setOpen(false),
  );
  return (
    <form ref={formRef} className="form form-inline" onSubmit={submit} aria-label="New engagement">
      <FormProblems failure={failure} errors={errors} />
      <TextField name="title" label="Title" required errors={errors.byField.title} />
      <SelectField
        name="kind"
        label="Kind"
        options={optionsFrom(ENGAGEMENT_KIND_LABELS)}
        errors={errors.byField.kind}
      />
      <TextField name="startsOn" label="Starts on" type="date" errors={errors.byField.startsOn} />
      <TextField name="endsOn" label="Ends on" type="date" errors={errors.byField.endsOn} />
      <div className="form-buttons">
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Propose engagement
        </SubmitButton>
        <Button onClick={() => setOpen(false)}>Cancel</Button>
      </div>
    </form>
  );
}
