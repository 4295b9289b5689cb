import { scoreAudit } from '@csp/domain';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { describeError } from '../forms/describe-error';
import { ErrorBanner, MessagesBanner } from '../forms/ErrorBanner';
import type { Payload } from '../forms/useMutationForm';
import type { AuditFrameworkFieldsFragment, AuditResponseInput } from '../generated/graphql';
import { answersFrom, toResponseInputs, toScoringResponses, type Answer, type Answers } from './answers';
import { CriterionInput } from './CriterionInput';
import { toDomainFramework } from './framework';
import { LiveScores } from './LiveScores';
import { Button } from '../ui/Button';
import './audits.css';

interface AuditScoringFormProps {
  framework: AuditFrameworkFieldsFragment;
  responses: Parameters<typeof answersFrom>[0];
  editable: boolean;
  /** Sends the changed responses; answers the payload so errors can be placed on their criteria. */
  onSave: (responses: AuditResponseInput[]) => Promise<Payload | null | undefined>;
  /** Told how many answers are not saved yet, so the page can hold back submitting until they are. */
  onUnsavedChange?: (count: number) => void;
}

/** Scores every criterion of a framework, with live scores from the shared rules as answers go in. */
export function AuditScoringForm({
  framework,
  responses,
  editable,
  onSave,
  onUnsavedChange,
}: AuditScoringFormProps) {
  const [answers, setAnswers] = useState<Answers>(() => answersFrom(responses));
  const [dirty, setDirty] = useState<Set<string>>(() => new Set());
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ byKey: Record<string, string[]>; general: string[] }>({
    byKey: {},
    general: [],
  });
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const domainFramework = useMemo(() => toDomainFramework(framework), [framework]);
  const scores = scoreAudit(domainFramework, toScoringResponses(answers));
  useEffect(() => onUnsavedChange?.(dirty.size), [dirty, onUnsavedChange]);
  const order = framework.sections.flatMap((s) => s.criteria.map((c) => c.key));

  function change(key: string, answer: Answer) {
    setAnswers((current) => ({ ...current, [key]: answer }));
    setDirty((current) => new Set(current).add(key));
    setSaved(false);
  }

  function focusAfter(key: string) {
    const next = order[order.indexOf(key) + 1];
    const fieldset = next ? formRef.current?.querySelector(`[data-criterion="${next}"]`) : null;
    const radio =
      fieldset?.querySelector<HTMLInputElement>('input[type="radio"]:checked') ??
      fieldset?.querySelector<HTMLInputElement>('input[type="radio"]');
    radio?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const inputs = toResponseInputs(
      answers,
      order.filter((k) => dirty.has(k)),
    );
    if (inputs.length === 0) return;
    setPending(true);
    setFailure(null);
    try {
      const payload = await onSave(inputs);
      const byKey: Record<string, string[]> = {};
      const general: string[] = [];
      for (const e of payload?.userErrors ?? []) {
        const index = /^(?:input\.)?responses\.(\d+)/.exec(e.field)?.[1];
        const key = index === undefined ? undefined : inputs[Number(index)]?.criterionKey;
        if (key) (byKey[key] ??= []).push(e.message);
        else general.push(e.message);
      }
      setErrors({ byKey, general });
      if (payload && payload.userErrors.length === 0) {
        setDirty(new Set());
        setSaved(true);
      }
    } catch (error) {
      setFailure(describeError(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="scoring-layout">
      <form
        ref={formRef}
        className="form scoring-form touch-targets"
        onSubmit={submit}
        aria-label="Score the criteria"
      >
        <p className="field-hint">
          Tip: with a score selected, press 1–5 to score or N for not applicable; focus moves to the next
          criterion.
        </p>
        {failure && <ErrorBanner title="Could not save the responses">{failure}</ErrorBanner>}
        <MessagesBanner messages={errors.general} />
        {framework.sections.map((section) => (
          <section key={section.key} aria-labelledby={`section-${section.key}`}>
            <h3 id={`section-${section.key}`}>{section.title}</h3>
            {section.criteria.map((criterion) => (
              <CriterionInput
                key={criterion.key}
                criterion={criterion}
                scale={framework.scale}
                answer={answers[criterion.key]}
                disabled={!editable}
                error={errors.byKey[criterion.key]}
                onChange={(answer) => change(criterion.key, answer)}
                onAnswered={() => focusAfter(criterion.key)}
              />
            ))}
          </section>
        ))}
        {editable && (
          <div className="form-buttons sticky-actions">
            <Button type="submit" variant="primary" disabled={pending || dirty.size === 0}>
              {pending ? 'Saving…' : `Save responses${dirty.size > 0 ? ` (${dirty.size})` : ''}`}
            </Button>
            {saved && <span role="status">Responses saved.</span>}
          </div>
        )}
      </form>
      <LiveScores scores={scores} />
    </div>
  );
}
