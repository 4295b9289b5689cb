import { useMutation } from '@apollo/client/react';
import { FormProblems } from '../forms/FormProblems';
import { SubmitButton } from '../forms/SubmitButton';
import { TextField } from '../forms/TextField';
import { useMutationForm } from '../forms/useMutationForm';
import { Panel } from '../ui/Panel';
import { SaveScorecardMutation } from './documents';

/** Scores a new candidate 1–5 on each criterion; unscored criteria leave the scorecard incomplete. */
export function ScorecardForm({
  profileId,
  criteria,
}: {
  profileId: string;
  criteria: readonly { id: string; title: string }[];
}) {
  const [save] = useMutation(SaveScorecardMutation, { refetchQueries: ['RoleProfile'] });
  const fields = ['candidateRef', 'scores', ...criteria.map((c) => c.id)];
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm(fields);
  const submit = onSubmit(
    async (v) =>
      (
        await save({
          variables: {
            input: {
              profileId,
              candidateRef: v.candidateRef ?? '',
              scores: criteria.flatMap((c) =>
                v[c.id] ? [{ criterionId: c.id, score: Number(v[c.id]) }] : [],
              ),
            },
          },
        })
      ).data?.saveCandidateScorecard,
    (form) => form.reset(),
  );
  return (
    <Panel title="Score a candidate">
      <form ref={formRef} className="form" onSubmit={submit} aria-label="Score a candidate">
        <FormProblems failure={failure} errors={errors} />
        <TextField
          name="candidateRef"
          label="Candidate name or reference"
          hint="Nothing more about the person is kept."
          required
          errors={errors.byField.candidateRef}
        />
        {criteria.map((c) => (
          <fieldset key={c.id} className="fieldset">
            <legend>{c.title}</legend>
            <div className="score-options">
              {[1, 2, 3, 4, 5].map((s) => (
                <label key={s} className="score-option">
                  <input type="radio" name={c.id} value={s} /> {s}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        {errors.byField.scores && (
          <FormProblems failure={null} errors={{ byField: {}, general: errors.byField.scores }} />
        )}
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Save scorecard
        </SubmitButton>
      </form>
    </Panel>
  );
}
