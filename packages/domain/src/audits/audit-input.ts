import { z } from 'zod';
import { AUDIT_SCORES, type AuditFramework } from './framework.js';
import { auditResponsesInput } from './response-input.js';
import { LIMITS, isoDate, optionalText } from '../validation/text.js';
import { eachOnce } from '../validation/each-once.js';

/**
 * Input shapes for the audit operations that the API takes apart before applying the audit rules. They trim and
 * type-check; the rules themselves (what a framework must contain, which moves are allowed) live in
 * framework-validation.ts and lifecycle.ts.
 */

const KEY_MAX = 64;

function keyText(label: string) {
  return z
    .string(`${label} must be text.`)
    .trim()
    .min(1, `${label} is required.`)
    .max(KEY_MAX, `${label} must be at most ${KEY_MAX} characters.`);
}

/** Starting an audit: which framework (the latest version unless one is named), when, and under which title. */
export const auditInput = z.object({
  frameworkKey: keyText('Framework'),
  frameworkVersion: z
    .int('Framework version must be a whole number.')
    .min(1, 'Framework version must be 1 or more.')
    .nullish(),
  title: optionalText('Title', LIMITS.title),
  conductedOn: isoDate('Audit date').nullish(),
});
export type AuditInput = z.infer<typeof auditInput>;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * The title an audit gets when none is given: the framework and the month, which is how consultants tell a
 * client's audits apart ("A-E-I-O-U service values, March 2026").
 */
export function defaultAuditTitle(frameworkName: string, conductedOn: string): string {
  const month = MONTHS[Number(conductedOn.slice(5, 7)) - 1] ?? '';
  return `${frameworkName}, ${month} ${conductedOn.slice(0, 4)}`.slice(0, LIMITS.title);
}

/** Copying a framework under a new key; `validateFramework` checks the key and name of the copy. */
export const frameworkCopyInput = z.object({
  sourceKey: keyText('Framework to copy'),
  key: z.string('Key must be text.').trim(),
  name: z.string('Name must be text.').trim(),
});

/** A save must carry at least one response; an empty save would change nothing but the revision. */
export const auditResponsesToSave = auditResponsesInput.min(1, 'Give at least one response to save.');

const criterionEdit = z.object({
  key: z.string('Criterion key must be text.').trim(),
  prompt: z.string('Prompt must be text.').trim(),
  guidance: z
    .string('Guidance must be text.')
    .trim()
    .nullish()
    .transform((value) => value ?? ''),
  weight: z.number('Weight must be a number.'),
  highIsBad: z.boolean('High is bad must be true or false.').nullish().transform(Boolean),
  critical: z.boolean('Critical must be true or false.').nullish().transform(Boolean),
});

const sectionEdit = z.object({
  key: z.string('Section key must be text.').trim(),
  title: z.string('Section title must be text.').trim(),
  weight: z.number('Weight must be a number.'),
  criteria: z.array(criterionEdit).max(100, 'A section holds at most 100 criteria.'),
});

/**
 * A consultancy's edit of its own framework copy, trimmed. The scale, when given, lists the five labels from 1 to
 * 5. `validateFramework` then applies the framework rules to the result.
 */
export const frameworkEditInput = z.object({
  name: z.string('Name must be text.').trim(),
  summary: z
    .string('Summary must be text.')
    .trim()
    .nullish()
    .transform((value) => value ?? ''),
  scale: z
    .array(z.string('Each scale label must be text.').trim())
    .length(AUDIT_SCORES.length, 'Give exactly five scale labels, for 1 to 5.')
    .nullish(),
  sections: z.array(sectionEdit).max(50, 'A framework holds at most 50 sections.'),
});
export type FrameworkEditInput = z.infer<typeof frameworkEditInput>;

/**
 * The next version of a framework copy from an edit: the key never changes (audits and links name it), the
 * version goes up by one, and the scale is kept unless a new one is given.
 */
export function editedFramework(current: AuditFramework, edit: FrameworkEditInput): AuditFramework {
  const scale = edit.scale
    ? {
        1: edit.scale[0] ?? '',
        2: edit.scale[1] ?? '',
        3: edit.scale[2] ?? '',
        4: edit.scale[3] ?? '',
        5: edit.scale[4] ?? '',
      }
    : { ...current.scale };
  return {
    key: current.key,
    version: current.version + 1,
    name: edit.name,
    summary: edit.summary,
    scale,
    sections: edit.sections.map((section) => ({
      ...section,
      criteria: section.criteria.map((c) => ({ ...c })),
    })),
  };
}

/**
 * `validateFramework` names a scale label by its score (`scale.3`); an edit lists the labels from 1 to 5, so the
 * field in the edit is one lower (`scale.2`).
 */
export function frameworkEditField(field: string): string {
  const scale = /^scale\.([1-5])$/.exec(field);
  return scale ? `scale.${Number(scale[1]) - 1}` : field;
}

/** Which criteria of a framework test one charter promise; the list replaces the promise's links to it. */
export const promiseLinkInput = z.object({
  promiseKey: keyText('Promise'),
  frameworkKey: keyText('Framework'),
  criterionKeys: z
    .array(keyText('Criterion'))
    .max(LIMITS.listItems, `Link at most ${LIMITS.listItems} criteria to one promise.`)
    .superRefine(
      eachOnce(
        (key) => key,
        null,
        (key) => `The criterion "${key}" is listed twice.`,
      ),
    ),
});
export type PromiseLinkInput = z.infer<typeof promiseLinkInput>;
