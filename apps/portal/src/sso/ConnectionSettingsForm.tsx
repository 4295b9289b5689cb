import { useMutation } from '@apollo/client/react';
import { FormProblems } from '../forms/FormProblems';
import { SubmitButton } from '../forms/SubmitButton';
import { TextAreaField } from '../forms/TextAreaField';
import { TextField } from '../forms/TextField';
import { orNull, useMutationForm } from '../forms/useMutationForm';
import type { SsoConnectionFieldsFragment, UpdateSsoConnectionInput } from '../generated/graphql';
import { certificatesIn } from './certificates-text';
import { UpdateSsoConnectionMutation } from './documents';

const FIELDS = ['name', 'groupsClaim', 'clientSecret', 'logoutUrl', 'certificates'] as const;

/**
 * A connection's own settings. Secrets and certificates left empty are kept: the secret is never shown again, and
 * new certificates replace the trusted ones (paste the old and the new during a rollover).
 */
export function ConnectionSettingsForm({ connection }: { connection: SsoConnectionFieldsFragment }) {
  const [update] = useMutation(UpdateSsoConnectionMutation);
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm(FIELDS);
  const oidc = connection.protocol === 'OIDC';

  const submit = onSubmit(
    async (v) => {
      const input: UpdateSsoConnectionInput = {
        id: connection.id,
        name: v.name,
        groupsClaim: orNull(v.groupsClaim),
      };
      if (oidc && orNull(v.clientSecret)) input.clientSecret = v.clientSecret.trim();
      if (!oidc) {
        input.logoutUrl = orNull(v.logoutUrl);
        const certificates = certificatesIn(v.certificates);
        if (certificates.length) input.certificates = certificates;
      }
      return (await update({ variables: { input } })).data?.updateSsoConnection;
    },
    (form) => {
      // The secret and certificates were sent; what is left in their inputs would only be sent again.
      for (const name of ['clientSecret', 'certificates']) {
        const input = form.elements.namedItem(name);
        if (input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement) input.value = '';
      }
    },
  );

  return (
    <form ref={formRef} className="form" onSubmit={submit} aria-label={`Settings of ${connection.name}`}>
      <FormProblems failure={failure} errors={errors} />
      <TextField
        name="name"
        label="Name"
        defaultValue={connection.name}
        required
        errors={errors.byField.name}
      />
      <TextField
        name="groupsClaim"
        label={oidc ? 'Groups claim' : 'Groups attribute'}
        defaultValue={connection.groupsClaim}
        hint="Where the provider puts the person’s groups. Empty means groups."
        errors={errors.byField.groupsClaim}
      />
      {oidc ? (
        <TextField
          name="clientSecret"
          label="New client secret (optional)"
          type="password"
          autoComplete="off"
          hint={
            connection.hasClientSecret
              ? 'A secret is kept. Leave this empty to keep it.'
              : 'No secret is kept: this is a public client.'
          }
          errors={errors.byField.clientSecret}
        />
      ) : (
        <>
          <TextField
            name="logoutUrl"
            label="Provider’s logout URL (optional)"
            type="url"
            defaultValue={connection.logoutUrl ?? ''}
            errors={errors.byField.logoutUrl}
          />
          <TextAreaField
            name="certificates"
            label="Replace the signing certificates (optional)"
            hint="Paste one or more certificates (PEM). During a rollover paste both the old and the new one."
            rows={4}
            errors={errors.byField.certificates}
          />
        </>
      )}
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save settings
      </SubmitButton>
    </form>
  );
}
