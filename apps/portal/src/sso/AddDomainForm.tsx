import { useMutation } from '@apollo/client/react';
import { FormProblems } from '../forms/FormProblems';
import { SubmitButton } from '../forms/SubmitButton';
import { TextField } from '../forms/TextField';
import { useMutationForm } from '../forms/useMutationForm';
import { AddSsoDomainMutation } from './documents';

const FIELDS = ['domain', 'connectionId'] as const;

/** Binds an email domain to the connection; it routes nobody until its TXT record is found. */
export function AddDomainForm({
  connectionId,
  connectionName,
}: {
  connectionId: string;
  connectionName: string;
}) {
  const [add] = useMutation(AddSsoDomainMutation, { refetchQueries: ['SsoConnections'] });
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm(FIELDS);
  const submit = onSubmit(
    async ({ domain }) => (await add({ variables: { input: { connectionId, domain } } })).data?.addSsoDomain,
    (form) => form.reset(),
  );
  return (
    <form
      ref={formRef}
      className="form form-inline"
      onSubmit={submit}
      aria-label={`Add a domain to ${connectionName}`}
    >
      <FormProblems failure={failure} errors={errors} />
      <TextField
        name="domain"
        label="Email domain"
        placeholder="example.com"
        required
        errors={[...(errors.byField.domain ?? []), ...(errors.byField.connectionId ?? [])]}
      />
      <SubmitButton pending={pending} pendingLabel="Adding…">
        Add domain
      </SubmitButton>
    </form>
  );
}
