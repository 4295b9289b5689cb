import { useMutation } from '@apollo/client/react';
import { FormProblems } from '../forms/FormProblems';
import { SubmitButton } from '../forms/SubmitButton';
import { TextField } from '../forms/TextField';
import { useMutationForm } from '../forms/useMutationForm';
import { graphql } from '../generated/gql';
import { formatDate } from '../ui/format';

export const AddMilestoneMutation = graphql(`
  mutation AddMilestone($input: AddMilestoneInput!) {
    addMilestone(input: $input) {
      milestone {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const UpdateMilestoneMutation = graphql(`
  mutation UpdateMilestone($input: UpdateMilestoneInput!) {
    updateMilestone(input: $input) {
      milestone {
        id
        done
        overdue
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

interface MilestoneRow {
  id: string;
  title: string;
  dueOn: string;
  done: boolean;
  overdue: boolean;
}

const FIELDS = ['title', 'dueOn'] as const;

/** An engagement's milestones by due date: tick one off, or add the next. */
export function MilestoneList({
  engagementId,
  milestones,
}: {
  engagementId: string;
  milestones: readonly MilestoneRow[];
}) {
  const [add] = useMutation(AddMilestoneMutation, { refetchQueries: ['ClientEngagements'] });
  const [update] = useMutation(UpdateMilestoneMutation);
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm(FIELDS);
  const submit = onSubmit(
    async (v) =>
      (await add({ variables: { input: { engagementId, title: v.title, dueOn: v.dueOn } } })).data
        ?.addMilestone,
    (form) => form.reset(),
  );
  return (
    <div className="milestones">
      <h4>Milestones</h4>
      {milestones.length === 0 ? (
        <p className="muted">No milestones yet.</p>
      ) : (
        <ul className="check-list">
          {milestones.map((m) => (
            <li key={m.id}>
              <label>
                <input
                  type="checkbox"
                  checked={m.done}
                  onChange={(event) =>
                    void update({ variables: { input: { id: m.id, done: event.target.checked } } })
                  }
                />{' '}
                {m.title}
              </label>{' '}
              <span className={m.overdue ? 'tag tag-danger' : 'tag'}>
                {m.overdue ? 'Overdue · ' : ''}
                {formatDate(m.dueOn)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <form ref={formRef} className="form form-inline" onSubmit={submit} aria-label="Add a milestone">
        <FormProblems failure={failure} errors={errors} />
        <TextField name="title" label="Milestone" required errors={errors.byField.title} />
        <TextField name="dueOn" label="Due on" type="date" required errors={errors.byField.dueOn} />
        <SubmitButton pending={pending} pendingLabel="Adding…">
          Add milestone
        </SubmitButton>
      </form>
    </div>
  );
}
