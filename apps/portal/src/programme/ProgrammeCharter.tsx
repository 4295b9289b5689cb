import { useMutation, useQuery } from '@apollo/client/react';
import { CharterView } from '../charters/CharterView';
import { FormProblems } from '../forms/FormProblems';
import { useMutationForm } from '../forms/useMutationForm';
import { Panel } from '../ui/Panel';
import { EmptyState, QueryState } from '../ui/QueryState';
import { ProgrammeCharterQuery, SignOffCharterMutation } from './documents';
import { Button } from '../ui/Button';

/** The charter in force, and the leader's sign-off of it (given once). */
export function ProgrammeCharter({ clientId }: { clientId: string }) {
  const { data, loading, error, refetch } = useQuery(ProgrammeCharterQuery, { variables: { clientId } });
  const [signOff] = useMutation(SignOffCharterMutation);
  const { pending, errors, failure, run } = useMutationForm([]);
  const charter = data?.client?.charter?.published ?? null;
  if (!data) {
    return (
      <Panel title="Your charter">
        <QueryState loading={loading} error={error} what="your charter" retry={refetch} hasData={false}>
          {null}
        </QueryState>
      </Panel>
    );
  }
  if (!charter) {
    return (
      <Panel title="Your charter">
        <EmptyState title="No charter published yet">
          Your consultants will publish it here for you to sign off.
        </EmptyState>
      </Panel>
    );
  }
  return (
    <Panel title={`Your charter (version ${charter.number})`}>
      <CharterView version={charter} />
      <FormProblems failure={failure} errors={errors} />
      {!charter.signOff && (
        <Button
          variant="primary"
          disabled={pending}
          onClick={() =>
            void run(
              async () =>
                (await signOff({ variables: { input: { versionId: charter.id } } })).data
                  ?.signOffCharterVersion,
            )
          }
        >
          {pending ? 'Signing off…' : 'Sign off this charter'}
        </Button>
      )}
    </Panel>
  );
}
