import { useMutation } from '@apollo/client/react';
import { ROLE_LABELS, isFencedRole } from '@csp/domain';
import { useState } from 'react';
import { FormProblems } from '../forms/FormProblems';
import { SelectField, optionsFrom } from '../forms/SelectField';
import { SubmitButton } from '../forms/SubmitButton';
import { useMutationForm } from '../forms/useMutationForm';
import { graphql } from '../generated/gql';
import type { Role } from '../generated/graphql';
import './admin.css';

export const ChangeMemberRoleMutation = graphql(`
  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {
    changeMemberRole(input: $input) {
      member {
        id
        role
        client {
          id
          name
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const FIELDS = ['role', 'clientId'] as const;

interface MemberRoleControlProps {
  member: { id: string; name: string; role: Role; client?: { id: string } | null };
  clients: readonly { id: string; name: string }[];
}

/**
 * A member's role, changed in place. The answer updates the member in Apollo's cache (same id), so the table and,
 * when admins change their own role, the navigation follow without a refetch.
 */
export function MemberRoleControl({ member, clients }: MemberRoleControlProps) {
  const [role, setRole] = useState<Role>(member.role);
  const [clientId, setClientId] = useState(member.client?.id ?? '');
  const [saved, setSaved] = useState(false);
  const [change] = useMutation(ChangeMemberRoleMutation);
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm(FIELDS);
  const leader = isFencedRole(role);
  const unchanged = role === member.role && (!leader || clientId === (member.client?.id ?? ''));

  const submit = onSubmit(
    async () => {
      setSaved(false);
      const input = { memberId: member.id, role, clientId: leader && clientId ? clientId : null };
      return (await change({ variables: { input } })).data?.changeMemberRole;
    },
    () => setSaved(true),
  );

  return (
    <form
      ref={formRef}
      className="form form-inline role-control"
      onSubmit={submit}
      aria-label={`Role of ${member.name}`}
    >
      <FormProblems failure={failure} errors={errors} />
      <SelectField
        name="role"
        label="Role"
        value={role}
        onChange={(e) => {
          setRole(e.target.value as Role);
          setSaved(false);
        }}
        options={optionsFrom(ROLE_LABELS)}
        errors={errors.byField.role}
        disabled={pending}
      />
      {leader && (
        <SelectField
          name="clientId"
          label="Client"
          value={clientId}
          onChange={(e) => {
            setClientId(e.target.value);
            setSaved(false);
          }}
          placeholder="Choose a client"
          options={clients.map((c) => ({ value: c.id, label: c.name }))}
          errors={errors.byField.clientId}
          disabled={pending}
        />
      )}
      <SubmitButton pending={pending} pendingLabel="Saving…" disabled={unchanged}>
        Save role
      </SubmitButton>
      {/* Always present, so screen readers announce the text when it appears. */}
      <span role="status" className="muted">
        {saved ? 'Saved. Their access changes from their next action.' : ''}
      </span>
    </form>
  );
}
