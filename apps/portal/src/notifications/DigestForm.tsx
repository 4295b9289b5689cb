import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { FormProblems } from '../forms/FormProblems';
import { SelectField } from '../forms/SelectField';
import { SubmitButton } from '../forms/SubmitButton';
import { useMutationForm } from '../forms/useMutationForm';
import type { DigestCadence, EmailPreferencesFieldsFragment } from '../generated/graphql';
import { formatDateTimeIn } from '../ui/format';
import { EmailSettingsQuery, SetDigestSettingsMutation } from './documents';
import { WEEKDAYS, browserTimeZone, timeZoneOptions } from './time-zones';

type Digest = EmailPreferencesFieldsFragment['digest'];

const FIELDS = ['cadence', 'weekday', 'timeZone'] as const;

const CADENCES = [
  { value: 'DAILY', label: 'Every day' },
  { value: 'WEEKLY', label: 'Once a week' },
];

/**
 * When the digest comes: daily, or weekly on a chosen day, at 08:00 in the person's zone. Until they choose, the
 * zone offered is the browser's own rather than the API's UTC default, so saving once is usually enough.
 */
export function DigestForm({ digest }: { digest: Digest }) {
  const [cadence, setCadence] = useState<DigestCadence>(digest.cadence);
  const [saved, setSaved] = useState(false);
  const [save] = useMutation(SetDigestSettingsMutation, {
    update(cache, { data }) {
      const preferences = data?.setDigestSettings.preferences;
      if (preferences)
        cache.writeQuery({ query: EmailSettingsQuery, data: { myEmailPreferences: preferences } });
    },
  });
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm(FIELDS);
  const zone = digest.isDefault ? (browserTimeZone() ?? digest.timeZone) : digest.timeZone;
  const submit = onSubmit(
    async (v) => {
      setSaved(false);
      return (
        await save({
          variables: {
            input: {
              cadence,
              weekday: cadence === 'WEEKLY' ? Number(v.weekday) : null,
              timeZone: v.timeZone,
            },
          },
        })
      ).data?.setDigestSettings;
    },
    () => setSaved(true),
  );
  return (
    <form ref={formRef} className="form" onSubmit={submit} aria-label="Digest">
      <FormProblems failure={failure} errors={errors} />
      <SelectField
        name="cadence"
        label="How often"
        value={cadence}
        onChange={(e) => setCadence(e.target.value as DigestCadence)}
        options={CADENCES}
        errors={errors.byField.cadence}
      />
      {cadence === 'WEEKLY' && (
        <SelectField
          name="weekday"
          label="On"
          defaultValue={String(digest.weekday ?? 1)}
          options={WEEKDAYS}
          errors={errors.byField.weekday}
        />
      )}
      <SelectField
        name="timeZone"
        label="Time zone"
        defaultValue={zone}
        options={timeZoneOptions(zone)}
        errors={errors.byField.timeZone}
      />
      <p className="field-hint">Your digest comes at 8:00 in the morning in this time zone.</p>
      <p role="status">
        {digest.isDefault ? 'Until you save, your digest comes daily at 8:00 UTC. ' : ''}
        Next digest: {formatDateTimeIn(digest.nextDigestAt, digest.timeZone)} (
        {digest.timeZone.replaceAll('_', ' ')}){saved && ' (saved)'}
      </p>
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save digest settings
      </SubmitButton>
    </form>
  );
}
