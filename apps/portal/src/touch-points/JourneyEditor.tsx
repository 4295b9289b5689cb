import { useMutation, useQuery } from '@apollo/client/react';
import {
  CHANNEL_LABELS,
  CHANNELS,
  moveStage,
  moveTouchPoint,
  stepStage,
  stepTouchPoint,
  type JourneyOrder,
  type Step,
} from '@csp/domain';
import { useState, type DragEvent, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { FormProblems } from '../forms/FormProblems';
import { SelectField } from '../forms/SelectField';
import { SubmitButton } from '../forms/SubmitButton';
import { TextField } from '../forms/TextField';
import { useMutationForm } from '../forms/useMutationForm';
import { Button } from '../ui/Button';
import { Panel } from '../ui/Panel';
import { EmptyState, QueryState } from '../ui/QueryState';
import {
  AddStageMutation,
  RenameStageMutation,
  AddTouchPointMutation,
  JourneyQuery,
  RemoveStageMutation,
  RemoveTouchPointMutation,
  ReorderMutation,
  SetMomentOfTruthMutation,
} from './documents';
import './touch-points.css';

const KEY_STEPS: Record<string, Step> = {
  ArrowUp: 'EARLIER',
  ArrowDown: 'LATER',
  ArrowLeft: 'PREVIOUS_STAGE',
  ArrowRight: 'NEXT_STAGE',
};

/** A stage steps along the row of columns: left is earlier, right is later. */
const STAGE_KEY_STEPS: Record<string, 'EARLIER' | 'LATER'> = {
  ArrowLeft: 'EARLIER',
  ArrowRight: 'LATER',
};

/** What is being dragged: a touch point card or a stage (by its handle), which drop in different places. */
type Dragged = { kind: 'touchPoint' | 'stage'; id: string };

/** The drag data type of a stage, so a stage dropped on a card is never read as a touch point id. */
const STAGE_DRAG_TYPE = 'application/x-journey-stage';

/**
 * The client's journey as columns of stages holding touch point cards. A card moves by drag and drop (native HTML
 * drag and drop: no library, nothing to install, and the keyboard path below is the accessible one) or, focused,
 * with Alt+Arrow keys (up/down inside its stage, left/right to the neighbouring stage), announced in a live region.
 * A stage moves the same two ways by the handle on its header: dragged onto another stage it takes that stage's
 * place (so before it when dragged left, after it when dragged right), and focused, Alt+Left/Right steps it.
 * Each move sends the whole new order with the revision it was made on; the API refuses a stale one.
 */
export function JourneyEditor({ clientId, readOnly = false }: { clientId: string; readOnly?: boolean }) {
  const query = useQuery(JourneyQuery, { variables: { clientId } });
  const { data, loading, error, refetch } = query;
  const journey = data?.client?.journey;
  const [announcement, setAnnouncement] = useState('');
  const [dragged, setDragged] = useState<Dragged | null>(null);
  const [reorder] = useMutation(ReorderMutation);
  const [setMoment] = useMutation(SetMomentOfTruthMutation);
  const [removeTouchPoint] = useMutation(RemoveTouchPointMutation);
  const [removeStage] = useMutation(RemoveStageMutation);
  // No fields: the editor has no inputs, so every user error (a stale revision names `expectedRevision`) is shown
  // above the journey rather than filed under a field nobody renders.
  const moves = useMutationForm([] as const);

  const order: JourneyOrder =
    journey?.stages.map((s) => ({ stageId: s.id, touchPointIds: s.touchPoints.map((t) => t.id) })) ?? [];
  const nameOf = (id: string) =>
    journey?.stages.flatMap((s) => s.touchPoints).find((t) => t.id === id)?.name ?? 'The touch point';
  const stageName = (id: string) => journey?.stages.find((s) => s.id === id)?.name ?? '';

  /** Sends a new order; once saved, says where `moved` went (a touch point or a stage) and focuses it again. */
  async function send(next: JourneyOrder, moved: Dragged) {
    if (!journey) return;
    const saved = await moves.run(async () => {
      const answer = await reorder({
        variables: { input: { clientId, expectedRevision: journey.revision, stages: next } },
      });
      return answer.data?.reorderJourney;
    });
    // Moved or refused, show the journey as it now is. A failed reload shows in the query's own state; it must not
    // become an unhandled rejection of this fire-and-forget handler (nor one when the editor unmounts meanwhile).
    await refetch().catch(() => undefined);
    if (!saved) return;
    if (moved.kind === 'stage') {
      const place = next.findIndex((s) => s.stageId === moved.id) + 1;
      setAnnouncement(`${stageName(moved.id)} moved to position ${place} of ${next.length}.`);
      requestAnimationFrame(() => document.getElementById(`stage-handle-${moved.id}`)?.focus());
      return;
    }
    const stage = next.find((s) => s.touchPointIds.includes(moved.id));
    if (stage) {
      const place = stage.touchPointIds.indexOf(moved.id) + 1;
      setAnnouncement(
        `${nameOf(moved.id)} moved to ${stageName(stage.stageId)}, position ${place} of ${stage.touchPointIds.length}.`,
      );
    }
    requestAnimationFrame(() => document.getElementById(`touch-point-${moved.id}`)?.focus());
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>, touchPointId: string) {
    const step = KEY_STEPS[event.key];
    if (!event.altKey || !step || readOnly) return;
    event.preventDefault();
    const next = stepTouchPoint(order, touchPointId, step);
    if (next) void send(next, { kind: 'touchPoint', id: touchPointId });
    else setAnnouncement(`${nameOf(touchPointId)} cannot move further that way.`);
  }

  function onStageKeyDown(event: KeyboardEvent<HTMLElement>, stageId: string) {
    const step = STAGE_KEY_STEPS[event.key];
    if (!event.altKey || !step || readOnly) return;
    event.preventDefault();
    const next = stepStage(order, stageId, step);
    if (next) void send(next, { kind: 'stage', id: stageId });
    else setAnnouncement(`${stageName(stageId)} cannot move further that way.`);
  }

  /** What is being dragged: this editor's own drag first, else what the drag carries (a drag from another tab). */
  function draggedOf(event: DragEvent<HTMLElement>): Dragged | null {
    if (dragged) return dragged;
    const stageId = event.dataTransfer.getData(STAGE_DRAG_TYPE);
    if (stageId) return { kind: 'stage', id: stageId };
    const touchPointId = event.dataTransfer.getData('text/plain');
    return touchPointId ? { kind: 'touchPoint', id: touchPointId } : null;
  }

  /** A card dropped on a card takes its place; a stage dropped on a card is left to the card's stage. */
  function onDrop(event: DragEvent<HTMLElement>, stageId: string, index: number) {
    const moved = draggedOf(event);
    if (moved?.kind === 'stage') return;
    event.preventDefault();
    event.stopPropagation();
    setDragged(null);
    if (!moved) return;
    void send(moveTouchPoint(order, moved.id, stageId, index), moved);
  }

  /** Dropped on a stage: a card goes to the end of it, a stage takes its place. */
  function onStageDrop(event: DragEvent<HTMLElement>, stageId: string, cards: number) {
    const moved = draggedOf(event);
    event.preventDefault();
    setDragged(null);
    if (!moved) return;
    if (moved.kind === 'touchPoint') {
      void send(moveTouchPoint(order, moved.id, stageId, cards), moved);
      return;
    }
    const to = order.findIndex((s) => s.stageId === stageId);
    const from = order.findIndex((s) => s.stageId === moved.id);
    if (to < 0 || from < 0 || to === from) return;
    void send(moveStage(order, moved.id, to), moved);
  }

  return (
    <Panel title="Customer journey" count={journey ? journey.stages.length : undefined}>
      <p className="visually-hidden" aria-live="polite" role="status">
        {announcement}
      </p>
      <QueryState loading={loading} error={error} what="the journey" retry={refetch} hasData={Boolean(data)}>
        {journey && (
          <>
            {!readOnly && (
              <p className="muted">
                Drag a card to move it, or focus it and press Alt with the arrow keys: up and down within a
                stage, left and right to the next stage. Move a stage the same way by its handle (⠿): drag it,
                or focus it and press Alt with the left and right arrow keys.
              </p>
            )}
            <FormProblems
              failure={moves.failure}
              errors={moves.errors}
              title="Could not change the journey"
            />
            {journey.stages.length === 0 ? (
              <EmptyState title="No journey mapped yet">
                {readOnly
                  ? 'Your consultant has not mapped your customers’ journey yet.'
                  : 'Add the first stage the customer goes through, e.g. “Finding us”.'}
              </EmptyState>
            ) : (
              <ol className="journey" aria-label="Stages">
                {journey.stages.map((stage) => (
                  <li
                    key={stage.id}
                    className="journey-stage"
                    aria-label={stage.name}
                    onDragOver={(e) => !readOnly && e.preventDefault()}
                    onDrop={(e) => onStageDrop(e, stage.id, stage.touchPoints.length)}
                  >
                    <div className="journey-stage-header">
                      {!readOnly && (
                        <Button
                          size="small"
                          id={`stage-handle-${stage.id}`}
                          draggable
                          aria-label={`Move stage ${stage.name}`}
                          aria-roledescription="movable stage"
                          onKeyDown={(e) => onStageKeyDown(e, stage.id)}
                          onDragStart={(e) => {
                            e.dataTransfer.setData(STAGE_DRAG_TYPE, stage.id);
                            e.dataTransfer.effectAllowed = 'move';
                            setDragged({ kind: 'stage', id: stage.id });
                          }}
                          onDragEnd={() => setDragged(null)}
                        >
                          ⠿
                        </Button>
                      )}
                      <h3>{stage.name}</h3>
                    </div>
                    <ol className="journey-cards" aria-label={`Touch points of ${stage.name}`}>
                      {stage.touchPoints.map((point, index) => (
                        <li
                          key={point.id}
                          id={`touch-point-${point.id}`}
                          className={point.momentOfTruth ? 'journey-card moment-of-truth' : 'journey-card'}
                          tabIndex={0}
                          draggable={!readOnly}
                          aria-label={`${point.name}${point.momentOfTruth ? ', moment of truth' : ''}`}
                          aria-roledescription={readOnly ? undefined : 'movable touch point'}
                          onKeyDown={(e) => onKeyDown(e, point.id)}
                          onDragStart={(e) => {
                            e.dataTransfer.setData('text/plain', point.id);
                            e.dataTransfer.effectAllowed = 'move';
                            setDragged({ kind: 'touchPoint', id: point.id });
                          }}
                          onDragEnd={() => setDragged(null)}
                          onDragOver={(e) => !readOnly && e.preventDefault()}
                          onDrop={(e) => onDrop(e, stage.id, index)}
                        >
                          <Link to={`/touch-points/${point.id}`} className="item-title">
                            {point.name}
                          </Link>
                          <span className="muted">
                            {CHANNEL_LABELS[point.channel]} · {point.owningTeam}
                          </span>
                          {point.momentOfTruth && <span className="tag">Moment of truth</span>}
                          {!readOnly && (
                            <span className="journey-card-actions">
                              <Button
                                size="small"
                                aria-pressed={point.momentOfTruth}
                                onClick={() =>
                                  void moves.run(async () => {
                                    const answer = await setMoment({
                                      variables: {
                                        input: { id: point.id, momentOfTruth: !point.momentOfTruth },
                                      },
                                    });
                                    await refetch();
                                    return answer.data?.setMomentOfTruth;
                                  })
                                }
                              >
                                Moment of truth
                              </Button>
                              <Button
                                size="small"
                                variant="secondary"
                                onClick={() =>
                                  void moves.run(async () => {
                                    const answer = await removeTouchPoint({
                                      variables: { input: { id: point.id } },
                                    });
                                    await refetch();
                                    return answer.data?.removeTouchPoint;
                                  })
                                }
                              >
                                Remove
                              </Button>
                            </span>
                          )}
                        </li>
                      ))}
                    </ol>
                    {!readOnly && (
                      <>
                        <NewTouchPointForm stageId={stage.id} onAdded={() => void refetch()} />
                        <RenameStageForm key={stage.name} stage={stage} onRenamed={() => void refetch()} />
                        {stage.touchPoints.length === 0 && (
                          <Button
                            size="small"
                            variant="secondary"
                            onClick={() =>
                              void moves.run(async () => {
                                const answer = await removeStage({ variables: { input: { id: stage.id } } });
                                await refetch();
                                return answer.data?.removeJourneyStage;
                              })
                            }
                          >
                            Remove stage
                          </Button>
                        )}
                      </>
                    )}
                  </li>
                ))}
              </ol>
            )}
            {!readOnly && <NewStageForm clientId={clientId} onAdded={() => void refetch()} />}
            {journey.changes.length > 0 && (
              <details className="journey-history">
                <summary>Recent changes</summary>
                <ul>
                  {journey.changes.map((change) => (
                    <li key={change.id}>{change.summary}</li>
                  ))}
                </ul>
              </details>
            )}
          </>
        )}
      </QueryState>
    </Panel>
  );
}

function NewStageForm({ clientId, onAdded }: { clientId: string; onAdded: () => void }) {
  const [add] = useMutation(AddStageMutation);
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm(['name'] as const);
  return (
    <form
      ref={formRef}
      className="inline-form"
      aria-label="New stage"
      onSubmit={onSubmit(
        async (values) =>
          (await add({ variables: { input: { clientId, name: values.name } } })).data?.addJourneyStage,
        (form) => {
          form.reset();
          onAdded();
        },
      )}
    >
      <FormProblems failure={failure} errors={errors} />
      <TextField name="name" label="New stage" errors={errors.byField.name} />
      <SubmitButton pending={pending} pendingLabel="Adding…">
        Add stage
      </SubmitButton>
    </form>
  );
}

function NewTouchPointForm({ stageId, onAdded }: { stageId: string; onAdded: () => void }) {
  const [add] = useMutation(AddTouchPointMutation);
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm([
    'name',
    'channel',
    'owningTeam',
  ] as const);
  return (
    <form
      ref={formRef}
      className="inline-form"
      aria-label="New touch point"
      onSubmit={onSubmit(
        async (values) =>
          (
            await add({
              variables: {
                input: {
                  stageId,
                  name: values.name,
                  channel: values.channel as (typeof CHANNELS)[number],
                  owningTeam: values.owningTeam,
                },
              },
            })
          ).data?.addTouchPoint,
        (form) => {
          form.reset();
          onAdded();
        },
      )}
    >
      <FormProblems failure={failure} errors={errors} />
      <TextField name="name" label="Touch point" errors={errors.byField.name} />
      <SelectField
        name="channel"
        label="Channel"
        options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
        errors={errors.byField.channel}
      />
      <TextField name="owningTeam" label="Owning team" errors={errors.byField.owningTeam} />
      <SubmitButton pending={pending} pendingLabel="Adding…">
        Add touch point
      </SubmitButton>
    </form>
  );
}

/** Renames a stage, folded away under its own summary so the column stays short. */
function RenameStageForm({
  stage,
  onRenamed,
}: {
  stage: { id: string; name: string };
  onRenamed: () => void;
}) {
  const [rename] = useMutation(RenameStageMutation);
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm(['name'] as const);
  return (
    <details className="journey-rename">
      <summary>Rename stage</summary>
      <form
        ref={formRef}
        className="inline-form"
        aria-label={`Rename the stage ${stage.name}`}
        onSubmit={onSubmit(
          async (values) =>
            (await rename({ variables: { input: { id: stage.id, name: values.name } } })).data
              ?.renameJourneyStage,
          () => onRenamed(),
        )}
      >
        <FormProblems failure={failure} errors={errors} />
        <TextField name="name" label="Stage name" defaultValue={stage.name} errors={errors.byField.name} />
        <SubmitButton pending={pending} pendingLabel="Renaming…">
          Rename
        </SubmitButton>
      </form>
    </details>
  );
}
