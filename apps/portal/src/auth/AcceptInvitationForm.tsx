import { useMutation } from '@apollo/client/react';
import { graphql } from '../generated/gql';
import type { InvitationQuery } from '../generated/graphql';
import { ErrorBanner, MessagesBanner } from '../forms/ErrorBanner';
import { SubmitButton } from '../forms/SubmitButton';
import { TextField } from '../forms/TextField';
import { ROLE_LABELS } from '../session/labels';
import { PASSWORD_HINT } from './password';
import { useMutationForm } from '../forms/useMutationForm';
import { useStartSession } from './useStartSession';

export const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      member {
        id
        name
        role
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

type Invitation = NonNullable<InvitationQuery['invitation']>;

const FIELDS = ['name', 'password'] as const;

export function AcceptInvitationForm({ token, invitation }: { token: string; invitation: Invitation }) {
  const [accept] = useMutation(AcceptInvitationMutation);
  const { formRef, pending, errors, failure, onSubmit, showGeneral } = useMutationForm(FIELDS);
  const startSession = useStartSession(showGeneral);
  const submit = onSubmit(
    async (values) => (await accept({ variables: { input: { token, ...values } } })).data?.acceptInvitation,
    startSession,
  );

  return (
    <>
      <p className="lead">
        <strong>{invitation.consultancyName}</strong> has invited you to Service Programme.
      </p>
      <dl className="facts">
        <dt>Email</dt>
        <dd>{invitation.email}</dd>
        <dt>Role</dt>
        <dd>{ROLE_LABELS[invitation.role]}</dd>
        {invitation.clientName && (
          <>
            <dt>Organisation</dt>
            <dd>{invitation.clientName}</dd>
          </>
        )}
      </dl>
      {failure && <ErrorBanner title="Could not accept the invitation">{failure}</ErrorBanner>}
      <MessagesBanner messages={errors.general} />
      <form ref={formRef} className="form" onSubmit={submit}>
        <TextField name="name" label="Your name" autoComplete="name" required errors={errors.byField.name} />
        <TextField
          name="password"
          label="Choose a password"
          type="password"
          autoComplete="new-password"
          hint={PASSWORD_HINT}
          required
          errors={errors.byField.password}
        />
        <SubmitButton pending={pending} pendingLabel="Setting up your account…">
          Accept and sign in
        </SubmitButton>
      </form>
    </>
  );
}
