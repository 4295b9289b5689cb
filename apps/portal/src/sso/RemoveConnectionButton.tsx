import { useMutation } from '@apollo/client/react';
import { FormProblems } from '../forms/FormProblems';
import { useMutationForm } from '../forms/useMutationForm';
import { Button } from '../ui/Button';
import { RemoveSsoConnectionMutation } from './documents';

/** Removing a connection stops its domains routing at once, so it asks first and says what follows. */
export function RemoveConnectionButton({ id, name }: { id: string; name: string }) {
  const [remove] = useMutation(RemoveSsoConnectionMutation, {
    refetchQueries: ['SsoConnections', 'SsoAccessRequests'],
  });
  const { pending, errors, failure, run } = useMutationForm([]);
  return (
    <>
      <Button
        size="small"
        disabled={pending}
        aria-label={`Remove the connection ${name}`}
        onClick={() => {
          const question = `Remove the connection “${name}” and its domains? Its people go back to signing in with passwords (an admin may have to reset them).`;
          if (!window.confirm(question)) return;
          void run(async () => (await remove({ variables: { input: { id } } })).data?.removeSsoConnection);
        }}
      >
        {pending ? 'Removing…' : 'Remove connection'}
      </Button>
      <FormProblems failure={failure} errors={errors} title="Could not remove" />
    </>
  );
}
