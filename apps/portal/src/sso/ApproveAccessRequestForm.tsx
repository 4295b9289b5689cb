import { useMutation } from '@apollo/client/react';
import { ROLE_LABELS, isFencedRole } from '@csp/domain';
import { useState } from 'react';
import { FormProblems } from '../forms/FormProblems';
import { SelectField, optionsFrom } from '../forms/SelectField';
import { SubmitButton } from '../forms/SubmitButton';
import { useMutationForm } from '../forms/useMutationForm';
import type { Role } from '../generated/graphql';
import { Button } from '../ui/Button';
import { ApproveSsoAccessRequestMutation, DeclineSsoAccessRequestMutation } from './documents';

const FIELDS = ['id', 'role', 'clientId'] as const;

interface Request {
  id: string;
  name: string;
  email: string;
}

/** Gives the person a role (leaders: a client); they become a member and sign in on their next try. */
export function ApproveAccessRequestForm({
  request,
  clients,
}: {
  request: Request;
  clients: readonly { id: string; name: string }[];
}) {
  const [role, setRole] = useState<Role>('CONSULTANT');
  const [approve] = useMutation(ApproveSsoAccessRequestMutation, { refetchQueries: ['SsoAccessRequests'] });
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm(FIELDS);
  const leader = isFencedRole(role);
  const submit = onSubmit(async (v) => {
    const input = { id: request.id, role, clientId: leader && v.clientId ? v.clientId : null };
    return (await approve({ variables: { input } })).data?.approveSsoAccessRequest;
  });
  return (
    <form
      ref={formRef}
      className="form form-inline"
      onSubmit={submit}
      aria-label={`Access for ${request.name}`}
    >
      <FormProblems failure={failure} errors={errors} title="Could not approve" />
      {errors.byField.id && (
        <div className="field-error">
          {errors.byField.id.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      )}
      <SelectField
        name="role"
        label="Role"
        value={role}
        onChange={(e) => setRole(e.target.value as Role)}
        options={optionsFrom(ROLE_LABELS)}
        errors={errors.byField.role}
      />
      {leader && (
        <SelectField
          name="clientId"
          label="Client"
          placeholder="Choose a client"
          options={clients.map((c) => ({ value: c.id, label: c.name }))}
          errors={errors.byField.clientId}
        />
      )}
      <SubmitButton pending={pending} pendingLabel="Approving…">
        Approve
      </SubmitButton>
      <DeclineButton request={request} />
    </form>
  );
}

function DeclineButton({ request }: { request: Request }) {
  const [decline] = useMutation(DeclineSsoAccessRequestMutation, { refetchQueries: ['SsoAccessRequests'] });
  const { pending, errors, failure, run } = useMutationForm([]);
  return (
    <>
      <Button
        disabled={pending}
        aria-label={`Decline access for ${request.name}`}
        onClick={() => {
          if (
            !window.confirm(
              `Decline ${request.name} (${request.email})? If they sign in again, they ask again.`,
            )
          )
            return;
          void run(
            async () =>
              (await decline({ variables: { input: { id: request.id } } })).data?.declineSsoAccessRequest,
          );
        }}
      >
        Decline
      </Button>
      <FormProblems failure={failure} errors={errors} title="Could not decline" />
    </>
  );
}
