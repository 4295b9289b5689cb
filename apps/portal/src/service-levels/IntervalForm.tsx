import { useMutation } from '@apollo/client/react';
import { instantOfLocalTime } from '@csp/domain';
import { useState } from 'react';
import { FormProblems } from '../forms/FormProblems';
import { SubmitButton } from '../forms/SubmitButton';
import { TextAreaField } from '../forms/TextAreaField';
import { TextField } from '../forms/TextField';
import type { UserErrorLike } from '../forms/field-errors';
import { orNull, useMutationForm } from '../forms/useMutationForm';
import { asksForCorrectionReason, badRowErrors } from './csv';
import { RecordMeasurementsMutation } from './documents';

const FIELDS = ['start', 'end', 'good', 'valid', 'excluded', 'correctionReason'] as const;
type Field = (typeof FIELDS)[number];

const CLOSED =
  'This period has closed and already has figures: say why they change. The reason is kept with the correction.';

/** `2026-11-30T09:00` from a datetime-local input, as the instant it is in the service level's time zone. */
export function localInstant(value: string, timeZone: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  if (!match) return null;
  return instantOfLocalTime(match[1]!, match[2]!, timeZone).toISOString();
}

function count(value: string): number | null {
  return /^\d+$/.test(value.trim()) ? Number(value.trim()) : null;
}

/**
 * One interval typed in by hand, for a small client whose figures come on paper or from a weekly report: local
 * start and end in the client's time zone, and the counts. The API's rules are the same as for any batch.
 */
export function IntervalForm({
  serviceLevelId,
  timeZone,
  onRecorded,
}: {
  serviceLevelId: string;
  timeZone: string;
  onRecorded: () => unknown;
}) {
  const [record] = useMutation(RecordMeasurementsMutation);
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm(FIELDS);
  const [askReason, setAskReason] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const submit = onSubmit(
    async (v) => {
      setDone(null);
      const local: UserErrorLike[] = [];
      const start = localInstant(v.start, timeZone);
      const end = localInstant(v.end, timeZone);
      if (!start) local.push({ field: 'start', message: 'Give the date and time the interval starts.' });
      if (!end) local.push({ field: 'end', message: 'Give the date and time the interval ends.' });
      const numbers = {
        good: count(v.good),
        valid: count(v.valid),
        excluded: v.excluded.trim() ? count(v.excluded) : null,
      };
      for (const field of ['good', 'valid'] as const) {
        if (numbers[field] === null) local.push({ field, message: 'Give a whole number, 0 or more.' });
      }
      if (v.excluded.trim() && numbers.excluded === null) {
        local.push({ field: 'excluded', message: 'Give a whole number, 0 or more, or leave it empty.' });
      }
      if (local.length > 0) return { added: 0, replaced: 0, corrected: 0, userErrors: local };
      const payload = (
        await record({
          variables: {
            input: {
              intervals: [
                {
                  serviceLevelId,
                  start: start!,
                  end: end!,
                  good: numbers.good!,
                  valid: numbers.valid!,
                  excluded: numbers.excluded,
                },
              ],
              correctionReason: askReason ? orNull(v.correctionReason) : null,
            },
          },
        })
      ).data?.recordMeasurements;
      if (!payload) return payload;
      const asks = asksForCorrectionReason(payload.userErrors);
      if (asks) setAskReason(true);
      const userErrors = badRowErrors(payload.userErrors).map((e) => ({
        ...e,
        field: e.field.replace(/^intervals\.0\./, ''),
      }));
      return {
        ...payload,
        userErrors:
          asks && !userErrors.some((e) => e.field === 'correctionReason')
            ? [...userErrors, { field: 'correctionReason', message: CLOSED, code: 'REQUIRED' as const }]
            : userErrors,
      };
    },
    (form, payload) => {
      form.reset();
      setAskReason(false);
      setDone(
        payload.corrected
          ? 'Interval recorded; the closed period’s correction is in the history.'
          : payload.replaced
            ? 'Interval recorded, replacing the one with the same start and end.'
            : 'Interval recorded.',
      );
      return onRecorded();
    },
  );
  const e = (field: Field) => errors.byField[field];
  return (
    <form
      ref={formRef}
      className="form interval-form"
      onSubmit={submit}
      aria-label="Enter one interval by hand"
      noValidate
    >
      <h3>Enter one interval by hand</h3>
      <p className="field-hint">
        Times are the client’s local times ({timeZone}); the end is not part of the interval.
      </p>
      <FormProblems failure={failure} errors={errors} />
      <div className="interval-fields">
        <TextField name="start" label="Start" type="datetime-local" required errors={e('start')} />
        <TextField name="end" label="End" type="datetime-local" required errors={e('end')} />
        <TextField name="good" label="Good" inputMode="numeric" required errors={e('good')} />
        <TextField name="valid" label="Valid" inputMode="numeric" required errors={e('valid')} />
        <TextField name="excluded" label="Excluded (optional)" inputMode="numeric" errors={e('excluded')} />
      </div>
      {askReason && (
        <TextAreaField
          name="correctionReason"
          label="Reason for the correction"
          required
          errors={e('correctionReason')}
        />
      )}
      <div className="form-buttons">
        <SubmitButton pending={pending} pendingLabel="Recording…">
          Record interval
        </SubmitButton>
        {done && <span role="status">{done}</span>}
      </div>
    </form>
  );
}
