import { useMutation, useQuery } from '@apollo/client/react';
import {
  CHANNEL_LABELS,
  CHANNELS,
  moveTouchPoint,
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

/**
 * The client's journey as columns of stages holding touch point cards. A card moves by drag and drop (native HTML
 * drag and drop: no library, nothing to install, and the keyboard path below is the accessible one) or, focused,
 * with Alt+Arrow keys (up/down inside its stage, left/right to the neighbouring stage), announced in a live region.
 * Each move sends the whole new order with the revision it was made on; the API refuses a stale one.
 */
export function JourneyEditor({ clientId, readOnly = false }: { clientId: string; readOnly?: boolean }) {
  const query = useQuery(JourneyQuery, { variables: { clientId } });
  const { data, loading, error, refetch } = query;
  const journey = data?.client?.journey;
  const [announcement, setAnnouncement] = useState('');
  const [dragged, setDragged] = useState<string | null>(null);
  const [reorder] = useMutation(ReorderMutation);
  const [setMoment] = useMutation(SetMomentOfTruthMutation);
  const [removeTouchPoint] = useMutation(RemoveTouchPointMutation);
  const [removeStage] = useMutation(RemoveStageMutation);
  const moves = useMutationForm(['stages', 'expectedRevision', 'id'] as const);

  const order: JourneyOrder =
    journey?.stages.map((s) => ({ stageId: s.id, touchPointIds: s.touchPoints.map((t) => t.id) })) ?? [];
  const nameOf = (id: string) =>
    journey?.stages.flatMap((s) => s.touchPoints).find((t) => t.id === id)?.name ?? 'The touch point';
  const stageName = (id: string) => journey?.stages.find((s) => s.id === id)?.name ?? '';

  async function send(next: JourneyOrder, touchPointId: string) {
    if (!journey) return;
    const saved = await moves.run(async () => {
      const answer = await reorder({
        variables: { input: { clientId, expectedRevision: journey.revision, stages: next } },
      });
      return answer.data?.reorderJourney;
    });
    await refetch();
    if (saved) {
      const stage = next.find((s) => s.touchPointIds.includes(touchPointId));
      if (stage) {
        const place = stage.touchPointIds.indexOf(touchPointId) + 1;
        setAnnouncement(
          `${nameOf(touchPointId)} moved to ${stageName(stage.stageId)}, position ${place} of ${stage.touchPointIds.length}.`,
        );
      }
      requestAnimationFrame(() => document.getElementById(`touch-point-${touchPointId}`)?.focus());
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>, touchPointId: string) {
    const step = KEY_STEPS[event.key];
    if (!event.altKey || !step || readOnly) return;
    event.preventDefault();
    const next = stepTouchPoint(order, touchPointId, step);
    if (next) void send(next, touchPointId);
    else setAnnouncement(`${nameOf(touchPointId)} cannot move further that way.`);
  }

  function onDrop(event: DragEvent<HTMLElement>, stageId: string, index: number) {
    event.preventDefault();
    event.stopPropagation();
    const id = dragged ?? event.dataTransfer.getData('text/plain');
    setDragged(null);
    if (!id) return;
    void send(moveTouchPoint(order, id, stageId, index), id);
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
                stage, left and right to the next stage.
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
                    onDrop={(e) => onDrop(e, stage.id, stage.touchPoints.length)}
                  >
                    <h3>{stage.name}</h3>
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
                            setDragged(point.id);
                          }}
                          onDragOver={(e) => !readOnly && e.preventDefault()}
                          onDrop={(e) => onDrop(e, stage.id, index)}
                        >
                          {readOnly ? (
                            <span className="item-title">{point.name}</span>
                          ) : (
                            <Link to={`/touch-points/${point.id}`} className="item-title">
                              {point.name}
                            </Link>
                          )}
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
