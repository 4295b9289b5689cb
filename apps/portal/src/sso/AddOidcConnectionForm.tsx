import { useMutation } from '@apollo/client/react';
import { FormProblems } from '../forms/FormProblems';
import { SubmitButton } from '../forms/SubmitButton';
import { TextField } from '../forms/TextField';
import { orNull, useMutationForm } from '../forms/useMutationForm';
import { AddOidcConnectionMutation } from './documents';

const FIELDS = ['name', 'issuer', 'clientId', 'clientSecret', 'groupsClaim'] as const;

/** An OpenID Connect provider (Entra ID, Okta, Google…): the API asks the issuer for its configuration before saving. */
export function AddOidcConnectionForm({ onAdded }: { onAdded: (name: string) => void }) {
  const [add] = useMutation(AddOidcConnectionMutation, { refetchQueries: ['SsoConnections'] });
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm(FIELDS);
  const submit = onSubmit(
    async (v) => {
      const input = {
        name: v.name,
        issuer: v.issuer.trim(),
        clientId: v.clientId.trim(),
        clientSecret: orNull(v.clientSecret),
        groupsClaim: orNull(v.groupsClaim),
      };
      return (await add({ variables: { input } })).data?.addOidcConnection;
    },
    (form, _payload, v) => {
      form.reset();
      onAdded(v.name);
    },
  );
  return (
    <form ref={formRef} className="form" onSubmit={submit} aria-label="Add an OpenID Connect connection">
      <FormProblems failure={failure} errors={errors} title="Could not add the connection" />
      <TextField
        name="name"
        label="Name"
        hint="What your people see on the sign-in page: “Continue to …”."
        placeholder="Harbour Okta"
        required
        errors={errors.byField.name}
      />
      <TextField
        name="issuer"
        label="Issuer URL"
        type="url"
        hint="For example https://login.microsoftonline.com/<tenant>/v2.0 or https://<org>.okta.com."
        required
        errors={errors.byField.issuer}
      />
      <TextField
        name="clientId"
        label="Client ID"
        required
        autoComplete="off"
        errors={errors.byField.clientId}
      />
      <TextField
        name="clientSecret"
        label="Client secret (optional)"
        type="password"
        autoComplete="off"
        hint="Kept safe and never shown again. Leave it empty for a public client."
        errors={errors.byField.clientSecret}
      />
      <TextField
        name="groupsClaim"
        label="Groups claim (optional)"
        placeholder="groups"
        hint="The claim that carries the person’s groups, used to give them a role."
        errors={errors.byField.groupsClaim}
      />
      <SubmitButton pending={pending} pendingLabel="Checking the issuer…">
        Add connection
      </SubmitButton>
    </form>
  );
}
