import type { KeyboardEvent } from 'react';
import type { Answer } from './answers';
import './audits.css';

interface CriterionInputProps {
  criterion: { key: string; prompt: string; guidance: string; highIsBad: boolean; critical: boolean };
  scale: readonly { score: number; label: string }[];
  answer: Answer | undefined;
  disabled: boolean;
  error?: readonly string[] | undefined;
  onChange: (answer: Answer) => void;
  /** Moves focus on to the next criterion once this one is answered from the keyboard. */
  onAnswered: () => void;
}

const SCORE_KEYS = new Set(['1', '2', '3', '4', '5']);

/**
 * One criterion: a 1–5 radio group plus N/A, and the evidence seen. With focus on the group, the keys 1–5 score
 * it and N marks it not applicable, then focus moves to the next criterion, so an audit can be scored from the
 * keyboard alone.
 */
export function CriterionInput({
  criterion,
  scale,
  answer,
  disabled,
  error,
  onChange,
  onAnswered,
}: CriterionInputProps) {
  const current: Answer = answer ?? { score: null, notApplicable: false, evidence: '' };
  const name = `criterion-${criterion.key}`;
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (
      disabled ||
      (event.target as HTMLElement).tagName !== 'INPUT' ||
      (event.target as HTMLInputElement).type !== 'radio'
    )
      return;
    if (SCORE_KEYS.has(event.key)) {
      event.preventDefault();
      onChange({ ...current, score: Number(event.key), notApplicable: false });
      onAnswered();
    } else if (event.key === 'n' || event.key === 'N') {
      event.preventDefault();
      onChange({ ...current, score: null, notApplicable: true });
      onAnswered();
    }
  }
  const errorId = error && error.length > 0 ? `${name}-error` : undefined;
  return (
    <fieldset className="criterion" data-criterion={criterion.key} aria-describedby={errorId}>
      <legend>
        {criterion.prompt}
        {criterion.critical && <span className="tag tag-danger">Critical</span>}
        {criterion.highIsBad && <span className="tag">High is bad</span>}
      </legend>
      <p className="field-hint">{criterion.guidance}</p>
      <div className="score-options" onKeyDown={onKeyDown}>
        {scale.map((s) => (
          <label key={s.score} className="score-option" title={s.label}>
            <input
              type="radio"
              name={name}
              value={s.score}
              disabled={disabled}
              checked={!current.notApplicable && current.score === s.score}
              onChange={() => onChange({ ...current, score: s.score, notApplicable: false })}
            />
            <span>
              {s.score} <span className="score-label">{s.label}</span>
            </span>
          </label>
        ))}
        <label className="score-option">
          <input
            type="radio"
            name={name}
            value="na"
            disabled={disabled}
            checked={current.notApplicable}
            onChange={() => onChange({ ...current, score: null, notApplicable: true })}
          />
          <span>N/A</span>
        </label>
      </div>
      <label className="evidence">
        <span>Evidence</span>
        <input
          type="text"
          name={`${name}-evidence`}
          disabled={disabled}
          value={current.evidence}
          onChange={(e) => onChange({ ...current, evidence: e.target.value })}
        />
      </label>
      {errorId && (
        <div className="field-error" id={errorId}>
          {error?.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </div>
      )}
    </fieldset>
  );
}
