import { useMutation } from '@apollo/client/react';
import { INDUSTRY_LABELS } from '@csp/domain';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { FormProblems } from '../forms/FormProblems';
import { SelectField, optionsFrom } from '../forms/SelectField';
import { SubmitButton } from '../forms/SubmitButton';
import { TextField } from '../forms/TextField';
import { orNull, useMutationForm } from '../forms/useMutationForm';
import { graphql } from '../generated/gql';
import type { Industry } from '../generated/graphql';
import { Button } from '../ui/Button';

export const CreateClientMutation = graphql(`
  mutation CreateClient($input: CreateClientInput!) {
    createClient(input: $input) {
      client {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const FIELDS = ['name', 'industry', 'region'] as const;

/** Adds a client organisation and opens its page. Folded away until asked for. */
export function NewClientForm() {
  const [open, setOpen] = useState(false);
  const [createClient] = useMutation(CreateClientMutation, { refetchQueries: ['Clients'] });
  const navigate = useNavigate();
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm(FIELDS);
  if (!open) {
    return (
      <p>
        <Button onClick={() => setOpen(true)}>New client</Button>
      </p>
    );
  }
  let createdId: string | undefined;
  const submit = onSubmit(
    async (v) => {
      const payload = (
        await createClient({
          variables: { input: { name: v.name, industry: v.industry as Industry, region: orNull(v.region) } },
        })
      ).data?.createClient;
      createdId = payload?.client?.id;
      return payload;
    },
    () => {
      if (createdId) void navigate(`/clients/${createdId}`);
    },
  );
  return (
    <form ref={formRef} className="form form-inline" onSubmit={submit} aria-label="New client">
      <FormProblems failure={failure} errors={errors} />
      <TextField name="name" label="Client name" required errors={errors.byField.name} />
      <SelectField
        name="industry"
        label="Industry"
        options={optionsFrom(INDUSTRY_LABELS)}
        errors={errors.byField.industry}
      />
      <TextField name="region" label="Region (optional)" errors={errors.byField.region} />
      <div className="form-buttons">
        <SubmitButton pending={pending} pendingLabel="Adding…">
          Add client
        </SubmitButton>
        <Button onClick={() => setOpen(false)}>Cancel</Button>
      </div>
    </form>
  );
}
