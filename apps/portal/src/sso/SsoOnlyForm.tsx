import { useMutation } from '@apollo/client/react';
import { roleCan } from '@csp/domain';
import { useId, useState } from 'react';
import { FormProblems } from '../forms/FormProblems';
import { SelectField } from '../forms/SelectField';
import { SubmitButton } from '../forms/SubmitButton';
import { useMutationForm } from '../forms/useMutationForm';
import type { Role, SsoConnectionFieldsFragment } from '../generated/graphql';
import { UpdateSsoConnectionMutation } from './documents';
import './sso.css';

const FIELDS = ['ssoOnly', 'breakGlassAdminId'] as const;

interface Member {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/**
 * SSO-only, and the one admin who may still sign in with a password if the provider fails. The API says which
 * admin qualifies (one with a password here); the list offers those who may manage single sign-on at all.
 */
export function SsoOnlyForm({
  connection,
  members,
}: {
  connection: SsoConnectionFieldsFragment;
  members: readonly Member[];
}) {
  const checkboxId = useId();
  const [ssoOnly, setSsoOnly] = useState(connection.ssoOnly);
  const [adminId, setAdminId] = useState(connection.breakGlassAdmin?.id ?? '');
  const [saved, setSaved] = useState(false);
  const [update] = useMutation(UpdateSsoConnectionMutation);
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm(FIELDS);
  const admins = members.filter((member) => roleCan(member.role, 'sso:manage'));
  const unchanged = ssoOnly === connection.ssoOnly && adminId === (connection.breakGlassAdmin?.id ?? '');
  const ssoOnlyErrors = errors.byField.ssoOnly ?? [];

  const submit = onSubmit(
    async () => {
      setSaved(false);
      const input = { id: connection.id, ssoOnly, breakGlassAdminId: adminId || null };
      return (await update({ variables: { input } })).data?.updateSsoConnection;
    },
    () => setSaved(true),
  );

  return (
    <form ref={formRef} className="form" onSubmit={submit} aria-label={`SSO-only for ${connection.name}`}>
      <FormProblems failure={failure} errors={errors} />
      <div className={ssoOnlyErrors.length ? 'sso-only field-invalid' : 'sso-only'}>
        <label className="inline-check" htmlFor={checkboxId}>
          <input
            id={checkboxId}
            type="checkbox"
            name="ssoOnly"
            checked={ssoOnly}
            onChange={(e) => {
              setSsoOnly(e.target.checked);
              setSaved(false);
            }}
            aria-invalid={ssoOnlyErrors.length ? true : undefined}
            aria-describedby={`${checkboxId}-hint${ssoOnlyErrors.length ? ` ${checkboxId}-error` : ''}`}
          />{' '}
          Sign in with single sign-on only
        </label>
        <p className="field-hint" id={`${checkboxId}-hint`}>
          Passwords stop working for people of this connection’s verified domains, except the break-glass
          admin’s.
        </p>
        {ssoOnlyErrors.length > 0 && (
          <div className="field-error" id={`${checkboxId}-error`}>
            {ssoOnlyErrors.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </div>
        )}
      </div>
      <SelectField
        name="breakGlassAdminId"
        label="Break-glass admin"
        value={adminId}
        onChange={(e) => {
          setAdminId(e.target.value);
          setSaved(false);
        }}
        placeholder="Nobody yet"
        options={admins.map((admin) => ({ value: admin.id, label: `${admin.name} (${admin.email})` }))}
        errors={errors.byField.breakGlassAdminId}
      />
      <div className="form-buttons">
        <SubmitButton pending={pending} pendingLabel="Saving…" disabled={unchanged}>
          Save sign-in rules
        </SubmitButton>
        {saved && (
          <span role="status" className="muted">
            Saved.
          </span>
        )}
      </div>
    </form>
  );
}
