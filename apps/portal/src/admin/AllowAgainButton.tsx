import { useMutation } from '@apollo/client/react';
import { FormProblems } from '../forms/FormProblems';
import { useMutationForm } from '../forms/useMutationForm';
import { Button } from '../ui/Button';
import { LiftMailSuppressionMutation } from './mail-documents';

/** Lets mail go to a suppressed address again; the list then drops it. */
export function AllowAgainButton({ address }: { address: string }) {
  const [lift] = useMutation(LiftMailSuppressionMutation, { refetchQueries: ['MailSuppressions'] });
  const { pending, errors, failure, run } = useMutationForm([]);
  return (
    <>
      <Button
        size="small"
        disabled={pending}
        aria-label={`Allow mail to ${address} again`}
        onClick={() =>
          void run(async () => (await lift({ variables: { input: { address } } })).data?.liftMailSuppression)
        }
      >
        Allow again
      </Button>
      <FormProblems failure={failure} errors={errors} title="Could not allow it again" />
    </>
  );
}
