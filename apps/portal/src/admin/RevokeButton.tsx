import { useMutation } from '@apollo/client/react';
import { FormProblems } from '../forms/FormProblems';
import { useMutationForm } from '../forms/useMutationForm';
import { graphql } from '../generated/gql';
import { Button } from '../ui/Button';

export const RevokeInvitationMutation = graphql(`
  mutation RevokeInvitation($input: RevokeInvitationInput!) {
    revokeInvitation(input: $input) {
      invitation {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export function RevokeButton({ id, email }: { id: string; email: string }) {
  const [revoke] = useMutation(RevokeInvitationMutation);
  const { pending, errors, failure, run } = useMutationForm([]);
  return (
    <>
      <Button
        size="small"
        disabled={pending}
        aria-label={`Revoke the invitation for ${email}`}
        onClick={() =>
          void run(async () => (await revoke({ variables: { input: { id } } })).data?.revokeInvitation)
        }
      >
        Revoke
      </Button>
      <FormProblems failure={failure} errors={errors} />
    </>
  );
}
