import {
  PURPOSE_PARTS,
  type CharterDraft,
  type CharterPromise,
  type PurposePart,
  type ServiceStandard,
} from './charter.js';

export interface PurposeChange {
  part: PurposePart;
  before: string;
  after: string;
}

export type PromiseFieldChange =
  | { field: 'title'; before: string; after: string }
  | { field: 'description'; before: string | null; after: string | null }
  | { field: 'standard'; before: ServiceStandard | null; after: ServiceStandard | null };

/** Positions are 1-based, as people count promises on a page. */
export interface PromisePlace {
  key: string;
  title: string;
  position: number;
}

export interface PromiseChange {
  key: string;
  /** The title in the newer version. */
  title: string;
  fields: PromiseFieldChange[];
}

export interface PromiseMove {
  key: string;
  title: string;
  from: number;
  to: number;
}

export interface CharterDiff {
  purpose: PurposeChange[];
  added: PromisePlace[];
  removed: PromisePlace[];
  changed: PromiseChange[];
  reordered: PromiseMove[];
}

/**
 * What changed from version `a` to version `b`. Promises are matched by key, so a reworded promise shows as
 * changed. Only promises that really moved count as reordered: the largest set of promises that kept their
 * relative order stays put, so inserting one promise at the top does not report every other promise as moved.
 * Keys are assumed unique within a version (publishing enforces it).
 */
export function charterDiff(a: CharterDraft, b: CharterDraft): CharterDiff {
  const before = new Map(a.promises.map((p, i) => [p.key, { promise: p, position: i + 1 }]));
  const after = new Map(b.promises.map((p, i) => [p.key, { promise: p, position: i + 1 }]));

  const purpose = PURPOSE_PARTS.filter((part) => a.purposeStatement[part] !== b.purposeStatement[part]).map(
    (part) => ({
      part,
      before: a.purposeStatement[part],
      after: b.purposeStatement[part],
    }),
  );
  const added = b.promises.flatMap((p, i) => (before.has(p.key) ? [] : [place(p, i)]));
  const removed = a.promises.flatMap((p, i) => (after.has(p.key) ? [] : [place(p, i)]));
  const changed = b.promises.flatMap((p) => {
    const old = before.get(p.key);
    const fields = old ? promiseFieldChanges(old.promise, p) : [];
    return fields.length > 0 ? [{ key: p.key, title: p.title, fields }] : [];
  });

  const keptA = a.promises.map((p) => p.key).filter((key) => after.has(key));
  const keptB = b.promises.map((p) => p.key).filter((key) => before.has(key));
  const stayed = longestCommonOrder(keptA, keptB);
  const reordered = keptB
    .filter((key) => !stayed.has(key))
    .flatMap((key) => {
      const from = before.get(key);
      const to = after.get(key);
      return from && to ? [{ key, title: to.promise.title, from: from.position, to: to.position }] : [];
    });

  return { purpose, added, removed, changed, reordered };
}

export function isEmptyDiff(diff: CharterDiff): boolean {
  return (
    diff.purpose.length === 0 &&
    diff.added.length === 0 &&
    diff.removed.length === 0 &&
    diff.changed.length === 0 &&
    diff.reordered.length === 0
  );
}

function place(promise: CharterPromise, index: number): PromisePlace {
  return { key: promise.key, title: promise.title, position: index + 1 };
}

function promiseFieldChanges(a: CharterPromise, b: CharterPromise): PromiseFieldChange[] {
  const changes: PromiseFieldChange[] = [];
  if (a.title !== b.title) changes.push({ field: 'title', before: a.title, after: b.title });
  const descriptionA = a.description || null;
  const descriptionB = b.description || null;
  if (descriptionA !== descriptionB) {
    changes.push({ field: 'description', before: descriptionA, after: descriptionB });
  }
  const standardA = a.standard ?? null;
  const standardB = b.standard ?? null;
  if (!sameStandard(standardA, standardB))
    changes.push({ field: 'standard', before: standardA, after: standardB });
  return changes;
}

function sameStandard(a: ServiceStandard | null, b: ServiceStandard | null): boolean {
  if (a === null || b === null) return a === b;
  return a.metric === b.metric && a.target === b.target && a.unit === b.unit;
}

/**
 * The keys of a longest common subsequence of two orderings of the same keys. Charters hold at most twenty
 * promises, so the quadratic table is tiny. Ties are broken the same way every time: of two promises that swapped,
 * the one earlier in the older version is reported as the one that moved.
 */
function longestCommonOrder(a: readonly string[], b: readonly string[]): Set<string> {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const table = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number) => table[i * cols + j] ?? 0;
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * cols + j] = a[i] === b[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const kept = new Set<string>();
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      kept.add(a[i] ?? '');
      i++;
      j++;
    } else if (at(i + 1, j) >= at(i, j + 1)) i++;
    else j++;
  }
  return kept;
}
