import type { DragEvent, KeyboardEvent } from 'react';
import { TextField } from '../forms/TextField';
import type { PromiseDraft } from './draft-state';
import { Button } from '../ui/Button';
import './charters.css';

interface PromiseEditorProps {
  promise: PromiseDraft;
  index: number;
  count: number;
  errors: (path: string) => readonly string[] | undefined;
  onChange: (patch: Partial<PromiseDraft>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  /** Pointer reordering; keyboard users have the buttons and Alt+↑ / Alt+↓, which do the same move. */
  drag: {
    /** A promise of this list is being dragged (anything else dragged in is not for us). */
    active: boolean;
    /** Where the dragged promise would land if dropped now (this promise is highlighted). */
    isTarget: boolean;
    isDragged: boolean;
    onStart: () => void;
    onOver: () => void;
    onDrop: () => void;
    onEnd: () => void;
  };
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
  drag,
}: PromiseEditorProps) {
  const n = index + 1;
  function onKeyDown(event: KeyboardEvent) {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    onMove(event.key === 'ArrowUp' ? -1 : 1);
  }
  function onDragStart(event: DragEvent<HTMLElement>) {
    event.dataTransfer.effectAllowed = 'move';
    // Firefox starts a drag only when it carries data.
    event.dataTransfer.setData('text/plain', promise.title || `Promise ${n}`);
    const item = event.currentTarget.closest('li');
    if (item) event.dataTransfer.setDragImage(item, 16, 16);
    drag.onStart();
  }
  function onDragOver(event: DragEvent<HTMLLIElement>) {
    // Only a promise of this list may be dropped here, not text or files dragged in from elsewhere.
    if (!drag.active) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    drag.onOver();
  }
  function onDrop(event: DragEvent<HTMLLIElement>) {
    if (!drag.active) return;
    event.preventDefault();
    drag.onDrop();
  }
  const standardErrors = errors(`promises.${index}.standard`);
  const className = ['promise-editor', drag.isTarget && 'drop-target', drag.isDragged && 'dragged']
    .filter(Boolean)
    .join(' ');
  return (
    <li className={className} onKeyDown={onKeyDown} onDragOver={onDragOver} onDrop={onDrop}>
      <fieldset className="fieldset">
        <legend>
          <span
            className="drag-handle"
            draggable
            onDragStart={onDragStart}
            onDragEnd={drag.onEnd}
            title="Drag to reorder"
            aria-hidden="true"
            data-testid={`drag-promise-${n}`}
          >
            ⠿
          </span>{' '}
          Promise {n}
        </legend>
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
          <Button
            size="small"
            onClick={() => onMove(-1)}
            disabled={index === 0}
            aria-label={`Move promise ${n} up`}
          >
            ↑ Up
          </Button>
          <Button
            size="small"
            onClick={() => onMove(1)}
            disabled={index === count - 1}
            aria-label={`Move promise ${n} down`}
          >
            ↓ Down
          </Button>
          <Button size="small" onClick={onRemove} aria-label={`Remove promise ${n}`}>
            Remove
          </Button>
        </div>
      </fieldset>
    </li>
  );
}
