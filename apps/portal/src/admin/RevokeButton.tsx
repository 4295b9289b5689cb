import { useMutation } from '@apollo/client/react';
import { FormProblems } from '../forms/FormProblems';
import { usePayloadForm } from '../forms/usePayloadForm';
import { graphql } from '../generated/gql';

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
  const { pending, errors, failure, run } = usePayloadForm([]);
  return (
    <>
      <button
        type="button"
        className="button button-quiet button-small"
        disabled={pending}
        aria-label={`Revoke the invitation for ${email}`}
        onClick={() =>
          void run(async () => (await revoke({ variables: { input: { id } } })).data?.revokeInvitation)
        }
      >
        Revoke
      </button>
      <FormProblems failure={failure} errors={errors} />
    </>
  );
}
