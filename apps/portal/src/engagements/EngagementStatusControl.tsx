import { useMutation } from '@apollo/client/react';
import { ENGAGEMENT_STATUS_LABELS } from '@csp/domain';
import { FormProblems } from '../forms/FormProblems';
import { useMutationForm } from '../forms/useMutationForm';
import { graphql } from '../generated/gql';
import type { EngagementStatus } from '../generated/graphql';
import { Button } from '../ui/Button';

export const ChangeEngagementStatusMutation = graphql(`
  mutation ChangeEngagementStatus($input: ChangeEngagementStatusInput!) {
    changeEngagementStatus(input: $input) {
      engagement {
        id
        status
        nextStatuses
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const MOVE_LABELS: Record<EngagementStatus, string> = {
  PROPOSED: 'Back to proposed',
  ACTIVE: 'Start',
  ON_HOLD: 'Put on hold',
  COMPLETED: 'Complete',
  CANCELLED: 'Cancel engagement',
};

/** One button per move the API allows from here (`nextStatuses`); none when the engagement is closed. */
export function EngagementStatusControl({
  engagement,
}: {
  engagement: { id: string; status: EngagementStatus; nextStatuses: readonly EngagementStatus[] };
}) {
  const [change] = useMutation(ChangeEngagementStatusMutation);
  const { pending, errors, failure, run } = useMutationForm([]);
  if (engagement.nextStatuses.length === 0) {
    return <p className="muted">{ENGAGEMENT_STATUS_LABELS[engagement.status]}: no further moves.</p>;
  }
  return (
    <div className="button-row" role="group" aria-label="Change status">
      {engagement.nextStatuses.map((status) => (
        <Button
          key={status}
          size="small"
          disabled={pending}
          onClick={() =>
            void run(
              async () =>
                (await change({ variables: { input: { id: engagement.id, status } } })).data
                  ?.changeEngagementStatus,
            )
          }
        >
          {MOVE_LABELS[status]}
        </Button>
      ))}
      <FormProblems failure={failure} errors={errors} />
    </div>
  );
}
