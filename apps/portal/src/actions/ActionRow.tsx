import { useMutation } from '@apollo/client/react';
import { ACTION_STATUS_LABELS } from '@csp/domain';
import { useId } from 'react';
import { FormProblems } from '../forms/FormProblems';
import { useMutationForm } from '../forms/useMutationForm';
import { graphql } from '../generated/gql';
import type { ActionStatus, ActionSummaryFragment } from '../generated/graphql';
import { optionsFrom } from '../forms/SelectField';
import { ActionNotes } from './ActionNotes';
import { ActionSummary } from './ActionSummary';

export const UpdateActionStatusMutation = graphql(`
  mutation UpdateActionStatus($input: UpdateActionInput!) {
    updateAction(input: $input) {
      action {
        ...ActionSummary
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** An action with its status changeable in place (the revision guards against overwriting someone else). */
export function ActionRow({
  action,
  showClient = false,
}: {
  action: ActionSummaryFragment;
  showClient?: boolean;
}) {
  const [update] = useMutation(UpdateActionStatusMutation);
  const { pending, errors, failure, run } = useMutationForm([]);
  const id = useId();
  return (
    <li>
      <ActionSummary action={action} showClient={showClient} />
      <span className="inline-field">
        <label htmlFor={id}>
          Status<span className="visually-hidden"> of “{action.description}”</span>
        </label>
        <select
          id={id}
          value={action.status}
          disabled={pending}
          onChange={(event) =>
            void run(
              async () =>
                (
                  await update({
                    variables: {
                      input: {
                        id: action.id,
                        expectedRevision: action.revision,
                        status: event.target.value as ActionStatus,
                      },
                    },
                  })
                ).data?.updateAction,
            )
          }
        >
          {optionsFrom(ACTION_STATUS_LABELS).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </span>
      <FormProblems failure={failure} errors={errors} />
      <ActionNotes actionId={action.id} description={action.description} />
    </li>
  );
}
