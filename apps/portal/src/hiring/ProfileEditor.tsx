import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { FormProblems } from '../forms/FormProblems';
import { SubmitButton } from '../forms/SubmitButton';
import { TextField } from '../forms/TextField';
import { orNull, useMutationForm } from '../forms/useMutationForm';
import type { RoleProfileQuery } from '../generated/graphql';
import { Panel } from '../ui/Panel';
import { toCriterionInputs, type CriterionDraft } from './criteria-state';
import { UpdateRoleProfileMutation } from './documents';
import { WeightEditor } from './WeightEditor';

type Profile = NonNullable<RoleProfileQuery['roleProfile']>;

/** The profile's title, summary and weighted criteria, saved whole against the revision it loaded. */
export function ProfileEditor({ profile }: { profile: Profile }) {
  const [criteria, setCriteria] = useState<CriterionDraft[]>(() =>
    profile.criteria.map((c) => ({ ...c, localId: c.id, weight: String(c.weight) })),
  );
  const [update] = useMutation(UpdateRoleProfileMutation, { refetchQueries: ['RoleProfile'] });
  const fields = [
    'title',
    'summary',
    'criteria',
    ...criteria.flatMap((_, i) => [
      `criteria.${i}`,
      `criteria.${i}.title`,
      `criteria.${i}.weight`,
      `criteria.${i}.evidence`,
    ]),
  ];
  const { formRef, pending, errors, failure, run } = useMutationForm(fields);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    await run(
      async () =>
        (
          await update({
            variables: {
              input: {
                id: profile.id,
                expectedRevision: profile.revision,
                title: String(data.get('title') ?? ''),
                summary: orNull(String(data.get('summary') ?? '')),
                criteria: toCriterionInputs(criteria),
              },
            },
          })
        ).data?.updateRoleProfile,
    );
  }
  return (
    <Panel title="Profile and criteria">
      <form ref={formRef} className="form" onSubmit={submit} aria-label="Role profile">
        <FormProblems failure={failure} errors={errors} />
        <TextField
          name="title"
          label="Role title"
          defaultValue={profile.title}
          errors={errors.byField.title}
        />
        <TextField
          name="summary"
          label="Summary"
          defaultValue={profile.summary ?? ''}
          errors={errors.byField.summary}
        />
        <WeightEditor criteria={criteria} onChange={setCriteria} errors={(path) => errors.byField[path]} />
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Save profile
        </SubmitButton>
      </form>
    </Panel>
  );
}
