import type { KeyboardEvent } from 'react';
import { TextField } from '../forms/TextField';
import type { PromiseDraft } from './draft-state';

interface PromiseEditorProps {
  promise: PromiseDraft;
  index: number;
  count: number;
  errors: (path: string) => readonly string[] | undefined;
  onChange: (patch: Partial<PromiseDraft>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

/** One promise of a draft. Alt+↑ / Alt+↓ anywhere inside it moves it, as the buttons do. */
export function PromiseEditor({
  promise,
  index,
  count,
  errors,
  onChange,
  onMove,
  onRemove,
}: PromiseEditorProps) {
  const n = index + 1;
  function onKeyDown(event: KeyboardEvent) {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    onMove(event.key === 'ArrowUp' ? -1 : 1);
  }
  const standardErrors = errors(`promises.${index}.standard`);
  return (
    <li className="promise-editor" onKeyDown={onKeyDown}>
      <fieldset className="fieldset">
        <legend>Promise {n}</legend>
        <TextField
          name={`promise-${n}-title`}
          label={`Promise ${n}`}
          value={promise.title}
          onChange={(e) => onChange({ title: e.target.value })}
          errors={errors(`promises.${index}.title`) ?? errors(`promises.${index}`)}
        />
        <TextField
          name={`promise-${n}-description`}
          label="What it means (optional)"
          value={promise.description}
          onChange={(e) => onChange({ description: e.target.value })}
          errors={errors(`promises.${index}.description`)}
        />
        <div className="standard-row">
          <TextField
            name={`promise-${n}-metric`}
            label="Service standard: metric"
            value={promise.metric}
            onChange={(e) => onChange({ metric: e.target.value })}
            errors={standardErrors}
          />
          <TextField
            name={`promise-${n}-target`}
            label="Target"
            inputMode="decimal"
            value={promise.target}
            onChange={(e) => onChange({ target: e.target.value })}
          />
          <TextField
            name={`promise-${n}-unit`}
            label="Unit"
            value={promise.unit}
            onChange={(e) => onChange({ unit: e.target.value })}
          />
        </div>
        <div className="button-row">
          <button
            type="button"
            className="button button-quiet button-small"
            onClick={() => onMove(-1)}
            disabled={index === 0}
            aria-label={`Move promise ${n} up`}
          >
            ↑ Up
          </button>
          <button
            type="button"
            className="button button-quiet button-small"
            onClick={() => onMove(1)}
            disabled={index === count - 1}
            aria-label={`Move promise ${n} down`}
          >
            ↓ Down
          </button>
          <button
            type="button"
            className="button button-quiet button-small"
            onClick={onRemove}
            aria-label={`Remove promise ${n}`}
          >
            Remove
          </button>
        </div>
      </fieldset>
    </li>
  );
}
