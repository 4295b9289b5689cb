import { useMutation } from '@apollo/client/react';
import { ROLE_LABELS, isFencedRole } from '@csp/domain';
import { useState } from 'react';
import { FormProblems } from '../forms/FormProblems';
import { SelectField, optionsFrom } from '../forms/SelectField';
import { SubmitButton } from '../forms/SubmitButton';
import { TextField } from '../forms/TextField';
import { orNull, useMutationForm } from '../forms/useMutationForm';
import { graphql } from '../generated/gql';
import type { Role } from '../generated/graphql';

export const InviteMemberMutation = graphql(`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      invitation {
        id
        email
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const FIELDS = ['email', 'role', 'clientId'] as const;

/**
 * Invites by email with a role (and a client for leaders). The API mails the link to the invitee and never shows
 * it here, so the form only says where it went.
 */
export function InviteForm({ clients }: { clients: readonly { id: string; name: string }[] }) {
  const [role, setRole] = useState<Role>('CONSULTANT');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [invite] = useMutation(InviteMemberMutation, { refetchQueries: ['Admin'] });
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm(FIELDS);
  let invited: string | null = null;
  const submit = onSubmit(
    async (v) => {
      setSentTo(null);
      const payload = (
        await invite({
          variables: {
            input: { email: v.email, role, clientId: isFencedRole(role) ? orNull(v.clientId) : null },
          },
        })
      ).data?.inviteMember;
      invited = payload?.invitation?.email ?? null;
      return payload;
    },
    (form) => {
      setSentTo(invited);
      form.reset();
    },
  );
  return (
    <>
      <form ref={formRef} className="form form-inline" onSubmit={submit} aria-label="Invite someone">
        <FormProblems failure={failure} errors={errors} />
        <TextField name="email" label="Email" type="email" required errors={errors.byField.email} />
        <SelectField
          name="role"
          label="Role"
          value={role}
          onChange={(e) => setRole(e.target.value as Role)}
          options={optionsFrom(ROLE_LABELS)}
          errors={errors.byField.role}
        />
        {isFencedRole(role) && (
          <SelectField
            name="clientId"
            label="Client"
            options={clients.map((c) => ({ value: c.id, label: c.name }))}
            errors={errors.byField.clientId}
          />
        )}
        <SubmitButton pending={pending} pendingLabel="Inviting…">
          Send invitation
        </SubmitButton>
      </form>
      {sentTo && (
        <div className="banner banner-note" role="status">
          <p className="banner-title">We sent an invitation to {sentTo}</p>
          <p>
            The link in it lasts 14 days. If it does not arrive, send it again from the list of invitations.
          </p>
        </div>
      )}
    </>
  );
}
