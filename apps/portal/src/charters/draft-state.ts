import type { CharterVersionFieldsFragment, SaveCharterDraftInput } from '../generated/graphql';

/** A promise as the editor holds it: every input as text, the standard optional until its metric is given. */
export interface PromiseDraft {
  localId: string;
  key: string | null;
  title: string;
  description: string;
  metric: string;
  target: string;
  unit: string;
}

export interface DraftState {
  purpose: string;
  why: string;
  everythingElse: string;
  promises: PromiseDraft[];
}

let counter = 0;
export function newPromise(): PromiseDraft {
  counter += 1;
  return {
    localId: `new-${counter}`,
    key: null,
    title: '',
    description: '',
    metric: '',
    target: '',
    unit: '',
  };
}

export function draftStateFrom(version: CharterVersionFieldsFragment): DraftState {
  return {
    ...version.purposeStatement,
    promises: version.promises.map((p) => ({
      localId: p.key,
      key: p.key,
      title: p.title,
      description: p.description ?? '',
      metric: p.standard?.metric ?? '',
      target: p.standard ? String(p.standard.target) : '',
      unit: p.standard?.unit ?? '',
    })),
  };
}

/** The editor's state as the API's input; a standard is sent only when any of its parts is filled in. */
export function toSaveInput(versionId: string, revision: number, state: DraftState): SaveCharterDraftInput {
  return {
    versionId,
    expectedRevision: revision,
    purposeStatement: { purpose: state.purpose, why: state.why, everythingElse: state.everythingElse },
    promises: state.promises.map((p) => ({
      key: p.key,
      title: p.title,
      description: p.description.trim() || null,
      standard:
        p.metric || p.target || p.unit
          ? { metric: p.metric, target: parseTarget(p.target) ?? 0, unit: p.unit }
          : null,
    })),
  };
}

/** Moves one promise up (-1) or down (+1); out-of-range moves change nothing. */
export function movePromise(promises: PromiseDraft[], index: number, by: -1 | 1): PromiseDraft[] {
  return movePromiseTo(promises, index, index + by);
}

/**
 * Moves the promise at `from` so that it ends up at `to`, the others keeping their order: what the buttons, the
 * keyboard and a drag all do. Out-of-range or no-op moves return the same list.
 */
export function movePromiseTo(promises: PromiseDraft[], from: number, to: number): PromiseDraft[] {
  const inRange = (i: number) => Number.isInteger(i) && i >= 0 && i < promises.length;
  if (from === to || !inRange(from) || !inRange(to)) return promises;
  const next = [...promises];
  const [moved] = next.splice(from, 1);
  if (moved) next.splice(to, 0, moved);
  return next;
}

/** The names of every input the API may point an error at, so `mapUserErrors` can place each one. */
export function draftFields(state: DraftState): string[] {
  return [
    'purposeStatement.purpose',
    'purposeStatement.why',
    'purposeStatement.everythingElse',
    'purposeStatement',
    'promises',
    ...state.promises.flatMap((_, i) => [
      `promises.${i}.title`,
      `promises.${i}.description`,
      `promises.${i}.standard`,
      `promises.${i}`,
    ]),
  ];
}

/** A target as typed, with a comma accepted as the decimal mark; null when it is not a number. */
export function parseTarget(text: string): number | null {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(value) ? value : null;
}

/** Problems the browser can see before sending: a standard needs a numeric target. */
export function localProblems(state: DraftState): { field: string; message: string }[] {
  return state.promises.flatMap((p, i) =>
    (p.metric || p.unit || p.target) && parseTarget(p.target) === null
      ? [{ field: `promises.${i}.standard`, message: 'Give the standard a target as a number, e.g. 90.' }]
      : [],
  );
}
