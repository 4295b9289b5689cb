import { useMutation } from '@apollo/client/react';
import { DIME_PHASE_LABELS, DIME_PHASES } from '@csp/domain';
import { useState } from 'react';
import { FormProblems } from '../forms/FormProblems';
import { SelectField } from '../forms/SelectField';
import { SubmitButton } from '../forms/SubmitButton';
import { TextAreaField } from '../forms/TextAreaField';
import { TextField } from '../forms/TextField';
import { orNull, useMutationForm } from '../forms/useMutationForm';
import { graphql } from '../generated/gql';
import type { DimePhase } from '../generated/graphql';
import { Button } from '../ui/Button';

export const UpdateEngagementMutation = graphql(`
  mutation UpdateEngagement($input: UpdateEngagementInput!) {
    updateEngagement(input: $input) {
      engagement {
        id
        title
        summary
        startsOn
        endsOn
        phase
        nextStatuses
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const FIELDS = ['title', 'summary', 'startsOn', 'endsOn', 'phase'] as const;

interface EditableEngagement {
  id: string;
  title: string;
  summary?: string | null;
  startsOn?: string | null;
  endsOn?: string | null;
  phase?: DimePhase | null;
  nextStatuses: readonly string[];
}

/** Edits an engagement's title, summary, dates and DIME phase; closed engagements (no next status) stay as they are. */
export function EditEngagementForm({ engagement }: { engagement: EditableEngagement }) {
  const [open, setOpen] = useState(false);
  const [update] = useMutation(UpdateEngagementMutation);
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm(FIELDS);
  const closed = engagement.nextStatuses.length === 0;
  if (!open) {
    return (
      <>
        <FormProblems failure={failure} errors={errors} />
        {closed ? (
          <p className="muted">This engagement is closed and can no longer be edited.</p>
        ) : (
          <p>
            <Button size="small" aria-label={`Edit “${engagement.title}”`} onClick={() => setOpen(true)}>
              Edit
            </Button>
          </p>
        )}
      </>
    );
  }
  const submit = onSubmit(
    async (v) =>
      (
        await update({
          variables: {
            input: {
              id: engagement.id,
              title: v.title,
              summary: orNull(v.summary),
              startsOn: orNull(v.startsOn),
              endsOn: orNull(v.endsOn),
              phase: (orNull(v.phase) as DimePhase | null) ?? null,
            },
          },
        })
      ).data?.updateEngagement,
    () => setOpen(false),
  );
  return (
    <form ref={formRef} className="form" onSubmit={submit} aria-label={`Edit “${engagement.title}”`}>
      <FormProblems failure={failure} errors={errors} />
      <TextField
        name="title"
        label="Title"
        required
        defaultValue={engagement.title}
        errors={errors.byField.title}
      />
      <TextAreaField
        name="summary"
        label="Summary"
        defaultValue={engagement.summary ?? ''}
        errors={errors.byField.summary}
      />
      <TextField
        name="startsOn"
        label="Starts on"
        type="date"
        defaultValue={engagement.startsOn ?? ''}
        errors={errors.byField.startsOn}
      />
      <TextField
        name="endsOn"
        label="Ends on"
        type="date"
        defaultValue={engagement.endsOn ?? ''}
        errors={errors.byField.endsOn}
      />
      <SelectField
        name="phase"
        label="DIME phase"
        placeholder="Not set"
        defaultValue={engagement.phase ?? ''}
        options={DIME_PHASES.map((p) => ({
          value: p,
          label: `${DIME_PHASE_LABELS[p].letter} · ${DIME_PHASE_LABELS[p].title}`,
        }))}
        errors={errors.byField.phase}
      />
      <div className="form-buttons">
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Save changes
        </SubmitButton>
        <Button onClick={() => setOpen(false)}>Cancel</Button>
      </div>
    </form>
  );
}
