import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { ErrorBanner, MessagesBanner } from '../forms/ErrorBanner';
import { useMutationForm } from '../forms/useMutationForm';
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
  const [acting, setActing] = useState<'save' | 'publish' | null>(null);
  const { pending, errors, failure, run } = useMutationForm(draftFields(state));
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
  const field = (path: string) => errors.byField[path];

  /** Saves what is unsaved (checked here first, then by the API), then publishes when asked to. */
  async function act(kind: 'save' | 'publish') {
    setActing(kind);
    await run(async () => {
      let revision = draft.revision;
      if (dirty) {
        const problems = localProblems(state);
        if (problems.length > 0) return { userErrors: problems };
        const saved = (await save({ variables: { input: toSaveInput(draft.id, draft.revision, state) } }))
          .data?.saveCharterDraft;
        if (!saved?.version || saved.userErrors.length > 0) return saved;
        setDirty(false);
        revision = saved.version.revision;
      }
      if (kind === 'save') {
        setNotice('Draft saved.');
        return { userErrors: [] };
      }
      return (await publish({ variables: { input: { versionId: draft.id, expectedRevision: revision } } }))
        .data?.publishCharterVersion;
    });
    setActing(null);
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
          <Button type="submit" variant="primary" disabled={pending}>
            {acting === 'save' ? 'Saving…' : dirty ? 'Save draft' : 'Saved'}
          </Button>
          <Button disabled={pending || (!dirty && !draft.publishable)} onClick={() => void act('publish')}>
            {acting === 'publish' ? 'Publishing…' : 'Publish'}
          </Button>
          {notice && <span role="status">{notice}</span>}
        </div>
      </form>
    </Panel>
  );
}
