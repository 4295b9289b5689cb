import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { FormProblems } from '../forms/FormProblems';
import { useMutationForm } from '../forms/useMutationForm';
import { graphql } from '../generated/gql';
import { Button } from '../ui/Button';

export const ResendInvitationMutation = graphql(`
  mutation ResendInvitation($input: ResendInvitationInput!) {
    resendInvitation(input: $input) {
      invitation {
        id
        status
        expiresAt
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** Mails the invitation again with a new link (the old one stops working) and a new expiry. */
export function ResendButton({ id, email }: { id: string; email: string }) {
  const [resend] = useMutation(ResendInvitationMutation);
  const [sent, setSent] = useState(false);
  const { pending, errors, failure, run } = useMutationForm([]);
  return (
    <>
      <Button
        size="small"
        disabled={pending}
        aria-label={`Send the invitation for ${email} again`}
        onClick={() => {
          setSent(false);
          void run(
            async () => (await resend({ variables: { input: { id } } })).data?.resendInvitation,
            () => setSent(true),
          );
        }}
      >
        Resend
      </Button>
      {sent && (
        <span className="muted" role="status">
          Sent again to {email}
        </span>
      )}
      <FormProblems failure={failure} errors={errors} />
    </>
  );
}
