import { useMutation } from '@apollo/client/react';
import { CHANNELS, CHANNEL_LABELS, COMPLAINT_SEVERITIES, COMPLAINT_SEVERITY_LABELS } from '@csp/domain';
import { useState } from 'react';
import { FormProblems } from '../forms/FormProblems';
import { SelectField } from '../forms/SelectField';
import { SubmitButton } from '../forms/SubmitButton';
import { TextAreaField } from '../forms/TextAreaField';
import { TextField } from '../forms/TextField';
import { orNull, useMutationForm } from '../forms/useMutationForm';
import type { Channel, ComplaintSeverity } from '../generated/graphql';
import { RecordComplaintMutation } from './documents';

const FIELDS = [
  'receivedAt',
  'channel',
  'categoryId',
  'severity',
  'whatHappened',
  'customerReference',
  'clientId',
] as const;

/** A datetime-local value (the viewer's own clock) as an instant; null when it is not one. */
export function instantOfLocal(value: string): string | null {
  const date = new Date(value);
  return value && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
}

/**
 * Records one complaint in the client's log: when it came in, how, its category, how bad, and what happened. The
 * API checks it with the domain's rules; its messages land under each field.
 */
export function RecordComplaintForm({
  clientId,
  categories,
  touchPointId,
  onRecorded,
}: {
  clientId: string;
  categories: readonly { id: string; name: string }[];
  touchPointId?: string;
  onRecorded: () => unknown;
}) {
  const [record] = useMutation(RecordComplaintMutation);
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm(FIELDS);
  const [done, setDone] = useState(false);
  const submit = onSubmit(
    async (v) => {
      setDone(false);
      const receivedAt = instantOfLocal(v.receivedAt);
      if (!receivedAt) {
        return {
          complaint: null,
          userErrors: [{ field: 'receivedAt', message: 'Give the date and time it came in.' }],
        };
      }
      return (
        await record({
          variables: {
            input: {
              clientId,
              receivedAt,
              channel: v.channel as Channel,
              categoryId: v.categoryId,
              severity: v.severity as ComplaintSeverity,
              whatHappened: v.whatHappened,
              customerReference: orNull(v.customerReference),
              touchPointId: touchPointId ?? null,
            },
          },
        })
      ).data?.recordComplaint;
    },
    (form) => {
      form.reset();
      setDone(true);
      return onRecorded();
    },
  );
  const e = (field: (typeof FIELDS)[number]) => errors.byField[field];
  return (
    <form ref={formRef} className="form" onSubmit={submit} aria-label="Record a complaint" noValidate>
      <FormProblems failure={failure} errors={errors} />
      <TextField
        name="receivedAt"
        label="Received at"
        type="datetime-local"
        required
        errors={e('receivedAt')}
      />
      <SelectField
        name="channel"
        label="Channel"
        options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
        errors={e('channel')}
      />
      <SelectField
        name="categoryId"
        label="Category"
        placeholder="Choose a category"
        options={categories.map((c) => ({ value: c.id, label: c.name }))}
        errors={e('categoryId')}
      />
      <SelectField
        name="severity"
        label="Severity"
        defaultValue="MEDIUM"
        options={COMPLAINT_SEVERITIES.map((s) => ({ value: s, label: COMPLAINT_SEVERITY_LABELS[s] }))}
        errors={e('severity')}
      />
      <TextAreaField name="whatHappened" label="What happened" required errors={e('whatHappened')} />
      <TextField
        name="customerReference"
        label="Customer reference (optional)"
        hint="A case or ticket number; never the customer’s name or contact details."
        errors={e('customerReference')}
      />
      <div className="form-buttons">
        <SubmitButton pending={pending} pendingLabel="Recording…">
          Record complaint
        </SubmitButton>
        {done && <span role="status">Complaint recorded.</span>}
      </div>
    </form>
  );
}
