import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { FormProblems } from '../forms/FormProblems';
import { SubmitButton } from '../forms/SubmitButton';
import { TextAreaField } from '../forms/TextAreaField';
import { TextField } from '../forms/TextField';
import { orNull, useMutationForm } from '../forms/useMutationForm';
import type { AddSamlConnectionInput } from '../generated/graphql';
import { AddSamlConnectionMutation } from './documents';

const FIELDS = [
  'name',
  'metadataXml',
  'metadataUrl',
  'idpEntityId',
  'ssoUrl',
  'certificate',
  'logoutUrl',
  'groupsClaim',
] as const;

type Source = 'xml' | 'url' | 'settings';

const SOURCES: readonly { value: Source; label: string }[] = [
  { value: 'xml', label: 'Paste its metadata' },
  { value: 'url', label: 'Its metadata URL' },
  { value: 'settings', label: 'Enter its settings' },
];

/** A SAML 2.0 provider, from its metadata (pasted, or fetched once from a URL) or from its three settings. */
export function AddSamlConnectionForm({ onAdded }: { onAdded: (name: string) => void }) {
  const [source, setSource] = useState<Source>('xml');
  const [add] = useMutation(AddSamlConnectionMutation, { refetchQueries: ['SsoConnections'] });
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm(FIELDS);
  const submit = onSubmit(
    async (v) => {
      const input: AddSamlConnectionInput = {
        name: v.name,
        logoutUrl: orNull(v.logoutUrl),
        groupsClaim: orNull(v.groupsClaim),
      };
      // Only the chosen source goes: the API reads metadata first, and a hidden field must not win.
      if (source === 'xml') input.metadataXml = orNull(v.metadataXml);
      if (source === 'url') input.metadataUrl = orNull(v.metadataUrl);
      if (source === 'settings')
        Object.assign(input, {
          idpEntityId: orNull(v.idpEntityId),
          ssoUrl: orNull(v.ssoUrl),
          certificate: orNull(v.certificate),
        });
      return (await add({ variables: { input } })).data?.addSamlConnection;
    },
    (form, _payload, v) => {
      form.reset();
      onAdded(v.name);
    },
  );
  return (
    <form ref={formRef} className="form" onSubmit={submit} aria-label="Add a SAML connection">
      <FormProblems failure={failure} errors={errors} title="Could not add the connection" />
      <TextField
        name="name"
        label="Name"
        hint="What your people see on the sign-in page: “Continue to …”."
        required
        errors={errors.byField.name}
      />
      <fieldset className="fieldset">
        <legend>How to describe the provider</legend>
        <div className="sso-protocols">
          {SOURCES.map((option) => (
            <label key={option.value} className="checkbox">
              <input
                type="radio"
                name="samlSource"
                value={option.value}
                checked={source === option.value}
                onChange={() => setSource(option.value)}
              />{' '}
              {option.label}
            </label>
          ))}
        </div>
      </fieldset>
      {source === 'xml' && (
        <TextAreaField
          name="metadataXml"
          label="Metadata XML"
          hint="The provider’s federation metadata, as downloaded from it."
          rows={6}
          required
          errors={errors.byField.metadataXml}
        />
      )}
      {source === 'url' && (
        <TextField
          name="metadataUrl"
          label="Metadata URL"
          type="url"
          hint="Fetched once, now."
          required
          errors={errors.byField.metadataUrl}
        />
      )}
      {source === 'settings' && (
        <>
          <TextField
            name="idpEntityId"
            label="Provider’s entity ID"
            required
            errors={errors.byField.idpEntityId}
          />
          <TextField
            name="ssoUrl"
            label="Single sign-on URL"
            type="url"
            required
            errors={errors.byField.ssoUrl}
          />
          <TextAreaField
            name="certificate"
            label="Signing certificate"
            hint="PEM or base64."
            rows={4}
            required
            errors={errors.byField.certificate}
          />
        </>
      )}
      <TextField
        name="logoutUrl"
        label="Logout URL (optional)"
        type="url"
        hint="Where to send people to sign out at the provider too, if it offers single logout."
        errors={errors.byField.logoutUrl}
      />
      <TextField
        name="groupsClaim"
        label="Groups attribute (optional)"
        placeholder="groups"
        errors={errors.byField.groupsClaim}
      />
      <SubmitButton pending={pending} pendingLabel="Adding…">
        Add connection
      </SubmitButton>
    </form>
  );
}
