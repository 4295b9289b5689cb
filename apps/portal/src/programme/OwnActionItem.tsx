import { useMutation } from '@apollo/client/react';
import { ACTION_STATUS_LABELS } from '@csp/domain';
import { ActionSummary } from '../actions/ActionSummary';
import { FormProblems } from '../forms/FormProblems';
import { SelectField, optionsFrom } from '../forms/SelectField';
import { SubmitButton } from '../forms/SubmitButton';
import { TextField } from '../forms/TextField';
import { orNull, useMutationForm } from '../forms/useMutationForm';
import type { ActionStatus, ActionSummaryFragment } from '../generated/graphql';
import { formatDateTime } from '../ui/format';
import { UpdateOwnActionMutation } from './documents';

type OwnAction = ActionSummaryFragment & {
  notes: readonly { id: string; body: string; createdAt: string; author: { name: string } | null }[];
};

const FIELDS = ['status', 'note'] as const;

/** An action the leader owns: move it along and say how it went. */
export function OwnActionItem({ action }: { action: OwnAction }) {
  const [update] = useMutation(UpdateOwnActionMutation);
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm(FIELDS);
  const submit = onSubmit(
    async (v) =>
      (
        await update({
          variables: {
            input: {
              id: action.id,
              expectedRevision: action.revision,
              status: v.status as ActionStatus,
              note: orNull(v.note),
            },
          },
        })
      ).data?.updateOwnAction,
    (form) => form.reset(),
  );
  return (
    <li>
      <ActionSummary action={action} />
      {action.notes.length > 0 && (
        <ul className="notes">
          {action.notes.map((n) => (
            <li key={n.id}>
              {n.body}{' '}
              <span className="muted">
                — {n.author?.name ?? 'someone'}, {formatDateTime(n.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <form
        ref={formRef}
        className="form form-inline touch-targets"
        onSubmit={submit}
        aria-label={`Update “${action.description}”`}
      >
        <FormProblems failure={failure} errors={errors} />
        <SelectField
          name="status"
          label="Status"
          key={action.status}
          defaultValue={action.status}
          options={optionsFrom(ACTION_STATUS_LABELS)}
          errors={errors.byField.status}
        />
        <TextField name="note" label="Note (optional)" errors={errors.byField.note} />
        <SubmitButton pending={pending} pendingLabel="Updating…">
          Update action
        </SubmitButton>
      </form>
    </li>
  );
}
