import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { FormProblems } from '../forms/FormProblems';
import { SelectField } from '../forms/SelectField';
import { SubmitButton } from '../forms/SubmitButton';
import { useMutationForm } from '../forms/useMutationForm';
import {
  LinkPromiseToCriteriaMutation,
  type LinkableFramework,
  type LinkablePromise,
  type PromiseLink,
} from './promise-links';
import { Button } from '../ui/Button';
import './charters.css';

// `criterionKeys.2` lands on `criterionKeys`; the charter and promise name no input here, so they go above.
const FIELDS = ['frameworkKey', 'criterionKeys'] as const;

interface CriteriaPickerProps {
  charterId: string;
  promise: LinkablePromise;
  frameworks: readonly LinkableFramework[];
  links: readonly PromiseLink[];
  onDone: (saved: boolean) => void;
}

const linkedIn = (links: readonly PromiseLink[], promiseKey: string, frameworkKey: string) =>
  new Set(
    links
      .filter((l) => l.promiseKey === promiseKey && l.frameworkKey === frameworkKey)
      .map((l) => l.criterionKey),
  );

/**
 * Picks which criteria of one framework test a promise. Saving replaces that framework's links for the promise
 * (the API's contract), so the boxes start from the links already there and unticking one removes it.
 */
export function CriteriaPicker({ charterId, promise, frameworks, links, onDone }: CriteriaPickerProps) {
  const firstLinked = frameworks.find((f) => linkedIn(links, promise.key, f.key).size > 0);
  const [frameworkKey, setFrameworkKey] = useState(firstLinked?.key ?? frameworks[0]?.key ?? '');
  const [selected, setSelected] = useState(() => linkedIn(links, promise.key, frameworkKey));
  const [link] = useMutation(LinkPromiseToCriteriaMutation, {
    refetchQueries: ['PromiseCriteria'],
    awaitRefetchQueries: true,
  });
  const { formRef, pending, errors, failure, run } = useMutationForm(FIELDS);
  const criteriaErrorId = useId();
  const framework = frameworks.find((f) => f.key === frameworkKey);
  const criteriaErrors = errors.byField.criterionKeys ?? [];

  function chooseFramework(key: string) {
    setFrameworkKey(key);
    setSelected(linkedIn(links, promise.key, key));
  }

  function toggle(key: string, on: boolean) {
    const next = new Set(selected);
    if (on) next.add(key);
    else next.delete(key);
    setSelected(next);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    // Sent in the framework's own order, so the API's error paths (`criterionKeys.N`) follow what is on screen.
    const order = framework?.sections.flatMap((s) => s.criteria.map((c) => c.key)) ?? [];
    const criterionKeys = order.filter((key) => selected.has(key));
    const ok = await run(
      async () =>
        (
          await link({
            variables: { input: { charterId, promiseKey: promise.key, frameworkKey, criterionKeys } },
          })
        ).data?.linkPromiseToCriteria,
    );
    if (ok) onDone(true);
  }

  return (
    <form
      ref={formRef}
      className="form criteria-picker"
      onSubmit={(e) => void submit(e)}
      aria-label={`Criteria that test “${promise.title}”`}
    >
      <FormProblems failure={failure} errors={errors} />
      <SelectField
        name="frameworkKey"
        label="Audit framework"
        value={frameworkKey}
        onChange={(e) => chooseFramework(e.target.value)}
        options={frameworks.map((f) => ({ value: f.key, label: f.name }))}
        errors={errors.byField.frameworkKey}
        disabled={pending}
      />
      {framework && (
        <fieldset
          className="fieldset criteria-options"
          aria-describedby={criteriaErrors.length ? criteriaErrorId : undefined}
          aria-invalid={criteriaErrors.length ? true : undefined}
          disabled={pending}
        >
          <legend>Criteria of {framework.name}</legend>
          {criteriaErrors.length > 0 && (
            <div className="field-error" id={criteriaErrorId}>
              {criteriaErrors.map((message) => (
                <p key={message}>{message}</p>
              ))}
            </div>
          )}
          {framework.sections.map((section) => (
            <div key={section.key} role="group" aria-label={section.title} className="criteria-section">
              <p className="criteria-section-title" aria-hidden="true">
                {section.title}
              </p>
              {section.criteria.map((criterion) => (
                <label key={criterion.key} className="criterion-check">
                  <input
                    type="checkbox"
                    name="criterionKeys"
                    value={criterion.key}
                    checked={selected.has(criterion.key)}
                    onChange={(e) => toggle(criterion.key, e.target.checked)}
                  />{' '}
                  {criterion.prompt}
                </label>
              ))}
            </div>
          ))}
        </fieldset>
      )}
      <div className="form-buttons">
        <SubmitButton pending={pending} pendingLabel="Saving links…">
          Save links
        </SubmitButton>
        <Button onClick={() => onDone(false)} disabled={pending}>
          Cancel
        </Button>
        {selected.size === 0 && (
          <span className="muted">Saving with none ticked removes this framework’s links.</span>
        )}
      </div>
    </form>
  );
}
