import { z } from 'zod';
import { MAX_CHARTER_PROMISES } from './charter.js';
import { LIMITS, optionalText, requiredText } from '../validation/text.js';
import { eachOnce } from '../validation/each-once.js';

/** A draft may be saved with parts of the purpose still empty; `publishReadiness` insists on all three. */
function draftText(label: string, max: number) {
  return z
    .string(`${label} must be text.`)
    .trim()
    .max(max, `${label} must be at most ${max} characters.`)
    .nullish()
    .transform((value) => value ?? '');
}

export const purposeInput = z.object({
  purpose: draftText('Purpose', LIMITS.statement),
  why: draftText('Why', LIMITS.statement),
  everythingElse: draftText('Everything else', LIMITS.statement),
});
export type PurposeInput = z.infer<typeof purposeInput>;

export const serviceStandardInput = z.object({
  metric: requiredText('Metric', LIMITS.title),
  target: z.number('Target must be a number.'),
  unit: requiredText('Unit', LIMITS.shortText),
});

/** A new promise comes without a key (the server assigns one); an existing promise keeps its key. */
export const promiseInput = z.object({
  key: z
    .string('Promise key must be text.')
    .trim()
    .min(1, 'Promise key must not be empty.')
    .max(64, 'Promise key must be at most 64 characters.')
    .optional(),
  title: requiredText('Promise title', LIMITS.title),
  description: optionalText('Description', LIMITS.longText),
  standard: serviceStandardInput.nullish().transform((value) => value ?? null),
});
export type PromiseInput = z.infer<typeof promiseInput>;

export const charterDraftInput = z.object({
  purposeStatement: purposeInput,
  promises: z
    .array(promiseInput)
    .max(MAX_CHARTER_PROMISES, `A charter holds at most ${MAX_CHARTER_PROMISES} promises.`)
    .superRefine(
      eachOnce(
        (promise) => promise.key,
        'key',
        (key) => `Another promise already uses the key "${key}".`,
      ),
    ),
});
export type CharterDraftInput = z.infer<typeof charterDraftInput>;
