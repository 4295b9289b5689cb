import { PURPOSE_PART_LABELS, describeStandard } from './charter.js';
import type { CharterDiff, PromiseFieldChange } from './diff.js';

/**
 * The difference between two charter versions as sentences a client leader can read before signing off:
 * purpose first, then promises removed, added, changed and moved. An empty list means nothing changed.
 */
export function describeDiff(diff: CharterDiff): string[] {
  const sentences: string[] = [];
  for (const change of diff.purpose) {
    const label = PURPOSE_PART_LABELS[change.part];
    sentences.push(describeTextChange(capitalise(label), change.before, change.after));
  }
  for (const removed of diff.removed) {
    sentences.push(`Promise "${removed.title}" was removed (it was number ${removed.position}).`);
  }
  for (const added of diff.added) {
    sentences.push(`Promise "${added.title}" was added as number ${added.position}.`);
  }
  for (const changed of diff.changed) {
    for (const field of changed.fields) sentences.push(describeFieldChange(changed.title, field));
  }
  for (const moved of diff.reordered) {
    sentences.push(`Promise "${moved.title}" moved from number ${moved.from} to number ${moved.to}.`);
  }
  return sentences;
}

function describeFieldChange(title: string, change: PromiseFieldChange): string {
  if (change.field === 'title') return `Promise "${change.before}" was renamed "${change.after}".`;
  if (change.field === 'description') {
    if (!change.before) return `Promise "${title}" now has a description.`;
    if (!change.after) return `Promise "${title}" no longer has a description.`;
    return `The description of promise "${title}" changed.`;
  }
  if (!change.before && change.after) {
    return `Promise "${title}" now has the standard "${describeStandard(change.after)}".`;
  }
  if (change.before && !change.after) {
    return `Promise "${title}" no longer has a standard (it was "${describeStandard(change.before)}").`;
  }
  const before = change.before ? describeStandard(change.before) : '';
  const after = change.after ? describeStandard(change.after) : '';
  return `The standard of promise "${title}" changed from "${before}" to "${after}".`;
}

function describeTextChange(label: string, before: string, after: string): string {
  if (!before.trim()) return `${label} was written: "${after}".`;
  if (!after.trim()) return `${label} was cleared (it was "${before}").`;
  return `${label} changed from "${before}" to "${after}".`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
