import { useMutation } from '@apollo/client/react';
import { FormProblems } from '../forms/FormProblems';
import { useMutationForm } from '../forms/useMutationForm';
import type { EmailDelivery, EmailPreferencesFieldsFragment } from '../generated/graphql';
import { EmailSettingsQuery, SetEmailPreferenceMutation } from './documents';

type Preference = EmailPreferencesFieldsFragment['kinds'][number];

const CHOICES: readonly { value: EmailDelivery; label: string }[] = [
  { value: 'IMMEDIATE', label: 'Immediately' },
  { value: 'DIGEST', label: 'In my digest' },
  { value: 'OFF', label: 'Off' },
];

const FIELDS = ['kind', 'delivery'] as const;

/** One kind of email and how it comes; a choice is saved as it is made, and the answer is the saved state. */
export function DeliveryChoice({ preference }: { preference: Preference }) {
  // The payload is the whole saved state: written over the page's query, so every choice shows what was stored.
  const [save] = useMutation(SetEmailPreferenceMutation, {
    update(cache, { data }) {
      const preferences = data?.setEmailPreference.preferences;
      if (preferences)
        cache.writeQuery({ query: EmailSettingsQuery, data: { myEmailPreferences: preferences } });
    },
  });
  const { formRef, pending, errors, failure, run } = useMutationForm(FIELDS);
  const choose = (delivery: EmailDelivery) =>
    run(
      async () =>
        (await save({ variables: { input: { kind: preference.kind, delivery } } })).data?.setEmailPreference,
    );
  const problems = [...(errors.byField.kind ?? []), ...(errors.byField.delivery ?? [])];
  return (
    <form
      ref={formRef}
      className="email-kind"
      aria-label={preference.label}
      onSubmit={(e) => e.preventDefault()}
    >
      <fieldset className="fieldset" disabled={pending} aria-busy={pending || undefined}>
        <legend>{preference.label}</legend>
        <p className="field-hint">{preference.description}</p>
        <div
          className="email-delivery-options"
          role="radiogroup"
          aria-label={`How you get: ${preference.label}`}
        >
          {CHOICES.map((choice) => (
            <label key={choice.value} className="email-delivery-option">
              <input
                type="radio"
                name={`delivery-${preference.kind}`}
                value={choice.value}
                checked={preference.delivery === choice.value}
                onChange={() => void choose(choice.value)}
              />
              <span>{choice.label}</span>
            </label>
          ))}
        </div>
        {preference.isDefault && <p className="field-hint">You have not changed this one yet.</p>}
        {problems.length > 0 && (
          <div className="field-error" role="alert">
            {problems.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </div>
        )}
      </fieldset>
      <FormProblems failure={failure} errors={errors} />
    </form>
  );
}
