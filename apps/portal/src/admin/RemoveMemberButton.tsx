import { useMutation, useQuery } from '@apollo/client/react';
import { FormProblems } from '../forms/FormProblems';
import { useMutationForm } from '../forms/useMutationForm';
import { graphql } from '../generated/gql';
import { MeQuery } from '../session/me';
import { Button } from '../ui/Button';

export const RemoveMemberMutation = graphql(`
  mutation RemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input) {
      removedId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/**
 * Removing someone ends their sessions at once and keeps them out, through single sign-on too: it asks first. Not
 * offered on one's own row (the API refuses it; another admin does it).
 */
export function RemoveMemberButton({ id, name }: { id: string; name: string }) {
  const { data } = useQuery(MeQuery);
  const [remove] = useMutation(RemoveMemberMutation, { refetchQueries: ['Admin'] });
  const { pending, errors, failure, run } = useMutationForm([]);
  if (data?.me?.id === id) return null;
  return (
    <>
      <Button
        size="small"
        disabled={pending}
        aria-label={`Remove ${name}`}
        onClick={() => {
          const question = `Remove ${name}? They are signed out at once and can no longer sign in, with a password or through single sign-on. What they did keeps their name.`;
          if (!window.confirm(question)) return;
          void run(async () => (await remove({ variables: { input: { id } } })).data?.removeMember);
        }}
      >
        {pending ? 'Removing…' : 'Remove'}
      </Button>
      <FormProblems failure={failure} errors={errors} title="Could not remove" />
    </>
  );
}
