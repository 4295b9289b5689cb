import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { describeError } from '../forms/describe-error';
import { mapUserErrors, noFieldErrors, type FieldErrors, type UserErrorLike } from '../forms/field-errors';
import { ErrorBanner, MessagesBanner } from '../forms/ErrorBanner';
import { TextAreaField } from '../forms/TextAreaField';
import type { CharterVersionFieldsFragment } from '../generated/graphql';
import { Panel } from '../ui/Panel';
import { PromiseEditor } from './PromiseEditor';
import { PublishGaps } from './PublishGaps';
import { PublishCharterVersionMutation, SaveCharterDraftMutation } from './documents';
import {
  draftFields,
  draftStateFrom,
  localProblems,
  movePromise,
  movePromiseTo,
  newPromise,
  toSaveInput,
  type DraftState,
  type PromiseDraft,
} from './draft-state';
import { Button } from '../ui/Button';
import './charters.css';

/** Edits a draft whole (purpose statement in its P = W/E parts, promises in order), saves and publishes it. */
export function CharterDraftEditor({ draft }: { draft: CharterVersionFieldsFragment }) {
  const [state, setState] = useState<DraftState>(() => draftStateFrom(draft));
  const [dirty, setDirty] = useState(false);
  const [pending, setPending] = useState<'save' | 'publish' | null>(null);
  const [errors, setErrors] = useState<FieldErrors<string>>(noFieldErrors);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [dragging, setDragging] = useState<{ from: number; over: number | null } | null>(null);
  const [save] = useMutation(SaveCharterDraftMutation);
  const [publish] = useMutation(PublishCharterVersionMutation, {
    refetchQueries: ['Charter'],
    awaitRefetchQueries: true,
  });

  const update = (next: DraftState) => {
    setState(next);
    setDirty(true);
    setNotice(null);
  };
  const setPromise = (index: number, patch: Partial<PromiseDraft>) =>
    update({ ...state, promises: state.promises.map((p, i) => (i === index ? { ...p, ...patch } : p)) });
  const field = (path: string) =>
    errors.byField[path] ?? errors.byField[path.replace(/^purposeStatement\./, 'purpose.')];

  function show(userErrors: readonly UserErrorLike[]) {
    setErrors(mapUserErrors(userErrors, draftFields(state)));
    return userErrors.length === 0;
  }

  /** Saves when there is anything unsaved; answers the revision to publish from, or null when saving failed. */
  async function saveIfNeeded(): Promise<number | null> {
    if (!dirty) return draft.revision;
    if (!show(localProblems(state))) return null;
    const payload = (await save({ variables: { input: toSaveInput(draft.id, draft.revision, state) } })).data
      ?.saveCharterDraft;
    if (!payload?.version || !show(payload.userErrors)) return null;
    setDirty(false);
    return payload.version.revision;
  }

  async function act(kind: 'save' | 'publish') {
    setPending(kind);
    setFailure(null);
    try {
      const revision = await saveIfNeeded();
      if (revision === null) return;
      if (kind === 'save') {
        setNotice('Draft saved.');
        return;
      }
      const payload = (
        await publish({ variables: { input: { versionId: draft.id, expectedRevision: revision } } })
      ).data?.publishCharterVersion;
      if (payload) show(payload.userErrors);
    } catch (error) {
      setFailure(describeError(error));
    } finally {
      setPending(null);
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void act('save');
  }

  return (
    <Panel title={`Draft: version ${draft.number}`}>
      <form className="form" onSubmit={onSubmit} aria-label="Charter draft">
        {failure && <ErrorBanner title="Could not save the draft">{failure}</ErrorBanner>}
        <MessagesBanner messages={errors.general} />
        <fieldset className="fieldset">
          <legend>Purpose statement (P = W / E)</legend>
          <TextAreaField
            name="purpose"
            label="Purpose (P)"
            rows={2}
            value={state.purpose}
            onChange={(e) => update({ ...state, purpose: e.target.value })}
            errors={field('purposeStatement.purpose')}
          />
          <TextAreaField
            name="why"
            label="Why we do it (W)"
            rows={2}
            value={state.why}
            onChange={(e) => update({ ...state, why: e.target.value })}
            errors={field('purposeStatement.why')}
          />
          <TextAreaField
            name="everythingElse"
            label="Over everything else (E)"
            rows={2}
            value={state.everythingElse}
            onChange={(e) => update({ ...state, everythingElse: e.target.value })}
            errors={field('purposeStatement.everythingElse')}
          />
        </fieldset>
        <h3>Promises</h3>
        {field('promises') && <MessagesBanner messages={field('promises') ?? []} />}
        <ol className="promise-editors">
          {state.promises.map((promise, index) => (
            <PromiseEditor
              key={promise.localId}
              promise={promise}
              index={index}
              count={state.promises.length}
              errors={field}
              onChange={(patch) => setPromise(index, patch)}
              onMove={(by) => update({ ...state, promises: movePromise(state.promises, index, by) })}
              onRemove={() => update({ ...state, promises: state.promises.filter((_, i) => i !== index) })}
              drag={{
                active: dragging !== null,
                isTarget: dragging !== null && dragging.over === index && dragging.from !== index,
                isDragged: dragging?.from === index,
                onStart: () => setDragging({ from: index, over: null }),
                onOver: () => setDragging((d) => (d && d.over !== index ? { ...d, over: index } : d)),
                onDrop: () => {
                  if (dragging)
                    update({ ...state, promises: movePromiseTo(state.promises, dragging.from, index) });
                  setDragging(null);
                },
                onEnd: () => setDragging(null),
              }}
            />
          ))}
        </ol>
        <Button onClick={() => update({ ...state, promises: [...state.promises, newPromise()] })}>
          Add a promise
        </Button>
        {!dirty && <PublishGaps gaps={draft.publishGaps} />}
        <div className="form-buttons">
          <Button type="submit" variant="primary" disabled={pending !== null}>
            {pending === 'save' ? 'Saving…' : dirty ? 'Save draft' : 'Saved'}
          </Button>
          <Button
            disabled={pending !== null || (!dirty && !draft.publishable)}
            onClick={() => void act('publish')}
          >
            {pending === 'publish' ? 'Publishing…' : 'Publish'}
          </Button>
          {notice && <span role="status">{notice}</span>}
        </div>
      </form>
    </Panel>
  );
}
